package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.policy.LawFixtures.writtenGrant;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statutory calling hours ({@code law.md} US): marketing {@code CALL} and {@code SMS} only at
 * local times in {@code [08:00, 21:00)} (47 CFR 64.1200(c)(1)), {@code [08:00, 20:00)} in US-FL,
 * US-OK and US-MD; else {@code DEFER} to the next 08:00, reason {@code CALLING_HOURS}; applied
 * even where consent exists.
 */
final class CallingHoursTest {
  private static final Instant JOINED = utc("2026-01-05T15:00:00Z");

  private static Ledger callable(String jurisdiction, String zone) {
    return ledger(
        customer(jurisdiction, zone),
        grant("g-promo", JOINED, Intent.PROMOTION, Channel.CALL, Channel.SMS, Channel.EMAIL),
        grant("g-support", JOINED, Intent.SUPPORT, Channel.CALL));
  }

  private static Decision call(String jurisdiction, String zone, Purpose purpose, Channel channel, String at) {
    return decide(callable(jurisdiction, zone), outreach(purpose, channel, local(zone, at)));
  }

  @DisplayName("law.md US calling hours [08:00, 21:00): 21:00 itself defers to the next 08:00")
  @ParameterizedTest(name = "{0} {1} at {2} local: {3} {4}")
  @CsvSource({
    "US-TX, CALL, 2026-06-10T07:59, DEFER, 2026-06-10T08:00",
    "US-TX, CALL, 2026-06-10T08:00, ALLOW,",
    "US-TX, CALL, 2026-06-10T20:00, ALLOW,",
    "US-TX, CALL, 2026-06-10T20:59, ALLOW,",
    "US-TX, CALL, 2026-06-10T21:00, DEFER, 2026-06-11T08:00",
    "US-TX, CALL, 2026-06-10T23:59, DEFER, 2026-06-11T08:00",
    "US-TX, CALL, 2026-06-11T00:00, DEFER, 2026-06-11T08:00",
    "US-TX, SMS,  2026-06-10T20:59, ALLOW,",
    "US-TX, SMS,  2026-06-10T21:00, DEFER, 2026-06-11T08:00",
    "US,    CALL, 2026-06-10T21:00, DEFER, 2026-06-11T08:00",
    "US-CA, SMS,  2026-06-10T20:30, ALLOW,",
  })
  void federalCallingHours(String jurisdiction, Channel channel, String at, Verdict verdict, String until) {
    String zone = jurisdiction.equals("US-CA") ? "America/Los_Angeles" : "America/Chicago";

    Decision decision = call(jurisdiction, zone, Purpose.OFFER, channel, at);

    assertThat(decision).hasVerdict(verdict);
    if (verdict == Verdict.DEFER) {
      assertThat(decision)
          .hasOnlyReasons(ReasonCode.CALLING_HOURS)
          .isDeferredUntil(local(zone, until));
    }
  }

  @DisplayName("law.md US-FL, US-OK, US-MD calling hours [08:00, 20:00)")
  @ParameterizedTest(name = "{0} {1} at {3} local: {4}")
  @CsvSource({
    "US-FL, CALL, America/New_York, 2026-06-10T19:59, ALLOW,",
    "US-FL, CALL, America/New_York, 2026-06-10T20:00, DEFER, 2026-06-11T08:00",
    "US-FL, SMS,  America/New_York, 2026-06-10T20:00, DEFER, 2026-06-11T08:00",
    "US-FL, CALL, America/New_York, 2026-06-10T07:59, DEFER, 2026-06-10T08:00",
    "US-OK, CALL, America/Chicago,  2026-06-10T19:59, ALLOW,",
    "US-OK, CALL, America/Chicago,  2026-06-10T20:00, DEFER, 2026-06-11T08:00",
    "US-MD, SMS,  America/New_York, 2026-06-10T19:59, ALLOW,",
    "US-MD, SMS,  America/New_York, 2026-06-10T20:00, DEFER, 2026-06-11T08:00",
  })
  void stateCallingHours(String jurisdiction, Channel channel, String zone, String at, Verdict verdict, String until) {
    Decision decision = call(jurisdiction, zone, Purpose.OFFER, channel, at);

    assertThat(decision).hasVerdict(verdict);
    if (verdict == Verdict.DEFER) {
      assertThat(decision)
          .hasOnlyReasons(ReasonCode.CALLING_HOURS)
          .isDeferredUntil(local(zone, until));
    }
  }

  @DisplayName("law.md US the CALLING_HOURS reason carries the citation of the hours applied")
  @ParameterizedTest(name = "{0}: \"{2}\"")
  @CsvSource({
    "US-TX, America/Chicago,  47 CFR 64.1200(c)(1)",
    "US-NY, America/New_York, 47 CFR 64.1200(c)(1)",
    "US-FL, America/New_York, Fla. Stat. 501.059",
    "US-OK, America/Chicago,  Oklahoma Telephone Solicitation Act 2022",
    "US-MD, America/New_York, Maryland Stop the Spam Calls Act 2023",
  })
  void theReasonCarriesTheCitation(String jurisdiction, String zone, String citation) {
    Decision decision = call(jurisdiction, zone, Purpose.OFFER, Channel.CALL, "2026-06-10T22:00");

    assertThat(reason(decision, ReasonCode.CALLING_HOURS).message()).contains(citation);
  }

  @Test
  @DisplayName("law.md US calling hours apply even with prior express written consent")
  void callingHoursApplyWhateverTheConsent() {
    String zone = "America/Chicago";
    Ledger ledger =
        ledger(customer("US-TX", zone), writtenGrant("g-written", JOINED, Intent.PROMOTION, Channel.CALL));

    Decision decision =
        decide(ledger, outreach(Purpose.PROMOTION, Channel.CALL, local(zone, "2026-06-10T21:30")).automated(true));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.CALLING_HOURS);
  }

  @Test
  @DisplayName("law.md US calling hours do not hold a marketing email")
  void callingHoursDoNotHoldEmail() {
    assertThat(call("US-TX", "America/Chicago", Purpose.OFFER, Channel.EMAIL, "2026-06-10T23:00").verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("law.md US calling hours do not hold a non-marketing SERVICE call")
  void callingHoursDoNotHoldServiceCalls() {
    assertThat(call("US-TX", "America/Chicago", Purpose.SERVICE, Channel.CALL, "2026-06-10T23:00").verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("law.md US, model 5.2 calling hours hold a SERVICE call that carries promotion")
  void callingHoursHoldServiceCallsWithPromotion() {
    String zone = "America/Chicago";

    Decision decision =
        decide(
            callable("US-TX", zone),
            outreach(Purpose.SERVICE, Channel.CALL, local(zone, "2026-06-10T23:00")).containsPromotion(true));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.CALLING_HOURS)
        .isDeferredUntil(local(zone, "2026-06-11T08:00"));
  }

  @Test
  @DisplayName("law.md there are no statutory calling hours outside the US: a call at 23:00 in AU is allowed")
  void noCallingHoursWithoutTheUsPack() {
    assertThat(call("AU", "Australia/Perth", Purpose.OFFER, Channel.CALL, "2026-06-10T23:00").verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("law.md US, model 5.8 across spring-forward a 21:30 call waits until 08:00 EDT (12:00Z), 9.5 wall hours but 8.5 real ones")
  void callingHoursAcrossSpringForward() {
    Decision decision = call("US-NY", "America/New_York", Purpose.OFFER, Channel.CALL, "2026-03-07T21:30");

    assertThat(decision).isDeferredUntil(utc("2026-03-08T12:00:00Z"));
  }

  @Test
  @DisplayName("law.md US, model 5.8 across fall-back a 21:30 call waits until 08:00 EST (13:00Z)")
  void callingHoursAcrossFallBack() {
    Decision decision = call("US-NY", "America/New_York", Purpose.OFFER, Channel.CALL, "2026-10-31T21:30");

    assertThat(decision).isDeferredUntil(utc("2026-11-01T13:00:00Z"));
  }

  @Test
  @DisplayName("law.md US on the spring-forward day itself 07:59 EDT waits one minute for 08:00 EDT")
  void callingHoursOnTheSpringForwardDay() {
    Decision decision = call("US-NY", "America/New_York", Purpose.OFFER, Channel.CALL, "2026-03-08T07:59");

    assertThat(decision).isDeferredUntil(utc("2026-03-08T12:00:00Z"));
  }
}
