package dev.rapport.crm.examples.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.examples.links.BadLinkException.Problem;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Signed links: genuine ones round-trip, any change is refused, and they expire on time. */
final class LinkSignerTest {
  private static final long SEED = 20260310L;
  private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
  private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private final LinkSigner signer = LinkSigner.of(key(1));

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    new Random(seed).nextBytes(key);
    return key;
  }

  private static LinkToken randomToken(Random random) {
    LinkUse use = LinkUse.values()[random.nextInt(LinkUse.values().length)];
    String customer = "c-" + random.nextInt(1_000_000) + (random.nextBoolean() ? "é" : "");
    String entity = random.nextBoolean() ? "" : "acme-" + random.nextInt(10);
    return new LinkToken(
        use, customer, Purpose.values()[random.nextInt(Purpose.values().length)],
        Channel.values()[random.nextInt(Channel.values().length)], entity,
        NOW.minusSeconds(random.nextInt(86_400 * 13)), "<" + random.nextLong() + "@northwind.example>");
  }

  @TestFactory
  Stream<DynamicTest> aGenuineTokenReadsBackAndEveryOneCharacterChangeIsRefused() {
    Random random = new Random(SEED);
    return IntStream.range(0, 200).mapToObj(i -> {
      long caseSeed = random.nextLong();
      return DynamicTest.dynamicTest("seed " + caseSeed, () -> {
        Random r = new Random(caseSeed);
        LinkToken token = randomToken(r);
        String text = signer.sign(token);
        assertThat(signer.verify(text, token.use(), NOW)).as("seed %s", caseSeed).isEqualTo(token);
        int at = r.nextInt(text.length());
        char replacement = BASE64URL.charAt(r.nextInt(BASE64URL.length()));
        if (replacement == text.charAt(at)) {
          replacement = replacement == 'A' ? 'B' : 'A';
        }
        String changed = text.substring(0, at) + replacement + text.substring(at + 1);
        BadLinkException refused = catchThrowableOfType(BadLinkException.class, () -> signer.verify(changed, token.use(), NOW));
        assertThat(refused).as("seed %s: %s accepted", caseSeed, changed).isNotNull();
        assertThat(refused.problem()).as("seed %s", caseSeed).isIn(Problem.FORGED, Problem.MALFORMED);
      });
    });
  }

  @Test
  void anotherSpellingOfTheSameBytesIsRefused() throws BadLinkException {
    for (int n = 0; n < 40; n++) {
      LinkToken token = new LinkToken(LinkUse.UNSUBSCRIBE, "c-" + "1".repeat(n + 1), Purpose.OFFER, Channel.EMAIL, "", NOW, "<m@x>");
      String text = signer.sign(token);
      int dot = text.indexOf('.');
      for (int at : new int[] {dot - 1, text.length() - 1}) {
        int index = BASE64URL.indexOf(text.charAt(at));
        String respelled = text.substring(0, at) + BASE64URL.charAt(index ^ 1) + text.substring(at + 1);
        if (java.util.Arrays.equals(
            java.util.Base64.getUrlDecoder().decode(respelled.substring(at < dot ? 0 : dot + 1, at < dot ? dot : respelled.length())),
            java.util.Base64.getUrlDecoder().decode(text.substring(at < dot ? 0 : dot + 1, at < dot ? dot : text.length())))) {
          assertThatThrownBy(() -> signer.verify(respelled, LinkUse.UNSUBSCRIBE, NOW))
              .isInstanceOfSatisfying(BadLinkException.class, e -> assertThat(e.getMessage()).contains("canonical"));
        }
      }
    }
  }

  @Test
  void aTokenFromAnotherKeyIsForged() {
    String text = LinkSigner.of(key(2)).sign(randomToken(new Random(SEED)));

    assertThatThrownBy(() -> signer.verify(text, LinkUse.UNSUBSCRIBE, NOW))
        .isInstanceOfSatisfying(BadLinkException.class, e -> assertThat(e.problem()).isEqualTo(Problem.FORGED));
  }

  @Test
  void aTokenIsValidFromItsIssueUntilJustBeforeItsValidityEnds() throws BadLinkException {
    LinkToken token = new LinkToken(LinkUse.PREFERENCES, "c-1", Purpose.OFFER, Channel.EMAIL, "", NOW, "<m@x>");
    String text = signer.sign(token);
    Duration validity = signer.validity(LinkUse.PREFERENCES);

    assertThat(signer.verify(text, LinkUse.PREFERENCES, NOW)).isEqualTo(token);
    assertThat(signer.verify(text, LinkUse.PREFERENCES, NOW.plus(validity).minusSeconds(1))).isEqualTo(token);
    assertThatThrownBy(() -> signer.verify(text, LinkUse.PREFERENCES, NOW.plus(validity)))
        .isInstanceOfSatisfying(BadLinkException.class, e -> assertThat(e.problem()).isEqualTo(Problem.EXPIRED));
    assertThatThrownBy(() -> signer.verify(text, LinkUse.PREFERENCES, NOW.minusSeconds(61)))
        .isInstanceOfSatisfying(BadLinkException.class, e -> assertThat(e.getMessage()).contains("issued in the future"));
  }

  @Test
  void aTokenForOneUseIsRefusedForTheOther() {
    String text = signer.sign(new LinkToken(LinkUse.PREFERENCES, "c-1", Purpose.OFFER, Channel.EMAIL, "", NOW, "<m@x>"));

    assertThatThrownBy(() -> signer.verify(text, LinkUse.UNSUBSCRIBE, NOW))
        .isInstanceOfSatisfying(BadLinkException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_SCOPE));
  }

  @Test
  void fieldsThatWouldMakeTheTokenAmbiguousAndShortKeysAreRefused() {
    assertThatThrownBy(() -> new LinkToken(LinkUse.UNSUBSCRIBE, "c|1", Purpose.OFFER, Channel.EMAIL, "", NOW, "<m@x>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer id");
    assertThatThrownBy(() -> new LinkToken(LinkUse.UNSUBSCRIBE, "c-1", Purpose.OFFER, Channel.EMAIL, "", NOW.plusMillis(1), "<m@x>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> LinkSigner.of(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
  }
}
