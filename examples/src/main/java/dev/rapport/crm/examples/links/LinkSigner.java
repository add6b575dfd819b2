package dev.rapport.crm.examples.links;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.examples.links.BadLinkException.Problem;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the tokens of signed links: {@code base64url(payload) "." base64url(mac)},
 * where the payload is {@code v1|use|customer|purpose|channel|entity|issuedAt|messageId} and the
 * mac is HMAC-SHA256 of the payload under the sender's secret key. Checking compares macs in
 * constant time ({@link MessageDigest#isEqual}), then the use, then the age: a token is valid
 * from its issue time (a minute of clock skew allowed) until issue time plus the validity of its
 * use.
 *
 * <p>The signer never reads a clock: the caller passes the instant.
 */
public final class LinkSigner {
  static final char SEPARATOR = '|';
  private static final String VERSION = "v1";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Duration SKEW = Duration.ofMinutes(1);
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Duration unsubscribeValidity;
  private final Duration preferencesValidity;

  private LinkSigner(byte[] key, Duration unsubscribeValidity, Duration preferencesValidity) {
    checkArgument(key.length >= 32, "an HMAC-SHA256 key needs at least 32 bytes, got %s", key.length);
    checkArgument(!unsubscribeValidity.isNegative() && !unsubscribeValidity.isZero(), "validity must be positive");
    checkArgument(!preferencesValidity.isNegative() && !preferencesValidity.isZero(), "validity must be positive");
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.unsubscribeValidity = unsubscribeValidity;
    this.preferencesValidity = preferencesValidity;
  }

  /**
   * A signer with the key {@code key} (at least 32 random bytes, kept secret by the sender):
   * unsubscribe links stay valid for 60 days (CAN-SPAM asks 30 days at least), preference links
   * for 14 days.
   */
  public static LinkSigner of(byte[] key) {
    return new LinkSigner(key, Duration.ofDays(60), Duration.ofDays(14));
  }

  /** A signer with the given validity for each use. */
  public static LinkSigner of(byte[] key, Duration unsubscribeValidity, Duration preferencesValidity) {
    return new LinkSigner(key, unsubscribeValidity, preferencesValidity);
  }

  /** How long a token of {@code use} is valid after its issue time. */
  public Duration validity(LinkUse use) {
    return use == LinkUse.UNSUBSCRIBE ? unsubscribeValidity : preferencesValidity;
  }

  /** The token for {@code token}, safe to put in a URL as it is. */
  public String sign(LinkToken token) {
    String payload =
        String.join(
            String.valueOf(SEPARATOR),
            VERSION,
            token.use().name(),
            token.customerId(),
            token.purpose().name(),
            token.channel().name(),
            token.entity(),
            Long.toString(token.issuedAt().getEpochSecond()),
            token.messageId());
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /**
   * The token {@code text} says, if it is genuine, made for {@code use} and valid at {@code now}.
   *
   * @throws BadLinkException if it is malformed, forged or tampered with, made for another use,
   *     or expired
   */
  public LinkToken verify(String text, LinkUse use, Instant now) throws BadLinkException {
    int dot = text.indexOf('.');
    if (dot <= 0 || dot != text.lastIndexOf('.') || dot == text.length() - 1) {
      throw new BadLinkException(Problem.MALFORMED, "the link's token is not of the form PAYLOAD.SIGNATURE");
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(text.substring(0, dot));
      signature = DECODER.decode(text.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new BadLinkException(Problem.MALFORMED, "the link's token is not base64url: " + e.getMessage());
    }
    // One token, one spelling: base64 ignores a last character's spare bits, so "QQ" and "QR"
    // decode alike. Refusing any spelling but ours keeps replay checks keyed on the text sound.
    if (!ENCODER.encodeToString(payload).equals(text.substring(0, dot))
        || !ENCODER.encodeToString(signature).equals(text.substring(dot + 1))) {
      throw new BadLinkException(Problem.MALFORMED, "the link's token is not in canonical base64url");
    }
    if (!MessageDigest.isEqual(mac(payload), signature)) {
      throw new BadLinkException(Problem.FORGED, "the link's signature does not match: it was not made by us or was changed");
    }
    LinkToken token = parse(new String(payload, StandardCharsets.UTF_8));
    if (token.use() != use) {
      throw new BadLinkException(
          Problem.WRONG_SCOPE, "this link is for " + token.use() + ", not " + use);
    }
    if (token.issuedAt().isAfter(now.plus(SKEW))) {
      throw new BadLinkException(Problem.MALFORMED, "the link was issued in the future (" + token.issuedAt() + ")");
    }
    Instant expiry = token.issuedAt().plus(validity(use));
    if (!now.isBefore(expiry)) {
      throw new BadLinkException(Problem.EXPIRED, "the link expired on " + expiry);
    }
    return token;
  }

  private static LinkToken parse(String payload) throws BadLinkException {
    List<String> fields = Arrays.asList(payload.split("\\" + SEPARATOR, -1));
    if (fields.size() != 8 || !fields.get(0).equals(VERSION)) {
      throw new BadLinkException(Problem.MALFORMED, "the link's token has an unknown layout");
    }
    try {
      return new LinkToken(
          LinkUse.valueOf(fields.get(1)),
          fields.get(2),
          Purpose.valueOf(fields.get(3)),
          Channel.valueOf(fields.get(4)),
          fields.get(5),
          Instant.ofEpochSecond(Long.parseLong(fields.get(6))),
          fields.get(7));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new BadLinkException(Problem.MALFORMED, "the link's token has a bad field: " + e.getMessage());
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
