package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Florida call limit ({@code law.md} US-FL, Fla. Stat. 501.616(6)(b)): a marketing {@code
 * CALL} is limited like a frequency cap with max 3 per 24 hours, counting every {@code CALL}
 * history entry on the same topic whatever its purpose; the topic of an entry or outreach without
 * one is its purpose; a non-marketing call carrying promotion is limited too.
 */
final class FloridaCallLimitTest {
  private static final String MIAMI = "America/New_York";
  private static final Instant JOINED = utc("2026-01-05T15:00:00Z");

  private static Ledger floridian(String jurisdiction) {
    return ledger(
        customer(jurisdiction, MIAMI),
        grant("g-promo", JOINED, Intent.PROMOTION, Channel.CALL, Channel.SMS),
        grant("g-support", JOINED, Intent.SUPPORT, Channel.CALL));
  }

  private static Instant miami(String localDateTime) {
    return local(MIAMI, localDateTime);
  }

  private static HistoryEntry call(String at, Purpose purpose, String topic) {
    return HistoryEntry.of(miami(at), purpose, Channel.CALL, Optional.ofNullable(topic));
  }

  private static List<HistoryEntry> threeCalls(Purpose purpose, String topic) {
    return List.of(
        call("2026-06-09T17:00", purpose, topic),
        call("2026-06-09T18:00", purpose, topic),
        call("2026-06-09T19:00", purpose, topic));
  }

  private static Outreach.Builder offerCall(String at) {
    return outreach(Purpose.OFFER, Channel.CALL, miami(at));
  }

  @Test
  @DisplayName("law.md US-FL a fourth marketing call on a topic within 24 hours waits until the oldest is 24 hours old")
  void theFourthCallWaits() {
    Decision decision = decide(floridian("US-FL"), threeCalls(Purpose.OFFER, null), offerCall("2026-06-10T09:00"));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.CALL_LIMIT)
        .isDeferredUntil(miami("2026-06-10T17:00"));
  }

  @Test
  @DisplayName("law.md US-FL the CALL_LIMIT reason cites Fla. Stat. 501.616(6)(b)")
  void theReasonCitesTheStatute() {
    Decision decision = decide(floridian("US-FL"), threeCalls(Purpose.OFFER, null), offerCall("2026-06-10T09:00"));

    assertThat(reason(decision, ReasonCode.CALL_LIMIT).message()).contains("Fla. Stat. 501.616(6)(b)");
  }

  @Test
  @DisplayName("law.md US-FL two calls in 24 hours leave room for a third")
  void twoCallsLeaveRoom() {
    List<HistoryEntry> two = threeCalls(Purpose.OFFER, null).subList(0, 2);

    assertThat(decide(floridian("US-FL"), two, offerCall("2026-06-10T09:00")).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("law.md US-FL a call exactly 24 hours old is no longer counted")
  void aCallExactlyADayOldIsNotCounted() {
    List<HistoryEntry> history =
        List.of(
            call("2026-06-09T15:00", Purpose.OFFER, null),
            call("2026-06-10T09:00", Purpose.OFFER, null),
            call("2026-06-10T11:00", Purpose.OFFER, null));

    assertThat(decide(floridian("US-FL"), history, offerCall("2026-06-10T15:00")).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("law.md US-FL a call one second younger than 24 hours still counts")
  void aCallOneSecondYoungerCounts() {
    List<HistoryEntry> history =
        List.of(
            HistoryEntry.of(miami("2026-06-09T15:00").plusSeconds(1), Purpose.OFFER, Channel.CALL),
            call("2026-06-10T09:00", Purpose.OFFER, null),
            call("2026-06-10T11:00", Purpose.OFFER, null));

    Decision decision = decide(floridian("US-FL"), history, offerCall("2026-06-10T15:00"));

    assertThat(decision).isDeferredUntil(miami("2026-06-10T15:00").plusSeconds(1));
  }

  @Test
  @DisplayName("law.md US-FL calls on another topic do not count")
  void otherTopicsDoNotCount() {
    Decision decision =
        decide(floridian("US-FL"), threeCalls(Purpose.OFFER, "spring-sale"), offerCall("2026-06-10T09:00").topic("autumn-sale"));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US-FL calls on the same named topic count")
  void theSameNamedTopicCounts() {
    Decision decision =
        decide(floridian("US-FL"), threeCalls(Purpose.OFFER, "spring-sale"), offerCall("2026-06-10T09:00").topic("spring-sale"));

    assertThat(decision).hasOnlyReasons(ReasonCode.CALL_LIMIT);
  }

  @Test
  @DisplayName("law.md US-FL the topic defaults to the purpose: three OFFER calls do not hold a PROMOTION call")
  void theTopicDefaultsToThePurpose() {
    Decision decision =
        decide(
            floridian("US-FL"),
            threeCalls(Purpose.OFFER, null),
            outreach(Purpose.PROMOTION, Channel.CALL, miami("2026-06-10T09:00")));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US-FL calls count whatever their purpose: three SERVICE calls on a topic hold an OFFER on it")
  void callsOfAnyPurposeCount() {
    Decision decision =
        decide(floridian("US-FL"), threeCalls(Purpose.SERVICE, "renewal"), offerCall("2026-06-10T09:00").topic("renewal"));

    assertThat(decision).hasOnlyReasons(ReasonCode.CALL_LIMIT);
  }

  @Test
  @DisplayName("law.md US-FL texts are not calls: three SMS entries do not count")
  void textsDoNotCount() {
    List<HistoryEntry> texts =
        threeCalls(Purpose.OFFER, null).stream()
            .map(h -> HistoryEntry.of(h.at(), h.purpose(), Channel.SMS))
            .toList();

    assertThat(decide(floridian("US-FL"), texts, offerCall("2026-06-10T09:00")).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("law.md US-FL the limit holds calls only: a text after three calls is allowed")
  void textsAreNotLimited() {
    Decision decision =
        decide(
            floridian("US-FL"),
            threeCalls(Purpose.OFFER, null),
            outreach(Purpose.OFFER, Channel.SMS, miami("2026-06-10T09:00")));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US-FL a non-marketing SERVICE call carrying promotion is limited too")
  void aServiceCallWithPromotionIsLimited() {
    Decision decision =
        decide(
            floridian("US-FL"),
            threeCalls(Purpose.SERVICE, null),
            outreach(Purpose.SERVICE, Channel.CALL, miami("2026-06-10T09:00")).containsPromotion(true));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.CALL_LIMIT);
  }

  @Test
  @DisplayName("law.md US-FL a plain SERVICE call is not limited")
  void aPlainServiceCallIsNotLimited() {
    Decision decision =
        decide(
            floridian("US-FL"),
            threeCalls(Purpose.SERVICE, null),
            outreach(Purpose.SERVICE, Channel.CALL, miami("2026-06-10T09:00")));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US-FL only: a fourth call in Georgia, same zone, is allowed")
  void otherStatesHaveNoCallLimit() {
    Decision decision = decide(floridian("US-GA"), threeCalls(Purpose.OFFER, null), offerCall("2026-06-10T09:00"));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US-FL, model 5.8 a call limit ending after 20:00 waits for the next 08:00, listing both rules")
  void aCallLimitEndingAfterHoursWaitsForMorning() {
    List<HistoryEntry> history =
        List.of(
            call("2026-06-09T20:15", Purpose.OFFER, null),
            call("2026-06-10T09:00", Purpose.OFFER, null),
            call("2026-06-10T10:00", Purpose.OFFER, null));

    Decision decision = decide(floridian("US-FL"), history, offerCall("2026-06-10T11:00"));

    assertThat(decision)
        .isDeferredUntil(miami("2026-06-11T08:00"))
        .hasOnlyReasons(ReasonCode.CALL_LIMIT, ReasonCode.CALLING_HOURS);
  }
}
