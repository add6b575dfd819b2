package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.inquiry;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.preferences;
import static dev.rapport.crm.policy.LawFixtures.quietHours;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
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
 * Quiet hours ({@code model.md} 5.8): local times {@code [start, end)}, wrapping midnight when
 * start is after end, start equal to end meaning none; every purpose but {@code TRANSACTIONAL}
 * (unless it carries promotion), every channel but {@code POST}. The customer lives in Japan (no
 * pack, no daylight saving) so that nothing but the preference is at work.
 */
final class QuietHoursTest {
  private static final String TOKYO = "Asia/Tokyo";
  private static final CustomerProfile KENJI = customer("JP", TOKYO);
  private static final Instant JOINED = local(TOKYO, "2026-05-01T12:00");

  private static Ledger withQuietHours(String start, String end) {
    return ledger(
        KENJI,
        grant("g-promo", JOINED, Intent.PROMOTION, Channel.EMAIL, Channel.SMS, Channel.POST),
        grant("g-support", JOINED, Intent.SUPPORT, Channel.EMAIL),
        inquiry("i-question", local(TOKYO, "2026-05-20T10:00")),
        preferences("p-quiet", JOINED, quietHours(start, end)));
  }

  private static Instant tokyo(String localDateTime) {
    return local(TOKYO, localDateTime);
  }

  @DisplayName("5.8 quiet hours 22:00-07:00 wrap midnight: the first minute is quiet, the end minute is free")
  @ParameterizedTest(name = "an email at {0} local: {1} {2}")
  @CsvSource({
    "2026-06-10T21:59, ALLOW,",
    "2026-06-10T22:00, DEFER, 2026-06-11T07:00",
    "2026-06-10T23:59, DEFER, 2026-06-11T07:00",
    "2026-06-11T00:00, DEFER, 2026-06-11T07:00",
    "2026-06-11T06:59, DEFER, 2026-06-11T07:00",
    "2026-06-11T07:00, ALLOW,",
  })
  void wrappingQuietHoursDeferToTheirEnd(String at, Verdict verdict, String until) {
    Decision decision =
        decide(withQuietHours("22:00", "07:00"), outreach(Purpose.PROMOTION, Channel.EMAIL, tokyo(at)));

    assertThat(decision).hasVerdict(verdict);
    if (verdict == Verdict.DEFER) {
      assertThat(decision)
          .hasOnlyReasons(ReasonCode.QUIET_HOURS)
          .isDeferredUntil(tokyo(until));
    }
  }

  @DisplayName("5.8 quiet hours 12:00-14:00 within a day: [start, end)")
  @ParameterizedTest(name = "an email at {0} local: {1} {2}")
  @CsvSource({
    "2026-06-10T11:59, ALLOW,",
    "2026-06-10T12:00, DEFER, 2026-06-10T14:00",
    "2026-06-10T13:59, DEFER, 2026-06-10T14:00",
    "2026-06-10T14:00, ALLOW,",
  })
  void quietHoursWithinADayDeferToTheirEnd(String at, Verdict verdict, String until) {
    Decision decision =
        decide(withQuietHours("12:00", "14:00"), outreach(Purpose.PROMOTION, Channel.EMAIL, tokyo(at)));

    assertThat(decision).hasVerdict(verdict);
    if (verdict == Verdict.DEFER) {
      assertThat(decision).isDeferredUntil(tokyo(until));
    }
  }

  @DisplayName("5.8 quiet hours whose start equals their end are no quiet hours at all")
  @ParameterizedTest(name = "09:00-09:00, an email at {0} local is allowed")
  @CsvSource({"2026-06-10T08:59", "2026-06-10T09:00", "2026-06-10T23:30", "2026-06-11T03:00"})
  void quietHoursStartingAndEndingAtTheSameMinuteAreNone(String at) {
    Decision decision =
        decide(withQuietHours("09:00", "09:00"), outreach(Purpose.PROMOTION, Channel.EMAIL, tokyo(at)));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 quiet hours 00:00-23:59 leave the minute 23:59 free: a DEFER, not a DENY")
  void quietHoursThatLeaveOneMinuteFreeDeferToIt() {
    Decision decision =
        decide(
            withQuietHours("00:00", "23:59"),
            outreach(Purpose.PROMOTION, Channel.EMAIL, tokyo("2026-06-10T10:00")));

    assertThat(decision).isDeferredUntil(tokyo("2026-06-10T23:59"));
  }

  @Test
  @DisplayName("5.8 a letter (POST) is exempt from quiet hours")
  void postIsExemptFromQuietHours() {
    Decision decision =
        decide(withQuietHours("22:00", "07:00"), outreach(Purpose.PROMOTION, Channel.POST, tokyo("2026-06-10T23:00")));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 a TRANSACTIONAL message is exempt from quiet hours")
  void transactionalIsExemptFromQuietHours() {
    Decision decision =
        decide(
            withQuietHours("22:00", "07:00"),
            outreach(Purpose.TRANSACTIONAL, Channel.SMS, tokyo("2026-06-10T23:00")));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.2, 5.8 a TRANSACTIONAL message carrying promotion waits out quiet hours")
  void transactionalWithPromotionWaitsOutQuietHours() {
    Decision decision =
        decide(
            withQuietHours("22:00", "07:00"),
            outreach(Purpose.TRANSACTIONAL, Channel.SMS, tokyo("2026-06-10T23:00")).containsPromotion(true));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.QUIET_HOURS)
        .isDeferredUntil(tokyo("2026-06-11T07:00"));
  }

  @ParameterizedTest(name = "5.8 a {0} email waits out quiet hours too")
  @CsvSource({"SERVICE", "REPLY", "OFFER"})
  void everyOtherPurposeWaitsOutQuietHours(Purpose purpose) {
    Decision decision =
        decide(withQuietHours("22:00", "07:00"), outreach(purpose, Channel.EMAIL, tokyo("2026-06-10T23:00")));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.QUIET_HOURS);
  }

  @Test
  @DisplayName("5.8 the QUIET_HOURS reason names the hours, the zone and the preferences event")
  void theReasonNamesTheHoursAndZone() {
    Decision decision =
        decide(withQuietHours("22:00", "07:00"), outreach(Purpose.PROMOTION, Channel.EMAIL, tokyo("2026-06-10T23:00")));

    Reason reason = reason(decision, ReasonCode.QUIET_HOURS);
    assertThat(reason.message()).contains("22:00-07:00").contains(TOKYO);
    assertThat(reason.event()).contains("p-quiet");
  }

  @Test
  @DisplayName("5 quiet hours declared after the outreach's instant do not apply to it")
  void laterQuietHoursDoNotApply() {
    Ledger ledger =
        ledger(
            KENJI,
            grant("g-promo", JOINED, Intent.PROMOTION, Channel.EMAIL),
            preferences("p-later", tokyo("2026-06-11T08:00"), quietHours("22:00", "07:00")));

    Decision decision = decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, tokyo("2026-06-10T23:00")));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 a DEFER never hides a DENY: an undeclared purpose in quiet hours is denied, without QUIET_HOURS")
  void aDeniedOutreachInQuietHoursIsDeniedWithoutTimingReasons() {
    Decision decision =
        decide(withQuietHours("22:00", "07:00"), outreach(Purpose.ADVOCACY, Channel.EMAIL, tokyo("2026-06-10T23:00")));

    assertThat(decision)
        .isDenied()
        .doesNotHaveReasons(ReasonCode.QUIET_HOURS)
        .hasReason(ReasonCode.BEYOND_DECLARED_RELATIONSHIP)
        .isNotDeferred();
  }
}
