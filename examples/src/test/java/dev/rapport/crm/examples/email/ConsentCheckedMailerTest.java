package dev.rapport.crm.examples.email;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.store.InMemoryLedgerStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ConsentCheckedMailerTest {
  private static final Instant DAYTIME = Instant.parse("2026-03-03T12:00:00Z");

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final List<Email> sent = new ArrayList<>();
  private final ConsentCheckedMailer mailer =
      new ConsentCheckedMailer(
          PolicyEngine.withDefaults(), store, sent::add,
          "https://mail.example.com/unsubscribe", "Northwind Outfitters, 1 Example Street, London");

  ConsentCheckedMailerTest() {
    EmailToolExample.record("c-0001", store);
  }

  @Test
  void anAllowedNewsletterGetsTheRfc8058HeadersAndLosesItsTracking() {
    Decision decision = mailer.send("c-0001", newsletterAt(DAYTIME), EmailToolExample.draft("c-0001"));

    assertThat(decision.obligationCodes())
        .contains(ObligationCode.ONE_CLICK_UNSUBSCRIBE, ObligationCode.NO_TRACKING);
    assertThat(sent).singleElement().satisfies(email -> {
      assertThat(email.headers())
          .containsEntry("List-Unsubscribe", "<https://mail.example.com/unsubscribe?c=c-0001>")
          .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      assertThat(email.tracking()).isFalse();
      assertThat(email.body())
          .contains("Unsubscribe: https://mail.example.com/unsubscribe?c=c-0001")
          .contains("Northwind Outfitters, 1 Example Street, London");
    });
  }

  @Test
  void aTransactionalEmailGetsNoUnsubscribeHeaders() {
    Outreach receipt =
        Outreach.builder().purpose(Purpose.TRANSACTIONAL).channel(Channel.EMAIL).at(DAYTIME).build();

    mailer.send("c-0001", receipt, EmailToolExample.draft("c-0001"));

    assertThat(sent).singleElement().satisfies(email -> assertThat(email.headers()).isEmpty());
  }

  @Test
  void aDeniedEmailIsNotSent() {
    Outreach survey = Outreach.builder().purpose(Purpose.RESEARCH).channel(Channel.EMAIL).at(DAYTIME).build();

    assertThat(mailer.send("c-0001", survey, EmailToolExample.draft("c-0001")).verdict()).isEqualTo(Verdict.DENY);
    assertThat(sent).isEmpty();
    assertThat(mailer.pending()).isZero();
  }

  @Test
  void aDeferredEmailWaitsAndIsSentAfterAFreshAllowAtDeferUntil() {
    Decision first = mailer.send("c-0001", EmailToolExample.newsletter(), EmailToolExample.draft("c-0001"));
    assertThat(first).isDeferredUntil(EmailToolExample.NEXT_MORNING);
    assertThat(sent).isEmpty();

    assertThat(mailer.runDue(EmailToolExample.NEXT_MORNING.minusSeconds(1))).isEmpty();
    List<Decision> again = mailer.runDue(EmailToolExample.NEXT_MORNING);

    assertThat(again).singleElement().extracting(Decision::verdict).isEqualTo(Verdict.ALLOW);
    assertThat(sent).singleElement().satisfies(e -> assertThat(e.headers()).containsKey("List-Unsubscribe"));
    assertThat(mailer.pending()).isZero();
  }

  @Test
  void aWithdrawalDuringTheDeferralStopsTheEmail() {
    mailer.send("c-0001", EmailToolExample.newsletter(), EmailToolExample.draft("c-0001"));
    store.append("c-0001", store.read("c-0001").orElseThrow().version(), List.of(
        Withdrawn.builder()
            .id("e3").at(Instant.parse("2026-03-04T06:30:00Z"))
            .addIntents(Intent.PROMOTION).addChannels(Channel.EMAIL)
            .evidence(Evidence.builder().source(Source.ONE_CLICK_UNSUBSCRIBE).actor(Actor.CUSTOMER).build())
            .build()));

    List<Decision> again = mailer.runDue(EmailToolExample.NEXT_MORNING);

    assertThat(again).singleElement().satisfies(d -> {
      assertThat(d)
          .isDenied()
          .hasReason(ReasonCode.WITHDRAWN);
    });
    assertThat(sent).isEmpty();
  }

  @Test
  void anUnknownCustomerGetsNothing() {
    store.create(CustomerProfile.of("c-0009", Jurisdiction.of("GB"), ZoneId.of("Europe/London")));

    assertThat(mailer.send("c-nobody", newsletterAt(DAYTIME), EmailToolExample.draft("c-nobody")).reasonCodes())
        .containsExactly(ReasonCode.UNKNOWN_CUSTOMER);
    assertThat(sent).isEmpty();
  }

  private static Outreach newsletterAt(Instant at) {
    return EmailToolExample.newsletter().rescheduled(at);
  }
}
