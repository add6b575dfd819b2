package dev.rapport.crm.examples.serve;

import static dev.rapport.crm.examples.serve.Customers.NOW;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.examples.email.Email;
import dev.rapport.crm.examples.email.Recipient;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches the SMTP server, per decision: crm-core/RULES.md section 5 (obligations) and 6
 * (timing). Every message is read back from the server as received.
 */
final class SendingObligationsTest {
  private static final String DRAFT =
      "Hello {{first_name}},\n\nNew in {{interest}}, and more for {{recent_purchase}}.\n\nSee https://northwind.example/spring";

  private final LocalRun run;

  SendingObligationsTest() throws Exception {
    run = LocalRun.start(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    run.close();
  }

  private void customer(String id, Profiling profiling) {
    run.addCustomer(id, new Recipient(id + "@example.org", "Ann", "hiking boots", "the tent you bought"),
        List.of(Customers.granted("e1", Channel.EMAIL, Intent.PROMOTION), Customers.profiling("e2", profiling)));
  }

  private static Outreach newsletter(Instant at) {
    return Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL).at(at)
        .tracking(true).personalization(Profiling.INFERRED).build();
  }

  private static Email draft(String customer) {
    return new Email(customer, "March news", Map.of(), DRAFT, true);
  }

  private Mail sendOne(String customer, Outreach outreach) {
    Decision decision = run.mailer().send(customer, outreach, draft(customer));
    assertThat(decision).isAllowed();
    assertThat(run.awaitReceived(1, 5_000)).isTrue();
    return new Mail(run.received().get(run.received().size() - 1));
  }

  @Test
  void aDenyIsNeverSent() {
    run.addCustomer("c-none", new Recipient("none@example.org", "Al", "-", "-"), List.of());

    Decision decision = run.mailer().send("c-none", newsletter(NOW), draft("c-none"));

    assertThat(decision).isDenied();
    assertThat(run.awaitReceived(1, 500)).isFalse();
    assertThat(run.mailer().pending()).isZero();
  }

  @Test
  void aDeferIsQueuedAndSentWhenAskedAgainAtDeferUntil() {
    customer("c-quiet", Profiling.INFERRED);
    run.store().append("c-quiet", 2, List.of(PreferencesChanged.builder().id("e3").at(Customers.GRANTED_AT)
        .preferences(Preferences.builder().profiling(Profiling.INFERRED)
            .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0))).build())
        .build()));
    Instant evening = Instant.parse("2026-03-10T22:00:00Z");

    Decision first = run.mailer().send("c-quiet", newsletter(evening), draft("c-quiet"));

    assertThat(first).isDeferred();
    Instant due = first.deferUntil().orElseThrow();
    assertThat(due).isEqualTo(Instant.parse("2026-03-11T08:00:00Z"));
    assertThat(run.awaitReceived(1, 500)).as("nothing goes during quiet hours").isFalse();
    assertThat(run.mailer().runDue(due.minusSeconds(1))).isEmpty();

    List<Decision> again = run.mailer().runDue(due);

    assertThat(again).singleElement().extracting(Decision::verdict).isEqualTo(Verdict.ALLOW);
    assertThat(run.awaitReceived(1, 5_000)).isTrue();
    assertThat(run.mailer().pending()).isZero();
  }

  @Test
  void belowInferredProfilingTheMessageHasNoTrackingAndOnlyAllowedPersonalization() {
    customer("c-declared", Profiling.DECLARED);

    Mail mail = sendOne("c-declared", newsletter(NOW));

    String body = mail.body();
    assertThat(body)
        .contains("Hello Ann,")
        .contains("New in hiking boots")
        .doesNotContain("the tent you bought")
        .contains("<a href=\"https://northwind.example/spring\">")
        .doesNotContain("click.northwind.example")
        .doesNotContain("<img");
  }

  @Test
  void atInferredProfilingTrackingAndFullPersonalizationAreAllowed() {
    customer("c-inferred", Profiling.INFERRED);
    Decision decision = run.engine().decide(run.store(), "c-inferred", List.of(), newsletter(NOW));
    assertThat(decision.obligationCodes()).doesNotContain(ObligationCode.NO_TRACKING, ObligationCode.LIMIT_PERSONALIZATION);

    Mail mail = sendOne("c-inferred", newsletter(NOW));

    assertThat(mail.body())
        .contains("the tent you bought")
        .contains("https://click.northwind.example/click?")
        .contains("<img src=\"https://click.northwind.example/open?");
  }

  @Test
  void aMarketingMessageNamesTheSenderAndItsPostalAddressAndCarriesBothUnsubscribeLinks() {
    customer("c-1", Profiling.NONE);

    Mail mail = sendOne("c-1", newsletter(NOW));

    assertThat(mail.body())
        .contains("Sent by Northwind Outfitters, 1 Example Street, London EC1A 1AA, United Kingdom.")
        .contains("Hello there,")
        .contains("/unsubscribe?t=")
        .contains("/preferences?t=");
    assertThat(mail.listUnsubscribe()).hasSize(2);
    assertThat(mail.header("DKIM-Signature")).hasValueSatisfying(s -> assertThat(s).contains("list-unsubscribe:list-unsubscribe-post"));
  }

  @Test
  void aTransactionalMessageCarriesNoUnsubscribeHeaders() {
    customer("c-1", Profiling.NONE);

    Mail mail = sendOne("c-1", Outreach.builder().purpose(Purpose.TRANSACTIONAL).channel(Channel.EMAIL).at(NOW).build());

    assertThat(mail.header("List-Unsubscribe")).isEmpty();
    assertThat(mail.header("List-Unsubscribe-Post")).isEmpty();
    assertThat(mail.header("DKIM-Signature")).isPresent();
  }
}
