package dev.rapport.crm.examples.email;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Signs a message with DKIM (RFC 6376): {@code rsa-sha256}, relaxed/relaxed canonicalization.
 * The signed header fields are the ones named at construction that the message has (the
 * defaults include {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}, as RFC 8058
 * section 4 requires), each signed from its last occurrence upwards (RFC 6376 5.4.2).
 *
 * <p>Input and output are the message's bytes with CRLF line ends; the signature is added as the
 * first header field. The signing time is given by the caller, never read from a clock.
 */
public final class DkimSigner {
  /** The header fields signed by default, in this order. */
  public static final List<String> DEFAULT_HEADERS =
      List.of(
          "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
          "Content-Transfer-Encoding", Email.LIST_UNSUBSCRIBE, Email.LIST_UNSUBSCRIBE_POST);

  private static final byte[] CRLF = {'\r', '\n'};
  private static final Pattern WSP_RUN = Pattern.compile("[ \t]+");

  private final String domain;
  private final String selector;
  private final PrivateKey key;
  private final List<String> headers;

  /**
   * A signer for {@code domain} whose public key is published at {@code
   * selector._domainkey.domain}.
   */
  public DkimSigner(String domain, String selector, PrivateKey key) {
    this(domain, selector, key, DEFAULT_HEADERS);
  }

  /** A signer that signs the header fields {@code headers}. */
  public DkimSigner(String domain, String selector, PrivateKey key, List<String> headers) {
    checkArgument(domain.matches("[A-Za-z0-9.-]+"), "not a domain name: %s", domain);
    checkArgument(selector.matches("[A-Za-z0-9._-]+"), "not a DKIM selector: %s", selector);
    checkArgument("RSA".equals(key.getAlgorithm()), "rsa-sha256 needs an RSA key, got %s", key.getAlgorithm());
    checkArgument(headers.stream().anyMatch("From"::equalsIgnoreCase), "DKIM must sign From (RFC 6376 5.4)");
    this.domain = domain;
    this.selector = selector;
    this.key = key;
    this.headers = List.copyOf(headers);
  }

  /** The message {@code message} (CRLF line ends) with a {@code DKIM-Signature} in front. */
  public byte[] sign(byte[] message, Instant at) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    checkArgument(end >= 0, "a message needs a blank line (CRLF CRLF) between header and body");
    List<String> fields = unfoldedFields(text.substring(0, end + 2));
    String body = text.substring(end + 4);

    List<String> signedNames = new ArrayList<>();
    StringBuilder canonical = new StringBuilder();
    boolean[] used = new boolean[fields.size()];
    for (String name : headers) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        if (!used[i] && nameOf(fields.get(i)).equalsIgnoreCase(name)) {
          used[i] = true;
          signedNames.add(name);
          canonical.append(relaxedHeader(fields.get(i))).append("\r\n");
          break;
        }
      }
    }
    String value =
        "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + "; t="
            + at.getEpochSecond() + "; h=" + String.join(":", signedNames).toLowerCase(Locale.ROOT)
            + "; bh=" + Base64.getEncoder().encodeToString(sha256(relaxedBody(body))) + "; b=";
    canonical.append(relaxedHeader("DKIM-Signature: " + value));
    String signature = Base64.getEncoder().encodeToString(rsaSha256(canonical.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 512);
    out.writeBytes(("DKIM-Signature: " + value + signature).getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(CRLF);
    out.writeBytes(message);
    return out.toByteArray();
  }

  /** The header fields of a header block, each unfolded (RFC 5322 2.2.3) without its CRLF. */
  private static List<String> unfoldedFields(String block) {
    List<String> fields = new ArrayList<>();
    for (String line : block.split("\r\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
        fields.set(fields.size() - 1, fields.get(fields.size() - 1) + line);
      } else if (!line.isEmpty()) {
        fields.add(line);
      }
    }
    return fields;
  }

  private static String nameOf(String field) {
    int colon = field.indexOf(':');
    return colon < 0 ? field : field.substring(0, colon).trim();
  }

  /** RFC 6376 3.4.2: lower-case name, unfolded value with runs of blanks as one space, trimmed. */
  static String relaxedHeader(String field) {
    int colon = field.indexOf(':');
    String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String value = WSP_RUN.matcher(field.substring(colon + 1).replace("\r\n", "")).replaceAll(" ").trim();
    return name + ":" + value;
  }

  /**
   * RFC 6376 3.4.4: blanks at line ends dropped, runs of blanks as one space, empty lines at the
   * end dropped, and a non-empty body ending in CRLF.
   */
  static byte[] relaxedBody(String body) {
    String[] lines = body.split("\r\n", -1);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String squeezed = WSP_RUN.matcher(line).replaceAll(" ");
      out.add(squeezed.endsWith(" ") ? squeezed.substring(0, squeezed.length() - 1) : squeezed);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    StringBuilder canonical = new StringBuilder();
    for (String line : out) {
      canonical.append(line).append("\r\n");
    }
    return canonical.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private byte[] rsaSha256(String data) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(data.getBytes(StandardCharsets.ISO_8859_1));
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the DKIM key: " + e.getMessage(), e);
    }
  }
}
