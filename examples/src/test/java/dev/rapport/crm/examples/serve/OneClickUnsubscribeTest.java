package dev.rapport.crm.examples.serve;

import static dev.rapport.crm.examples.serve.Customers.NOW;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.examples.email.Email;
import dev.rapport.crm.examples.email.Recipient;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * End to end, nothing mocked: the mailer asks the engine, sends through a real SMTP server, the
 * message is read back from that server, its DKIM signature is checked by an independent
 * verifier (Apache James jDKIM, with the public key record supplied locally instead of a DNS
 * lookup), and its {@code List-Unsubscribe} URL gets the RFC 8058 one-click POST a mail provider
 * sends. Rules: crm-core/RULES.md section 3 (WITHDRAWN) and 5 (obligations).
 */
final class OneClickUnsubscribeTest {
  private final LocalRun run;
  private final HttpClient http;

  OneClickUnsubscribeTest() throws Exception {
    run = LocalRun.start(Clock.fixed(NOW, ZoneOffset.UTC));
    run.addCustomer(
        "c-1",
        new Recipient("ann@example.org", "Ann", "hiking boots", "a tent"),
        List.of(Customers.granted("e1", Channel.EMAIL, Intent.DEALS)));
    http = HttpClient.newBuilder().sslContext(run.tls().clientContext()).build();
  }

  @AfterEach
  void stop() {
    run.close();
  }

  private Mail sendOffer() throws Exception {
    Decision decision =
        run.mailer().send("c-1", Customers.email(Purpose.OFFER, NOW),
            new Email("c-1", "Spring sale", Map.of(), "Twenty percent off until Sunday.", false));
    assertThat(decision).isAllowed();
    assertThat(run.awaitReceived(1, 5_000)).as("the SMTP server received the offer").isTrue();
    return new Mail(run.received().get(0));
  }

  private HttpResponse<String> postOneClick(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private DKIMVerifier verifier() {
    return new DKIMVerifier(
        (method, selector, domain) -> {
          assertThat(selector.toString()).isEqualTo(LocalRun.SELECTOR);
          assertThat(domain.toString()).isEqualTo("northwind.example");
          return List.of(run.dkimRecord());
        });
  }

  @Test
  void theOneClickPostFromTheReceivedMessageWithdrawsAndTheNextOfferIsDenied() throws Exception {
    Mail mail = sendOffer();
    List<String> uris = mail.listUnsubscribe();
    assertThat(uris).hasSize(2);
    assertThat(uris.get(0)).startsWith("https://127.0.0.1:").startsWith(run.web().links().base() + "/unsubscribe?t=");
    assertThat(uris.get(1)).startsWith("mailto:unsubscribe@northwind.example?subject=");
    assertThat(mail.header("List-Unsubscribe-Post")).contains("List-Unsubscribe=One-Click");
    int before = run.store().read("c-1").orElseThrow().version();

    HttpResponse<String> response = postOneClick(uris.get(0));

    assertThat(response.statusCode()).isEqualTo(200);
    Ledger ledger = run.store().read("c-1").orElseThrow();
    assertThat(ledger.version()).isEqualTo(before + 1);
    assertThat(ledger.events().get(ledger.events().size() - 1)).isInstanceOfSatisfying(Withdrawn.class, w -> {
      assertThat(w.intents()).containsExactlyInAnyOrder(Intent.DEALS, Intent.PROMOTION);
      assertThat(w.channels()).containsExactly(Channel.EMAIL);
      assertThat(w.at()).isEqualTo(NOW);
      assertThat(w.evidence().source()).isEqualTo(Source.ONE_CLICK_UNSUBSCRIBE);
      assertThat(w.evidence().actor()).isEqualTo(Actor.CUSTOMER);
      assertThat(w.evidence().details()).containsEntry("messageId", mail.header("Message-ID").orElseThrow());
    });
    Decision next = run.engine().decide(run.store(), "c-1", List.of(), Customers.email(Purpose.OFFER, NOW.plusSeconds(60)));
    assertThat(next)
        .isDenied()
        .hasReason(ReasonCode.WITHDRAWN);
  }

  @Test
  void aOneClickPostAsMultipartFormDataWorksToo() throws Exception {
    String url = sendOffer().listUnsubscribe().get(0);
    String body = "--b0undary\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b0undary--\r\n";

    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "multipart/form-data; boundary=b0undary")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(run.engine().decide(run.store(), "c-1", List.of(), Customers.email(Purpose.OFFER, NOW.plusSeconds(60))).hasReason(ReasonCode.WITHDRAWN))
        .isTrue();
  }

  @Test
  void aReplayedOneClickPostAppendsNothing() throws Exception {
    String url = sendOffer().listUnsubscribe().get(0);
    assertThat(postOneClick(url).statusCode()).isEqualTo(200);
    int after = run.store().read("c-1").orElseThrow().version();

    HttpResponse<String> replay = postOneClick(url);

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).contains("already done");
    assertThat(run.store().read("c-1").orElseThrow().version()).isEqualTo(after);
  }

  @Test
  void aGetOfTheLinkShowsAButtonAndChangesNothing() throws Exception {
    String url = sendOffer().listUnsubscribe().get(0);
    int before = run.store().read("c-1").orElseThrow().version();

    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\"").contains("name=\"List-Unsubscribe\" value=\"One-Click\"");
    assertThat(run.store().read("c-1").orElseThrow().version()).isEqualTo(before);
    assertThat(run.engine().decide(run.store(), "c-1", List.of(), Customers.email(Purpose.OFFER, NOW)).verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void theDkimSignatureVerifiesIndependentlyAndCoversBothUnsubscribeHeaders() throws Exception {
    Mail mail = sendOffer();
    byte[] raw = mail.text().getBytes(StandardCharsets.ISO_8859_1);

    List<SignatureRecord> signatures = verifier().verify(new ByteArrayInputStream(raw));

    assertThat(signatures).hasSize(1);
    assertThat(signatures.get(0).getHeaders().stream().map(h -> h.toString().toLowerCase(java.util.Locale.ROOT)))
        .contains("list-unsubscribe", "list-unsubscribe-post", "from", "subject", "message-id");
  }

  @Test
  void aChangedListUnsubscribeHeaderBreaksTheSignature() throws Exception {
    Mail mail = sendOffer();
    String forged = mail.text().replaceFirst("List-Unsubscribe-Post: List-Unsubscribe=One-Click", "List-Unsubscribe-Post: List-Unsubscribe=One-Clack");
    assertThat(forged).isNotEqualTo(mail.text());

    assertThatThrownBy(() -> verifier().verify(new ByteArrayInputStream(forged.getBytes(StandardCharsets.ISO_8859_1))))
        .isInstanceOf(PermFailException.class);
  }
}
