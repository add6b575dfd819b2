package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.cap;
import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.doNotCall;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.objection;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.preferences;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.policy.LawFixtures.writtenGrant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import dev.rapport.crm.testing.Draw;
import dev.rapport.crm.testing.PropertyRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Invariants of {@code RULES.md} 6 over random quiet hours, caps (the customer's and the
 * business's), history, cool-off, jurisdictions and zones, with instants near daylight-saving
 * changes (Lord Howe's half-hour shift and the Chatham Islands' 45-minute offset included):
 *
 * <ul>
 *   <li>at {@code deferUntil} nothing defers any more, and no earlier instant of {@code [at,
 *       deferUntil)} is free: deciding there again gives the same {@code deferUntil}, with
 *       reasons that the first {@code DEFER} already listed;
 *   <li>a {@code DEFER} never hides a {@code DENY}.
 * </ul>
 */
final class DeferralPropertiesTest {
  private static final Instant JOINED = utc("2025-06-01T00:00:00Z");
  private static final Set<Code> DEFER_CODES =
      Set.of(ReasonCode.QUIET_HOURS, ReasonCode.FREQUENCY_CAP, ReasonCode.COOL_OFF, ReasonCode.CALLING_HOURS, ReasonCode.CALL_LIMIT);

  private static final List<String> ZONES =
      List.of(
          "Europe/Berlin", "America/New_York", "Australia/Sydney", "America/St_Johns", "America/Santiago",
          "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "Asia/Tokyo");

  private static final List<String> JURISDICTIONS = List.of("JP", "GB", "CA-NL", "US-TX", "US-FL");

  private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.SMS, Channel.CALL, Channel.POST);

  private static final List<Purpose> PURPOSES =
      List.of(Purpose.OFFER, Purpose.PROMOTION, Purpose.SERVICE, Purpose.TRANSACTIONAL);

  /** The minutes ago that up to 6 earlier outreach were sent (0 to 10 drawn, the first 6 kept). */
  private static List<Integer> sentMinutesAgo(RandomGenerator random) {
    List<Integer> sent = Draw.list(random, 0, 10, r -> Draw.between(r, 0, 2880));
    return sent.subList(0, Math.min(6, sent.size()));
  }

  /** An instant within 36 hours of one of the zone's 2026 transitions, or in June for zones without any. */
  private static Instant near(String zone, boolean secondTransition, int minutes) {
    ZoneOffsetTransition first = ZoneId.of(zone).getRules().nextTransition(utc("2026-01-01T00:00:00Z"));
    Instant base;
    if (first == null) {
      base = utc("2026-06-10T00:00:00Z");
    } else {
      ZoneOffsetTransition second = ZoneId.of(zone).getRules().nextTransition(first.getInstant());
      base = secondTransition ? second.getInstant() : first.getInstant();
    }
    return base.plus(Duration.ofMinutes(minutes)).plusSeconds(Math.floorMod(minutes * 37, 60));
  }

  private record Scenario(Ledger ledger, List<HistoryEntry> history, PolicyEngine engine, Outreach.Builder outreach) {
    Decision decideAt(Instant t) {
      return engine.decide(ledger, history, outreach.at(t).build());
    }
  }

  private static Scenario timingScenario(
      String jurisdiction, String zone, Channel channel, Purpose purpose, boolean promotion, Instant at,
      int quietStart, int quietEnd, int ownMax, int ownPerMinutes, int businessMax, int businessPerMinutes,
      List<Integer> sentMinutesAgo, int coolOffMinutes, int purchaseMinutesAgo) {
    CustomerProfile customer = customer(jurisdiction, zone);
    List<LedgerEvent> events = new ArrayList<>();
    events.add(writtenGrant("g-promo", JOINED, Intent.PROMOTION, Channel.values()));
    events.add(writtenGrant("g-support", JOINED, Intent.SUPPORT, Channel.values()));
    Preferences.Builder preferences = Preferences.builder();
    if (quietStart >= 0) {
      preferences.quietHours(QuietHours.of(LocalTime.ofSecondOfDay(quietStart * 60L), LocalTime.ofSecondOfDay(quietEnd * 60L)));
    }
    if (ownMax > 0) {
      preferences.addCaps(cap(ownMax, Duration.ofMinutes(ownPerMinutes)));
    }
    if (coolOffMinutes > 0) {
      preferences.coolOffAfterPurchase(Duration.ofMinutes(coolOffMinutes));
      events.add(purchase("b1", at.minus(Duration.ofMinutes(purchaseMinutesAgo))));
    }
    events.add(preferences("p1", JOINED, preferences.build()));
    PolicyOptions.Builder options = PolicyOptions.builder();
    if (businessMax > 0) {
      options.addCaps(cap(businessMax, Duration.ofMinutes(businessPerMinutes), Purpose.OFFER, Purpose.PROMOTION));
    }
    Channel[] others = {Channel.EMAIL, Channel.SMS, Channel.CALL};
    Purpose[] sentPurposes = {Purpose.OFFER, Purpose.PROMOTION, Purpose.SERVICE};
    List<HistoryEntry> history = new ArrayList<>();
    for (int i = 0; i < sentMinutesAgo.size(); i++) {
      Channel sentOn = i % 3 == 2 ? others[i % others.length] : channel;
      history.add(HistoryEntry.of(at.minus(Duration.ofMinutes(sentMinutesAgo.get(i))), sentPurposes[i % 3], sentOn));
    }
    Outreach.Builder outreach = outreach(purpose, channel, at).containsPromotion(promotion);
    return new Scenario(
        Ledger.of(customer, events), history, PolicyEngine.builder().options(options.build()).build(), outreach);
  }

  /** Every minute of {@code [at, until)} when it is short, else an even and a random sample, and the last second. */
  private static List<Instant> instantsBefore(Instant at, Instant until) {
    List<Instant> instants = new ArrayList<>();
    long minutes = Duration.between(at, until).toMinutes();
    if (minutes <= 90) {
      for (long m = 0; m <= minutes; m++) {
        instants.add(at.plus(Duration.ofMinutes(m)));
      }
    } else {
      long seconds = Duration.between(at, until).toSeconds();
      for (int k = 0; k < 60; k++) {
        instants.add(at.plusSeconds(seconds * k / 60));
      }
      Random random = new Random(at.getEpochSecond());
      for (int k = 0; k < 30; k++) {
        instants.add(at.plusSeconds((long) (random.nextDouble() * seconds)));
      }
    }
    instants.add(until.minusSeconds(1));
    instants.add(until.minusSeconds(60));
    return instants.stream().filter(t -> !t.isBefore(at) && t.isBefore(until)).toList();
  }

  @TestFactory
  Stream<DynamicTest> atDeferUntilNothingDefersAndNoEarlierInstantIsFree() {
    return PropertyRun.tries(100)
        .coverage(statistics -> assertThat(statistics.percentage("verdict", Verdict.DEFER)).isGreaterThan(30))
        .check(
            t -> {
              RandomGenerator random = t.random();
              String jurisdiction = t.given("jurisdiction", Draw.oneOf(random, JURISDICTIONS));
              String zone = t.given("zone", Draw.oneOf(random, ZONES));
              Channel channel = t.given("channel", Draw.oneOf(random, CHANNELS));
              Purpose purpose = t.given("purpose", Draw.oneOf(random, PURPOSES));
              boolean promotion = t.given("promotion", random.nextBoolean());
              boolean secondTransition = t.given("secondTransition", random.nextBoolean());
              int minutesFromTransition = t.given("minutesFromTransition", Draw.between(random, -2160, 2160));
              int quietStart = t.given("quietStart", Draw.between(random, -1, 1439));
              int quietEnd = t.given("quietEnd", Draw.between(random, 0, 1439));
              int ownMax = t.given("ownMax", Draw.between(random, 0, 3));
              int ownPerMinutes = t.given("ownPerMinutes", Draw.between(random, 30, 2880));
              int businessMax = t.given("businessMax", Draw.between(random, 0, 3));
              int businessPerMinutes = t.given("businessPerMinutes", Draw.between(random, 30, 2880));
              List<Integer> sentMinutesAgo = t.given("sentMinutesAgo", sentMinutesAgo(random));
              int coolOffMinutes = t.given("coolOffMinutes", Draw.between(random, 0, 2880));
              int purchaseMinutesAgo = t.given("purchaseMinutesAgo", Draw.between(random, 0, 2880));
              atDeferUntilNothingDefers(
                  t, jurisdiction, zone, channel, purpose, promotion, secondTransition, minutesFromTransition,
                  quietStart, quietEnd, ownMax, ownPerMinutes, businessMax, businessPerMinutes, sentMinutesAgo,
                  coolOffMinutes, purchaseMinutesAgo);
            });
  }

  private static void atDeferUntilNothingDefers(
      PropertyRun.Try t, String jurisdiction, String zone, Channel channel, Purpose purpose, boolean promotion,
      boolean secondTransition, int minutesFromTransition, int quietStart, int quietEnd, int ownMax, int ownPerMinutes,
      int businessMax, int businessPerMinutes, List<Integer> sentMinutesAgo, int coolOffMinutes, int purchaseMinutesAgo) {
    Instant at = near(zone, secondTransition, minutesFromTransition);
    Scenario scenario =
        timingScenario(
            jurisdiction, zone, channel, purpose, promotion, at, quietStart, quietEnd, ownMax, ownPerMinutes,
            businessMax, businessPerMinutes, sentMinutesAgo, coolOffMinutes, purchaseMinutesAgo);

    Decision decision = scenario.decideAt(at);
    t.collect("verdict", decision.verdict());
    if (decision.verdict() != Verdict.DEFER) {
      return;
    }
    Instant until = decision.deferUntil().orElseThrow();
    assertThat(until).isAfter(at);
    assertThat(decision.reasonCodes()).isNotEmpty().allMatch(DEFER_CODES::contains);

    Decision atUntil = scenario.decideAt(until);
    assertThat(atUntil.verdict()).as("deciding again at deferUntil %s: %s", until, atUntil).isEqualTo(Verdict.ALLOW);

    for (Instant earlierAt : instantsBefore(at, until)) {
      Decision earlier = scenario.decideAt(earlierAt);
      assertThat(earlier.verdict()).as("at %s, before deferUntil %s: %s", earlierAt, until, earlier).isEqualTo(Verdict.DEFER);
      assertThat(earlier.deferUntil()).as("at %s: %s", earlierAt, earlier).contains(until);
      assertThat(decision.reasonCodes()).as("listed at %s, deciding at %s", at, earlierAt).containsAll(earlier.reasonCodes());
    }
  }

  @TestFactory
  Stream<DynamicTest> aDeferNeverHidesADeny() {
    return PropertyRun.tries(200)
        .coverage(statistics -> assertThat(statistics.percentage("without timing", Verdict.DENY)).isGreaterThan(20))
        .coverage(statistics -> assertThat(statistics.percentage("with timing", Verdict.DEFER)).isGreaterThan(10))
        .check(
            t -> {
              RandomGenerator random = t.random();
              aDeferNeverHidesADeny(
                  t,
                  t.given("jurisdiction", Draw.oneOf(random, JURISDICTIONS)),
                  t.given("zone", Draw.oneOf(random, ZONES)),
                  t.given("channel", Draw.oneOf(random, CHANNELS)),
                  t.given("purpose", Draw.oneOf(random, PURPOSES)),
                  t.given("promotion", random.nextBoolean()),
                  t.given("automated", random.nextBoolean()),
                  t.given("minutesFromTransition", Draw.between(random, -2160, 2160)),
                  t.given("grantOnChannel", random.nextBoolean()),
                  t.given("written", random.nextBoolean()),
                  t.given("objected", random.nextBoolean()),
                  t.given("registered", random.nextBoolean()),
                  t.given("quietStart", Draw.between(random, -1, 1439)),
                  t.given("quietEnd", Draw.between(random, 0, 1439)),
                  t.given("ownMax", Draw.between(random, 0, 3)),
                  t.given("sentMinutesAgo", sentMinutesAgo(random)),
                  t.given("coolOffMinutes", Draw.between(random, 0, 2880)));
            });
  }

  private static void aDeferNeverHidesADeny(
      PropertyRun.Try t, String jurisdiction, String zone, Channel channel, Purpose purpose, boolean promotion,
      boolean automated, int minutesFromTransition, boolean grantOnChannel, boolean written, boolean objected,
      boolean registered, int quietStart, int quietEnd, int ownMax, List<Integer> sentMinutesAgo, int coolOffMinutes) {
    Instant at = near(zone, false, minutesFromTransition);
    List<LedgerEvent> consent = new ArrayList<>();
    Channel granted = grantOnChannel ? channel : (channel == Channel.EMAIL ? Channel.SMS : Channel.EMAIL);
    consent.add(written
        ? writtenGrant("g1", JOINED, Intent.PROMOTION, granted)
        : grant("g1", JOINED, Intent.PROMOTION, granted));
    consent.add(grant("g2", JOINED, Intent.SUPPORT, Channel.values()));
    if (objected) {
      consent.add(objection("o1", at.minus(Duration.ofDays(3))));
    }
    if (registered) {
      consent.add(doNotCall("r1", JOINED));
    }
    consent.add(purchase("b1", at.minus(Duration.ofHours(1))));
    Outreach outreach = outreach(purpose, channel, at).containsPromotion(promotion).automated(automated).build();
    CustomerProfile customer = customer(jurisdiction, zone);

    Preferences.Builder preferences = Preferences.builder();
    if (quietStart >= 0) {
      preferences.quietHours(QuietHours.of(LocalTime.ofSecondOfDay(quietStart * 60L), LocalTime.ofSecondOfDay(quietEnd * 60L)));
    }
    if (ownMax > 0) {
      preferences.addCaps(cap(ownMax, Duration.ofDays(1)));
    }
    if (coolOffMinutes > 0) {
      preferences.coolOffAfterPurchase(Duration.ofMinutes(coolOffMinutes));
    }
    List<LedgerEvent> withTiming = new ArrayList<>(consent);
    withTiming.add(preferences("p1", JOINED, preferences.build()));
    List<HistoryEntry> history =
        sentMinutesAgo.stream().map(m -> HistoryEntry.of(at.minus(Duration.ofMinutes(m)), Purpose.OFFER, channel)).toList();
    PolicyEngine plain = PolicyEngine.withDefaults();
    PolicyEngine capped =
        PolicyEngine.builder().options(PolicyOptions.builder().addCaps(cap(1, Duration.ofHours(12))).build()).build();

    Decision without = plain.decide(Ledger.of(customer, consent), List.of(), outreach);
    Decision with = capped.decide(Ledger.of(customer, withTiming), history, outreach);
    t.collect("without timing", without.verdict());
    t.collect("with timing", with.verdict());

    if (without.verdict() == Verdict.DENY) {
      assertThat(with.verdict()).as("without timing: %s; with: %s", without, with).isEqualTo(Verdict.DENY);
      assertThat(with.reasonCodes()).containsAll(without.reasonCodes());
    } else if (with.verdict() == Verdict.DENY) {
      Set<Code> codes = with.reasonCodes().stream().collect(Collectors.toSet());
      assertThat(codes).as("a DENY that only timing causes: %s", with).isSubsetOf(Set.of(ReasonCode.QUIET_HOURS, ReasonCode.CALLING_HOURS));
    }
  }
}
