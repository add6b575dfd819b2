package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.confirmation;
import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Germany ({@code law.md} EU, DE): every grant on {@code EMAIL} needs a {@code confirmed} event
 * (double opt-in), else {@code AWAITING_CONFIRMATION} (UWG s.7(2)); other channels need none.
 */
final class GermanyDoubleOptInTest {
  private static final String ZONE = "Europe/Berlin";
  private static final Instant NOON = local(ZONE, "2026-06-10T12:00");
  private static final Instant GRANTED = NOON.minus(Duration.ofDays(2));

  @ParameterizedTest(name = "law.md DE an unconfirmed email grant awaits confirmation in {0}")
  @ValueSource(strings = {"DE", "DE-BY", "DE-BE"})
  void anUnconfirmedEmailGrantAwaitsConfirmation(String jurisdiction) {
    Decision decision =
        decide(ledger(customer(jurisdiction, ZONE), grant("g1", GRANTED, Intent.DEALS, Channel.EMAIL)), outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.AWAITING_CONFIRMATION);
    assertThat(reason(decision, ReasonCode.AWAITING_CONFIRMATION).message()).contains("UWG s.7(2)");
  }

  @Test
  @DisplayName("law.md DE a confirmed email grant covers")
  void aConfirmedEmailGrantCovers() {
    Decision decision =
        decide(
            ledger(customer("DE", ZONE), grant("g1", GRANTED, Intent.DEALS, Channel.EMAIL), confirmation("c1", GRANTED.plusSeconds(600), "g1")),
            outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  @DisplayName("law.md DE a confirmation after the outreach's instant does not yet count")
  void aLaterConfirmationDoesNotCount() {
    Decision decision =
        decide(
            ledger(customer("DE", ZONE), grant("g1", GRANTED, Intent.DEALS, Channel.EMAIL), confirmation("c1", NOON.plusSeconds(1), "g1")),
            outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.AWAITING_CONFIRMATION);
  }

  @Test
  @DisplayName("law.md DE an SMS grant needs no confirmation")
  void anSmsGrantNeedsNoConfirmation() {
    Decision decision =
        decide(ledger(customer("DE", ZONE), grant("g1", GRANTED, Intent.DEALS, Channel.SMS)), outreach(Purpose.OFFER, Channel.SMS, NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  @DisplayName("law.md DE, model 5.3 a grant on EMAIL and SMS covers SMS at once and waits on EMAIL")
  void confirmationIsPerChannel() {
    var ledger = ledger(customer("DE", ZONE), grant("g1", GRANTED, Intent.DEALS, Channel.EMAIL, Channel.SMS));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.SMS, NOON)).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, NOON)).reasonCodes()).containsExactly(ReasonCode.AWAITING_CONFIRMATION);
  }

  @ParameterizedTest(name = "law.md double opt-in is Germany's: an unconfirmed email grant covers in {0}")
  @ValueSource(strings = {"AT", "FR", "GB", "CA", "US-TX", "AU"})
  void otherJurisdictionsNeedNoConfirmation(String jurisdiction) {
    Decision decision =
        decide(ledger(customer(jurisdiction, ZONE), grant("g1", GRANTED, Intent.DEALS, Channel.EMAIL)), outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }
}
