package dev.rapport.crm.examples.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonicalizations of RFC 6376 section 3.4, on the standard's own example (3.4.5). */
final class DkimSignerTest {
  @Test
  void relaxedHeaderCanonicalizationFollowsRfc6376Example() {
    assertThat(DkimSigner.relaxedHeader("A: X")).isEqualTo("a:X");
    assertThat(DkimSigner.relaxedHeader("B : Y\t\r\n\tZ  ")).isEqualTo("b:Y Z");
  }

  @Test
  void relaxedBodyCanonicalizationFollowsRfc6376Example() {
    assertThat(new String(DkimSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n"), StandardCharsets.US_ASCII))
        .isEqualTo(" C\r\nD E\r\n");
    assertThat(DkimSigner.relaxedBody("\r\n\r\n")).isEmpty();
  }

  @Test
  void theSignatureGoesFirstAndNamesOnlyHeadersTheMessageHas() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    DkimSigner signer = new DkimSigner("northwind.example", "rapport", keys.getPrivate());
    byte[] message = "From: a@northwind.example\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    String signed = new String(signer.sign(message, Instant.parse("2026-03-10T10:00:00Z")), StandardCharsets.US_ASCII);

    assertThat(signed).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=northwind.example; s=rapport; t=1773136800; h=from:to:subject; bh=");
    assertThat(signed).endsWith("\r\nFrom: a@northwind.example\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nbody\r\n");
  }

  @Test
  void aMessageWithoutABlankLineOrASignerWithoutFromIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    DkimSigner signer = new DkimSigner("northwind.example", "rapport", generator.generateKeyPair().getPrivate());

    assertThatThrownBy(() -> signer.sign("From: a@b\r\n".getBytes(StandardCharsets.US_ASCII), Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank line");
    assertThatThrownBy(() -> new DkimSigner("northwind.example", "rapport", generator.generateKeyPair().getPrivate(), java.util.List.of("Subject")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must sign From");
  }
}
