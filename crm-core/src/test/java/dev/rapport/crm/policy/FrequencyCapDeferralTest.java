package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.cap;
import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.preferences;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.policy.LawFixtures.sent;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Frequency caps ({@code model.md} 5.8): count the history entries with {@code at - per <
 * entry.at <= at}; at {@code max} or more, defer until entry number n-max+1 (oldest first, from
 * 1) plus {@code per}. The customer's own caps and the business's caps from the options both
 * apply. A customer in Japan (no pack, no daylight saving) keeps other rules out of the way.
 */
final class FrequencyCapDeferralTest {
  private static final CustomerProfile AIKO = customer("JP", "Asia/Tokyo");
  private static final Instant JOINED = utc("2026-04-01T00:00:00Z");
  private static final Instant AT = utc("2026-06-10T03:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  private static Ledger withOwnCaps(FrequencyCap... caps) {
    return ledger(
        AIKO,
        grant("g-promo", JOINED, Intent.PROMOTION, Channel.EMAIL, Channel.SMS),
        grant("g-support", JOINED, Intent.SUPPORT, Channel.EMAIL),
        preferences("p-caps", JOINED, Preferences.builder().addCaps(caps).build()));
  }

  private static Decision decide(Ledger ledger, List<HistoryEntry> history, Outreach.Builder outreach) {
    return LawFixtures.decide(ledger, history, outreach);
  }

  private static Outreach.Builder offer(Channel channel) {
    return outreach(Purpose.OFFER, channel, AT);
  }

  @Test
  @DisplayName("5.8 an entry exactly 'per' old has left the window: no longer counted")
  void anEntryExactlyPerOldIsNotCounted() {
    Decision decision =
        decide(withOwnCaps(cap(1, WEEK)), List.of(sent(AT.minus(WEEK), Purpose.OFFER, Channel.EMAIL)), offer(Channel.EMAIL));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 an entry one second younger than 'per' still counts and defers for that second")
  void anEntryOneSecondYoungerStillCounts() {
    Instant entry = AT.minus(WEEK).plusSeconds(1);

    Decision decision =
        decide(withOwnCaps(cap(1, WEEK)), List.of(sent(entry, Purpose.OFFER, Channel.EMAIL)), offer(Channel.EMAIL));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.FREQUENCY_CAP)
        .isDeferredUntil(AT.plusSeconds(1));
  }

  @Test
  @DisplayName("5.8 an entry sent at the very instant of the outreach counts (entry.at <= at)")
  void anEntryAtTheSameInstantCounts() {
    Decision decision =
        decide(withOwnCaps(cap(1, WEEK)), List.of(sent(AT, Purpose.OFFER, Channel.EMAIL)), offer(Channel.EMAIL));

    assertThat(decision).isDeferredUntil(AT.plus(WEEK));
  }

  @Test
  @DisplayName("5 history entries after the outreach's instant are ignored")
  void laterEntriesAreIgnored() {
    Decision decision =
        decide(
            withOwnCaps(cap(1, WEEK)),
            List.of(sent(AT.plusSeconds(1), Purpose.OFFER, Channel.EMAIL)),
            offer(Channel.EMAIL));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 below max no deferral: two entries under a cap of three")
  void belowMaxIsAllowed() {
    Decision decision =
        decide(
            withOwnCaps(cap(3, WEEK)),
            List.of(sent(AT.minus(Duration.ofDays(2)), Purpose.OFFER, Channel.EMAIL), sent(AT.minus(Duration.ofDays(1)), Purpose.PROMOTION, Channel.EMAIL)),
            offer(Channel.EMAIL));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 with n counted entries over max, defer until entry n-max+1 plus per (given in any order)")
  void defersUntilEntryNMinusMaxPlusOneLeavesTheWindow() {
    Instant first = AT.minus(Duration.ofDays(6));
    Instant second = AT.minus(Duration.ofDays(4));
    Instant third = AT.minus(Duration.ofDays(2));
    Instant fourth = AT.minus(Duration.ofDays(1));
    // n = 4, max = 2: entry number 3 (the third oldest) must leave the window.
    List<HistoryEntry> history =
        List.of(
            sent(fourth, Purpose.OFFER, Channel.EMAIL),
            sent(first, Purpose.OFFER, Channel.EMAIL),
            sent(third, Purpose.OFFER, Channel.SMS),
            sent(second, Purpose.PROMOTION, Channel.EMAIL));

    Decision decision = decide(withOwnCaps(cap(2, WEEK, Purpose.OFFER, Purpose.PROMOTION)), history, offer(Channel.EMAIL));

    assertThat(decision).isDeferredUntil(third.plus(WEEK));
  }

  @Test
  @DisplayName("5.8 a cap counts only its named purposes: SERVICE entries do not fill an OFFER cap")
  void aCapCountsOnlyItsPurposes() {
    Decision decision =
        decide(
            withOwnCaps(cap(1, WEEK, Purpose.OFFER)),
            List.of(sent(AT.minus(Duration.ofDays(1)), Purpose.SERVICE, Channel.EMAIL)),
            offer(Channel.EMAIL));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 a cap on SMS neither counts emails nor holds an email")
  void aCapWithChannelsCountsAndHoldsOnlyThoseChannels() {
    FrequencyCap smsOnly =
        FrequencyCap.builder().addPurposes(Purpose.OFFER).addChannels(Channel.SMS).max(1).per(WEEK).build();
    Ledger ledger = withOwnCaps(smsOnly);
    List<HistoryEntry> oneSms = List.of(sent(AT.minus(Duration.ofDays(1)), Purpose.OFFER, Channel.SMS));
    List<HistoryEntry> oneEmail = List.of(sent(AT.minus(Duration.ofDays(1)), Purpose.OFFER, Channel.EMAIL));

    assertThat(decide(ledger, oneSms, offer(Channel.EMAIL)).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(decide(ledger, oneEmail, offer(Channel.SMS)).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(decide(ledger, oneSms, offer(Channel.SMS)).verdict()).isEqualTo(Verdict.DEFER);
  }

  @Test
  @DisplayName("5.8, 5.10 a business cap from the options applies where the customer set none")
  void aBusinessCapApplies() {
    PolicyEngine engine =
        PolicyEngine.builder().options(PolicyOptions.builder().addCaps(cap(1, Duration.ofDays(2))).build()).build();
    Instant previous = AT.minus(Duration.ofDays(1));

    Decision decision =
        engine.decide(withOwnCaps(), List.of(sent(previous, Purpose.OFFER, Channel.EMAIL)), offer(Channel.EMAIL).build());

    assertThat(decision).isDeferredUntil(previous.plus(Duration.ofDays(2)));
    assertThat(reason(decision, ReasonCode.FREQUENCY_CAP).message()).contains("business");
  }

  @Test
  @DisplayName("5.8 business caps and the customer's own both apply: the later end wins, both are listed")
  void businessAndOwnCapsBothApply() {
    PolicyEngine engine =
        PolicyEngine.builder().options(PolicyOptions.builder().addCaps(cap(2, Duration.ofDays(3))).build()).build();
    Instant older = AT.minus(Duration.ofDays(2));
    Instant newer = AT.minus(Duration.ofHours(1));
    List<HistoryEntry> history =
        List.of(sent(older, Purpose.OFFER, Channel.EMAIL), sent(newer, Purpose.OFFER, Channel.EMAIL));

    Decision decision = engine.decide(withOwnCaps(cap(1, Duration.ofDays(1))), history, offer(Channel.EMAIL).build());

    // own: 1 per day frees at newer + 1 day; business: 2 per 3 days frees at older + 3 days.
    assertThat(decision).isDeferredUntil(older.plus(Duration.ofDays(3)));
    assertThat(decision.reasons())
        .filteredOn(r -> r.code() == ReasonCode.FREQUENCY_CAP)
        .extracting(Reason::message)
        .anySatisfy(m -> assertThat(m).contains("customer"))
        .anySatisfy(m -> assertThat(m).contains("business"));
  }

  @Test
  @DisplayName("5.8 the customer's own cap holds even where the business cap would not")
  void theCustomersOwnCapHoldsAlone() {
    PolicyEngine engine =
        PolicyEngine.builder().options(PolicyOptions.builder().addCaps(cap(5, WEEK)).build()).build();
    Instant previous = AT.minus(Duration.ofHours(1));

    Decision decision =
        engine.decide(withOwnCaps(cap(1, Duration.ofDays(1))), List.of(sent(previous, Purpose.OFFER, Channel.EMAIL)), offer(Channel.EMAIL).build());

    assertThat(decision).isDeferredUntil(previous.plus(Duration.ofDays(1)));
    assertThat(reason(decision, ReasonCode.FREQUENCY_CAP).event()).contains("p-caps");
  }

  @Test
  @DisplayName("5.2, 5.8 a SERVICE message carrying promotion is held by a cap on PROMOTION")
  void aServiceMessageWithPromotionIsHeldByAPromotionCap() {
    Decision decision =
        decide(
            withOwnCaps(cap(1, WEEK, Purpose.PROMOTION)),
            List.of(sent(AT.minus(Duration.ofDays(1)), Purpose.PROMOTION, Channel.EMAIL)),
            outreach(Purpose.SERVICE, Channel.EMAIL, AT).containsPromotion(true));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.FREQUENCY_CAP);
  }

  @Test
  @DisplayName("5.8 the same SERVICE message without promotion is not held by a cap on PROMOTION")
  void aPlainServiceMessageIsNotHeldByAPromotionCap() {
    Decision decision =
        decide(
            withOwnCaps(cap(1, WEEK, Purpose.PROMOTION)),
            List.of(sent(AT.minus(Duration.ofDays(1)), Purpose.PROMOTION, Channel.EMAIL)),
            outreach(Purpose.SERVICE, Channel.EMAIL, AT));

    assertThat(decision).isAllowed();
  }
}
