package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.cap;
import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.preferences;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.quietHours;
import static dev.rapport.crm.policy.LawFixtures.sent;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quiet hours on daylight-saving change days ({@code model.md} 5.8: "Because rules look at wall
 * time, a quiet period that would end inside a daylight-saving gap ends at the instant the gap
 * ends, and in a repeated hour the first occurrence counts"), in four zones: Berlin (northern
 * hemisphere), Sydney and Santiago (southern hemisphere, Santiago changing at midnight) and
 * St. John's (a half-hour offset). Instants are UTC so that the tables say exactly which
 * instant is meant on a day when a wall time is missing or repeated.
 */
final class QuietHoursAcrossDaylightSavingTest {

  private static Ledger smsDealsWith(String jurisdiction, String zone, Preferences preferences) {
    Instant joined = utc("2026-01-05T12:00:00Z");
    return ledger(
        customer(jurisdiction, zone),
        grant("g-deals", joined, Intent.DEALS, Channel.SMS, Channel.EMAIL),
        preferences("p-quiet", joined, preferences));
  }

  private static Decision offerBySms(String jurisdiction, String zone, String start, String end, Instant at) {
    return decide(smsDealsWith(jurisdiction, zone, quietHours(start, end)), outreach(Purpose.OFFER, Channel.SMS, at));
  }

  @DisplayName("5.8 a quiet period that would end inside a daylight-saving gap ends at the instant the gap ends")
  @ParameterizedTest(name = "{1}, quiet {2}-{3}, asked at {4}: deferred until {5}")
  @CsvSource({
    // Berlin, 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z); 02:30 does not exist.
    "DE, Europe/Berlin,      22:00, 02:30, 2026-03-28T22:00:00Z, 2026-03-29T01:00:00Z",
    // Sydney, 2026-10-04: 02:00 AEST jumps to 03:00 AEDT (2026-10-03T16:00Z).
    "AU, Australia/Sydney,   21:00, 02:30, 2026-10-03T13:00:00Z, 2026-10-03T16:00:00Z",
    // St. John's, 2026-03-08: 02:00 NST (-03:30) jumps to 03:00 NDT (-02:30), 05:30Z.
    "CA, America/St_Johns,   23:00, 02:30, 2026-03-08T03:00:00Z, 2026-03-08T05:30:00Z",
    // Santiago, 2026-09-06: 00:00 (-04:00) jumps to 01:00 (-03:00), 04:00Z; midnight itself is missing.
    "CL, America/Santiago,   22:00, 00:30, 2026-09-06T03:00:00Z, 2026-09-06T04:00:00Z",
    "CL, America/Santiago,   22:00, 00:00, 2026-09-06T03:00:00Z, 2026-09-06T04:00:00Z",
  })
  void quietHoursEndingInAGapEndWithTheGap(
      String jurisdiction, String zone, String start, String end, Instant at, Instant until) {
    Decision decision = offerBySms(jurisdiction, zone, start, end, at);

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.QUIET_HOURS)
        .isDeferredUntil(until);
  }

  @DisplayName("5.8 the instant a gap ends is free, and the last instant before it is quiet")
  @ParameterizedTest(name = "{1}, quiet {2}-{3}: {4} is free")
  @CsvSource({
    "DE, Europe/Berlin,      22:00, 02:30, 2026-03-29T01:00:00Z",
    "AU, Australia/Sydney,   21:00, 02:30, 2026-10-03T16:00:00Z",
    "CA, America/St_Johns,   23:00, 02:30, 2026-03-08T05:30:00Z",
    "CL, America/Santiago,   22:00, 00:30, 2026-09-06T04:00:00Z",
  })
  void theGapEndIsTheFirstFreeInstant(String jurisdiction, String zone, String start, String end, Instant gapEnd) {
    assertThat(offerBySms(jurisdiction, zone, start, end, gapEnd).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(offerBySms(jurisdiction, zone, start, end, gapEnd.minusSeconds(1)).verdict())
        .isEqualTo(Verdict.DEFER);
  }

  @DisplayName("5.8 in a repeated hour the first occurrence of the end counts")
  @ParameterizedTest(name = "{1}, quiet {2}-{3}, asked at {4}: deferred until {5}, not the second occurrence")
  @CsvSource({
    // Berlin, 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:30 CEST is 00:30Z, 02:30 CET is 01:30Z.
    "DE, Europe/Berlin,      22:00, 02:30, 2026-10-24T21:00:00Z, 2026-10-25T00:30:00Z",
    // Sydney, 2026-04-05: 03:00 AEDT falls back to 02:00 AEST; 02:15 AEDT is 2026-04-04T15:15Z.
    "AU, Australia/Sydney,   21:00, 02:15, 2026-04-04T11:00:00Z, 2026-04-04T15:15:00Z",
    // St. John's, 2026-11-01: 02:00 NDT falls back to 01:00 NST; 01:30 NDT (-02:30) is 04:00Z.
    "CA, America/St_Johns,   23:00, 01:30, 2026-11-01T02:00:00Z, 2026-11-01T04:00:00Z",
    // Santiago, 2026-04-05: 00:00 (-03:00) falls back to 23:00 (-04:00) on the 4th; 23:30 (-03:00) is 02:30Z.
    "CL, America/Santiago,   21:00, 23:30, 2026-04-05T01:00:00Z, 2026-04-05T02:30:00Z",
  })
  void quietHoursEndingInARepeatedHourEndAtItsFirstOccurrence(
      String jurisdiction, String zone, String start, String end, Instant at, Instant until) {
    Decision decision = offerBySms(jurisdiction, zone, start, end, at);

    assertThat(decision).isDeferredUntil(until);
    assertThat(offerBySms(jurisdiction, zone, start, end, until).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("5.8 quiet hours starting in a repeated hour start at its first occurrence (Berlin, 02:30 CEST)")
  void quietHoursStartingInARepeatedHourStartAtItsFirstOccurrence() {
    String zone = "Europe/Berlin";

    assertThat(offerBySms("DE", zone, "02:30", "06:00", utc("2026-10-25T00:29:00Z")).verdict())
        .isEqualTo(Verdict.ALLOW);
    assertThat(offerBySms("DE", zone, "02:30", "06:00", utc("2026-10-25T00:30:00Z")).verdict())
        .isEqualTo(Verdict.DEFER);
  }

  /**
   * Quiet hours 02:30-03:30 on a fall-back day: from the first 02:30 the wall clock runs to
   * 02:59 and falls back to 02:00, which is outside {@code [02:30, 03:30)}. "Local-time rules look
   * at the customer's local wall time at each instant" and "deferUntil is the earliest instant t >=
   * at at which no timing rule defers" ({@code model.md} 5.8): the fall-back instant is free (the
   * engine itself allows an outreach there), so the deferral must end there, not at 03:30.
   */
  @DisplayName("5.8 quiet hours starting in a repeated hour: the fall-back instant, whose wall time 02:00 is outside them, is the earliest free instant")
  @ParameterizedTest(name = "{1}, quiet {2}-{3}, asked at {4}: deferred until {5}")
  @CsvSource({
    // Berlin: 02:30 CEST is 00:30Z; at 01:00Z the clock reads 02:00 CET.
    "DE, Europe/Berlin,    02:30, 03:30, 2026-10-25T00:30:00Z, 2026-10-25T01:00:00Z",
    // Sydney: 02:30 AEDT is 2026-04-04T15:30Z; at 16:00Z the clock reads 02:00 AEST.
    "AU, Australia/Sydney, 02:30, 04:00, 2026-04-04T15:30:00Z, 2026-04-04T16:00:00Z",
  })
  void quietHoursStartingInARepeatedHourPauseWhenTheClockFallsBack(
      String jurisdiction, String zone, String start, String end, Instant at, Instant fallBack) {
    assertThat(offerBySms(jurisdiction, zone, start, end, fallBack).verdict()).isEqualTo(Verdict.ALLOW);

    Decision decision = offerBySms(jurisdiction, zone, start, end, at);

    assertThat(decision).isDeferredUntil(fallBack);
  }

  /**
   * Quiet hours 01:01-02:00 in New York on 2026-11-01: at 01:59:30 EDT (05:59:30Z) they hold;
   * at 06:00Z the clock falls back to 01:00 EST, outside them, and the engine allows an outreach
   * there; from 01:01 EST they hold again until 02:00 EST (07:00Z). The earliest free instant is
   * 06:00Z ({@code model.md} 5.8).
   */
  @Test
  @DisplayName("5.8 the minute the clock falls back to outside the quiet hours is free, so the deferral ends there (New York)")
  void aFallBackOutsideTheQuietHoursEndsTheDeferral() {
    String zone = "America/New_York";
    Instant fallBack = utc("2026-11-01T06:00:00Z");

    assertThat(offerBySms("JP", zone, "01:01", "02:00", fallBack).verdict()).isEqualTo(Verdict.ALLOW);
    Decision decision = offerBySms("JP", zone, "01:01", "02:00", utc("2026-11-01T05:59:30Z"));

    assertThat(decision).isDeferredUntil(fallBack);
  }

  /**
   * Berlin, 2026-10-25, quiet hours 22:00-02:30, asked at 00:40Z (02:40 CEST, not quiet) while a
   * cool-off runs until 01:10Z (02:10 CET). The engine defers until 01:30Z (02:30 CET), the end of
   * the quiet hours re-entered when the clock fell back at 01:00Z, so QUIET_HOURS defers at
   * instants of [at, deferUntil) and must be listed: "A DEFER lists every timing rule that defers
   * at some instant in [at, deferUntil)" ({@code model.md} 5.8).
   */
  @Test
  @DisplayName("5.8 a DEFER lists quiet hours re-entered when the clock falls back (Berlin)")
  void quietHoursReenteredByAFallBackAreListed() {
    String zone = "Europe/Berlin";
    Instant coolOffEnds = utc("2026-10-25T01:10:00Z");
    Ledger ledger =
        ledger(
            customer("DE", zone),
            grant("g-deals", utc("2026-01-05T12:00:00Z"), Intent.DEALS, Channel.SMS),
            preferences(
                "p-timing",
                utc("2026-01-05T12:00:00Z"),
                Preferences.builder()
                    .quietHours(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(2, 30)))
                    .coolOffAfterPurchase(Duration.ofDays(3))
                    .build()),
            purchase("b1", coolOffEnds.minus(Duration.ofDays(3))));
    Outreach.Builder offer = outreach(Purpose.OFFER, Channel.SMS, utc("2026-10-25T00:40:00Z"));

    Decision decision = decide(ledger, offer);
    Decision afterFallBack = decide(ledger, outreach(Purpose.OFFER, Channel.SMS, utc("2026-10-25T01:15:00Z")));

    assertThat(afterFallBack).hasOnlyReasons(ReasonCode.QUIET_HOURS);
    assertThat(decision)
        .isDeferredUntil(utc("2026-10-25T01:30:00Z"))
        .hasOnlyReasons(ReasonCode.COOL_OFF, ReasonCode.QUIET_HOURS);
  }

  @Test
  @DisplayName("5.8 quiet hours starting at a missing midnight begin when the gap ends (Santiago, 2026-09-06)")
  void quietHoursStartingInAGapBeginWhenTheGapEnds() {
    String zone = "America/Santiago";

    assertThat(offerBySms("CL", zone, "00:00", "07:00", utc("2026-09-06T03:59:00Z")).verdict())
        .isEqualTo(Verdict.ALLOW);
    Decision quiet = offerBySms("CL", zone, "00:00", "07:00", utc("2026-09-06T04:00:00Z"));
    assertThat(quiet).isDeferredUntil(utc("2026-09-06T10:00:00Z"));
  }

  @Test
  @DisplayName("5.8 a whole night of quiet hours across spring-forward is an hour shorter (St. John's)")
  void aNightAcrossSpringForwardIsShorter() {
    Decision decision =
        offerBySms("CA", "America/St_Johns", "22:00", "07:00", local("America/St_Johns", "2026-03-07T22:00"));

    assertThat(decision).isDeferredUntil(local("America/St_Johns", "2026-03-08T07:00"));
    assertThat(Duration.between(local("America/St_Johns", "2026-03-07T22:00"), decision.deferUntil().orElseThrow()))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  @DisplayName("5.8 durations are exact: a cap per P1D frees 24 hours after the entry, across spring-forward (Berlin)")
  void aDailyCapIsTwentyFourHoursAcrossSpringForward() {
    Instant joined = utc("2026-01-05T12:00:00Z");
    Ledger ledger =
        ledger(
            customer("DE", "Europe/Berlin"),
            grant("g-deals", joined, Intent.DEALS, Channel.SMS),
            preferences("p-cap", joined, Preferences.builder().addCaps(cap(1, Duration.ofDays(1))).build()));
    Instant previous = local("Europe/Berlin", "2026-03-28T12:00");

    Decision decision =
        decide(
            ledger,
            List.of(sent(previous, Purpose.OFFER, Channel.SMS)),
            outreach(Purpose.OFFER, Channel.SMS, local("Europe/Berlin", "2026-03-29T09:00")));

    assertThat(decision)
        .hasOnlyReasons(ReasonCode.FREQUENCY_CAP)
        .isDeferredUntil(local("Europe/Berlin", "2026-03-29T13:00"));
  }
}
