package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.cap;
import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.doNotCall;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.preferences;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.quietHours;
import static dev.rapport.crm.policy.LawFixtures.sent;
import static dev.rapport.crm.policy.LawFixtures.time;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timing rules together ({@code model.md} 5.8): {@code deferUntil} is the earliest instant
 * {@code t >= at} at which no timing rule defers; a {@code DEFER} lists every timing rule that
 * defers at some instant of {@code [at, deferUntil)}; daily windows that leave no free minute
 * give a {@code DENY} with their codes; and timing rules apply only when nothing denies.
 */
final class CombinedTimingTest {
  private static final String TOKYO = "Asia/Tokyo";
  private static final String CHICAGO = "America/Chicago";
  private static final Instant JOINED = utc("2026-04-01T00:00:00Z");

  private static Instant tokyo(String localDateTime) {
    return local(TOKYO, localDateTime);
  }

  private static Ledger tokyoCustomer(Preferences preferences, LedgerEvent... more) {
    List<LedgerEvent> events = new ArrayList<>();
    events.add(grant("g-promo", JOINED, Intent.PROMOTION, Channel.EMAIL, Channel.POST));
    events.add(preferences("p-timing", JOINED, preferences));
    events.addAll(List.of(more));
    return ledger(customer("JP", TOKYO), events.toArray(LedgerEvent[]::new));
  }

  private static Preferences quietAndCap(String start, String end, int max, Duration per) {
    return Preferences.builder()
        .quietHours(QuietHours.of(time(start), time(end)))
        .addCaps(cap(max, per, Purpose.OFFER, Purpose.PROMOTION))
        .build();
  }

  private static Preferences quietAndCoolOff(String start, String end, Duration coolOff) {
    return Preferences.builder()
        .quietHours(QuietHours.of(time(start), time(end)))
        .coolOffAfterPurchase(coolOff)
        .build();
  }

  @Test
  @DisplayName("5.8 a cap that ends at 23:00 inside quiet hours 21:00-08:00 defers to 08:00, listing both rules")
  void aCapEndingInQuietHoursDefersToTheirEnd() {
    Ledger ledger = tokyoCustomer(quietAndCap("21:00", "08:00", 1, Duration.ofDays(7)));
    List<HistoryEntry> history = List.of(sent(tokyo("2026-06-03T23:00"), Purpose.OFFER, Channel.EMAIL));

    Decision decision = decide(ledger, history, outreach(Purpose.OFFER, Channel.EMAIL, tokyo("2026-06-10T10:00")));

    assertThat(decision)
        .isDeferredUntil(tokyo("2026-06-11T08:00"))
        .hasOnlyReasons(ReasonCode.FREQUENCY_CAP, ReasonCode.QUIET_HOURS);
  }

  @Test
  @DisplayName("5.8 quiet hours that end before a cap does: the cap's end wins, both are listed")
  void quietHoursEndingBeforeACap() {
    Ledger ledger = tokyoCustomer(quietAndCap("22:00", "07:00", 1, Duration.ofDays(7)));
    List<HistoryEntry> history = List.of(sent(tokyo("2026-06-04T09:00"), Purpose.OFFER, Channel.EMAIL));

    Decision decision = decide(ledger, history, outreach(Purpose.OFFER, Channel.EMAIL, tokyo("2026-06-10T23:00")));

    assertThat(decision)
        .isDeferredUntil(tokyo("2026-06-11T09:00"))
        .hasOnlyReasons(ReasonCode.FREQUENCY_CAP, ReasonCode.QUIET_HOURS);
  }

  @Test
  @DisplayName("5.8 a cool-off ending inside quiet hours defers email to their end, while a letter goes when the cool-off ends")
  void aCoolOffEndingInQuietHours() {
    Instant bought = tokyo("2026-06-10T22:30");
    Ledger ledger = tokyoCustomer(quietAndCoolOff("21:00", "08:00", Duration.ofDays(3)), purchase("b1", bought));
    Instant at = tokyo("2026-06-12T10:00");

    Decision email = decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, at));
    Decision letter = decide(ledger, outreach(Purpose.OFFER, Channel.POST, at));

    assertThat(email)
        .isDeferredUntil(tokyo("2026-06-14T08:00"))
        .hasOnlyReasons(ReasonCode.COOL_OFF, ReasonCode.QUIET_HOURS);
    assertThat(letter)
        .isDeferredUntil(bought.plus(Duration.ofDays(3)))
        .hasOnlyReasons(ReasonCode.COOL_OFF);
  }

  @DisplayName("5.8 a DEFER lists only the rules that defer at some instant of [at, deferUntil)")
  @ParameterizedTest(name = "cool-off until {0}, quiet hours 22:00-07:00: deferred until {1}, reasons {2}")
  @CsvSource({
    "2026-06-10T12:00, 2026-06-10T12:00, COOL_OFF",
    "2026-06-10T21:59, 2026-06-10T21:59, COOL_OFF",
    "2026-06-10T22:00, 2026-06-11T07:00, COOL_OFF QUIET_HOURS",
    "2026-06-10T23:00, 2026-06-11T07:00, COOL_OFF QUIET_HOURS",
  })
  void aDeferListsEveryRuleThatDefersBeforeItsEnd(String coolOffEnds, String until, String reasons) {
    Duration coolOff = Duration.ofDays(2);
    Instant bought = tokyo(coolOffEnds).minus(coolOff);
    Ledger ledger = tokyoCustomer(quietAndCoolOff("22:00", "07:00", coolOff), purchase("b1", bought));

    Decision decision = decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, tokyo("2026-06-10T10:00")));

    assertThat(decision).isDeferredUntil(tokyo(until));
    assertThat(decision.reasonCodes())
        .containsExactlyInAnyOrder(Arrays.stream(reasons.split(" ")).map(Code::of).toArray(Code[]::new));
  }

  private static Ledger chicagoCaller(Preferences preferences, LedgerEvent... more) {
    List<LedgerEvent> events = new ArrayList<>();
    events.add(grant("g-promo", JOINED, Intent.PROMOTION, Channel.CALL, Channel.EMAIL));
    events.add(preferences("p-timing", JOINED, preferences));
    events.addAll(List.of(more));
    return ledger(customer("US-TX", CHICAGO), events.toArray(LedgerEvent[]::new));
  }

  @Test
  @DisplayName("5.8, law.md US calling hours end at 08:00 inside quiet hours 06:00-09:00: the call waits until 09:00")
  void callingHoursThenQuietHours() {
    Decision decision =
        decide(chicagoCaller(quietHours("06:00", "09:00")), outreach(Purpose.OFFER, Channel.CALL, local(CHICAGO, "2026-06-10T21:30")));

    assertThat(decision)
        .isDeferredUntil(local(CHICAGO, "2026-06-11T09:00"))
        .hasOnlyReasons(ReasonCode.CALLING_HOURS, ReasonCode.QUIET_HOURS);
  }

  @DisplayName("5.8 daily windows that together leave no free minute give a DENY with their codes")
  @ParameterizedTest(name = "{0}, quiet hours {1}-{2}, a call at {3} local is denied")
  @CsvSource({
    "US-TX, America/Chicago,  08:00, 21:00, 2026-06-10T12:00",
    "US-TX, America/Chicago,  08:00, 21:00, 2026-06-10T22:00",
    "US-TX, America/Chicago,  07:00, 22:00, 2026-06-10T12:00",
    "US-FL, America/New_York, 08:00, 20:00, 2026-06-10T12:00",
    "US-OK, America/Chicago,  07:30, 20:30, 2026-06-10T03:00",
  })
  void dailyWindowsWithoutAFreeMinuteDeny(String jurisdiction, String zone, String start, String end, String at) {
    Ledger ledger =
        ledger(
            customer(jurisdiction, zone),
            grant("g-promo", JOINED, Intent.PROMOTION, Channel.CALL),
            preferences("p-quiet", JOINED, quietHours(start, end)));

    Decision decision = decide(ledger, outreach(Purpose.PROMOTION, Channel.CALL, local(zone, at)));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.QUIET_HOURS, ReasonCode.CALLING_HOURS)
        .isNotDeferred();
  }

  @DisplayName("5.8 daily windows that leave one free minute give a DEFER to it")
  @ParameterizedTest(name = "{0}, quiet hours {1}-{2}: a call at noon waits until {3}")
  @CsvSource({
    "US-TX, America/Chicago,  08:00, 20:59, 2026-06-10T20:59",
    "US-TX, America/Chicago,  08:01, 21:00, 2026-06-11T08:00",
    "US-TX, America/Chicago,  08:00, 20:00, 2026-06-10T20:00",
  })
  void dailyWindowsLeavingAMinuteDefer(String jurisdiction, String zone, String start, String end, String until) {
    Ledger ledger =
        ledger(
            customer(jurisdiction, zone),
            grant("g-promo", JOINED, Intent.PROMOTION, Channel.CALL),
            preferences("p-quiet", JOINED, quietHours(start, end)));

    Decision decision = decide(ledger, outreach(Purpose.PROMOTION, Channel.CALL, local(zone, "2026-06-10T12:00")));

    assertThat(decision).isDeferredUntil(local(zone, until));
  }

  @Test
  @DisplayName("5.8 quiet hours 08:00-21:00 deny a US marketing call but only defer an email (no calling hours on email)")
  void theSameQuietHoursOnlyDeferAnEmail() {
    Ledger ledger = chicagoCaller(quietHours("08:00", "21:00"));

    Decision email = decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, local(CHICAGO, "2026-06-10T12:00")));

    assertThat(email).isDeferredUntil(local(CHICAGO, "2026-06-10T21:00"));
  }

  @Test
  @DisplayName("5.8 daily windows without a free minute deny even when a cap also defers: the DENY carries only their codes")
  void noFreeMinuteDeniesWithOnlyTheDailyWindowCodes() {
    Ledger ledger =
        chicagoCaller(
            Preferences.builder()
                .quietHours(QuietHours.of(time("08:00"), time("21:00")))
                .addCaps(cap(1, Duration.ofDays(1)))
                .build());
    Instant at = local(CHICAGO, "2026-06-10T12:00");

    Decision decision =
        decide(ledger, List.of(sent(at.minus(Duration.ofHours(1)), Purpose.OFFER, Channel.CALL)), outreach(Purpose.OFFER, Channel.CALL, at));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.QUIET_HOURS, ReasonCode.CALLING_HOURS);
  }

  @Test
  @DisplayName("5.8 a DEFER never hides a DENY: a DNC-registered number called at night is denied, without CALLING_HOURS")
  void aDenyIsNeverHiddenByCallingHours() {
    Ledger ledger = chicagoCaller(Preferences.defaults(), doNotCall("r-dnc", JOINED));

    Decision decision = decide(ledger, outreach(Purpose.OFFER, Channel.CALL, local(CHICAGO, "2026-06-10T22:00")));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.DO_NOT_CALL_REGISTRY);
  }

  @Test
  @DisplayName("5.8 a DEFER never hides a DENY: a withdrawn purpose held by a cap is denied, without FREQUENCY_CAP")
  void aDenyIsNeverHiddenByACap() {
    Ledger ledger = tokyoCustomer(quietAndCap("21:00", "08:00", 1, Duration.ofDays(7)));
    Instant at = tokyo("2026-06-10T23:00");

    Decision decision =
        decide(ledger, List.of(sent(at.minus(Duration.ofDays(1)), Purpose.OFFER, Channel.EMAIL)), outreach(Purpose.ADVOCACY, Channel.EMAIL, at));

    assertThat(decision).isDenied();
    assertThat(decision.reasons()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.DENY));
  }
}
