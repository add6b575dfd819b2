package dev.rapport.crm.benchmarks;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Registry;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision: a promotion by e-mail to a customer of a seeded population (10,000 customers,
 * mixed jurisdictions and zones, 5 to 15 events each: grants, withdrawals, confirmations,
 * purchases, inquiries, preferences with quiet hours, an objection or a registry entry now and
 * then; a short history each, a business-wide cap, implied consent on). Each invocation takes
 * the next customer of the population.
 *
 * <ul>
 *   <li>{@code decide}: the engine's decision; the reasons' sentences are not read.
 *   <li>{@code decideAndExplain}: the same, then every reason's sentence is read.
 *   <li>{@code buildAndDecide}: a ledger built from its events, then decided, so the decision
 *       folds it first; {@code build} builds the ledger alone. The difference of their medians
 *       ({@code p0.50}) is the cost of a decision on a customer read for the first time (fold
 *       and decide); read medians, not means: building leaves garbage behind, so the means of
 *       both carry the collector's pauses and the machine's load.
 *   <li>{@code control}: a plain-Java control on the same ledgers: fold the events into a
 *       {@link HashMap} of live keys, then check objection, the key and quiet hours. It knows
 *       none of the law and lists no reason; it is the floor a decision is measured against.
 * </ul>
 *
 * <p>Run with {@code -prof gc} for bytes allocated per decision ({@code gc.alloc.rate.norm}):
 *
 * <pre>
 * mvn -B -q -pl crm-core -Pbenchmarks -DskipTests verify -Djmh.args="DecisionBenchmark -prof gc"
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DecisionBenchmark {
  static final int CUSTOMERS = 10_000;
  public static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

  private static final Object[][] PLACES = {
    {"DE", "Europe/Berlin"},
    {"GB", "Europe/London"},
    {"FR", "Europe/Paris"},
    {"US-NY", "America/New_York"},
    {"US-FL", "America/New_York"},
    {"US-CA", "America/Los_Angeles"},
    {"CA", "America/Toronto"},
    {"AU", "Australia/Sydney"},
    {"JP", "Asia/Tokyo"},
  };
  private static final String[] NOTICES = {"prefs-v3", "checkout-v2", "signup-v7"};

  private final PolicyEngine engine =
      PolicyEngine.builder()
          .options(
              PolicyOptions.builder()
                  .impliedConsent(true)
                  .addCaps(
                      FrequencyCap.builder()
                          .addPurposes(Purpose.PROMOTION, Purpose.OFFER)
                          .max(3)
                          .per(Duration.ofDays(7))
                          .build())
                  .build())
          .build();

  private Ledger[] ledgers;
  private List<List<LedgerEvent>> events;
  private List<List<HistoryEntry>> histories;
  private Outreach outreach;
  private int next;

  /** Builds the seeded population. */
  @Setup
  public void setUp() {
    Population population = Population.generate(42L, CUSTOMERS);
    ledgers = population.ledgers;
    histories = population.histories;
    events = new ArrayList<>(CUSTOMERS);
    for (Ledger ledger : ledgers) {
      events.add(ledger.events());
    }
    outreach =
        Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL).at(AT).build();
  }

  private int nextCustomer() {
    int i = next;
    next = i + 1 == CUSTOMERS ? 0 : i + 1;
    return i;
  }

  /** The engine's decision, reasons not read. */
  @Benchmark
  public Decision decide() {
    int i = nextCustomer();
    return engine.decide(ledgers[i], histories.get(i), outreach);
  }

  /** The engine's decision with every reason's sentence read. */
  @Benchmark
  public int decideAndExplain() {
    int i = nextCustomer();
    Decision decision = engine.decide(ledgers[i], histories.get(i), outreach);
    int length = 0;
    for (Reason reason : decision.reasons()) {
      length += reason.message().length();
    }
    return length;
  }

  /**
   * A ledger built from its events (each validated as appended), then decided: the ledger is
   * new, so the decision folds it first, as in a campaign that reads each customer once.
   */
  @Benchmark
  public Decision buildAndDecide() {
    int i = nextCustomer();
    Ledger fresh = Ledger.of(ledgers[i].customer(), events.get(i));
    return engine.decide(fresh, histories.get(i), outreach);
  }

  /** The ledger built alone, to subtract from {@link #buildAndDecide()}. */
  @Benchmark
  public Ledger build() {
    int i = nextCustomer();
    return Ledger.of(ledgers[i].customer(), events.get(i));
  }

  /** The plain-Java control: fold into a HashMap, then check. */
  @Benchmark
  public int control() {
    int i = nextCustomer();
    return Control.decide(ledgers[i], AT);
  }

  /** The plain-Java control's decision: 0 allow, 1 deny, 2 defer. */
  public static final class Control {
    private Control() {}

    /** The control's decision for {@code ledger} at {@code at}: 0 allow, 1 deny, 2 defer. */
    public static int decide(Ledger ledger, Instant at) {
      Map<String, Boolean> live = new HashMap<>();
      boolean objected = false;
      QuietHours quiet = null;
      for (LedgerEvent event : ledger.events()) {
        if (event.at().isAfter(at)) {
          continue;
        }
        if (event instanceof Granted) {
          Granted grant = (Granted) event;
          if (!grant.isValidConsent()) {
            continue;
          }
          for (Intent intent : grant.intents()) {
            for (Channel channel : grant.channels()) {
              live.put(intent + "|" + channel + "|" + grant.entity().orElse(""), Boolean.TRUE);
            }
          }
          objected = false;
        } else if (event instanceof Withdrawn) {
          Withdrawn withdrawal = (Withdrawn) event;
          for (Intent intent : withdrawal.intents()) {
            for (Channel channel : withdrawal.channels()) {
              live.put(intent + "|" + channel + "|" + withdrawal.entity().orElse(""), Boolean.FALSE);
            }
          }
        } else if (event instanceof Objected) {
          objected = true;
        } else if (event instanceof PreferencesChanged) {
          quiet = ((PreferencesChanged) event).preferences().quietHours().orElse(null);
        }
      }
      if (objected || !live.getOrDefault("PROMOTION|EMAIL|", Boolean.FALSE)) {
        return 1;
      }
      if (quiet != null && quiet.window().contains(at.atZone(ledger.customer().zone()).toLocalTime())) {
        return 2;
      }
      return 0;
    }
  }

  /** The seeded population: ledgers and histories. */
  public static final class Population {
    /** The ledgers, one per customer. */
    public final Ledger[] ledgers;
    /** The histories, one per customer. */
    public final List<List<HistoryEntry>> histories;

    private Population(Ledger[] ledgers, List<List<HistoryEntry>> histories) {
      this.ledgers = ledgers;
      this.histories = histories;
    }

    /** A population of {@code customers}, the same for the same seed. */
    public static Population generate(long seed, int customers) {
      Random random = new Random(seed);
      Ledger[] ledgers = new Ledger[customers];
      List<List<HistoryEntry>> histories = new ArrayList<>(customers);
      for (int c = 0; c < customers; c++) {
        Object[] place = PLACES[random.nextInt(PLACES.length)];
        CustomerProfile profile =
            CustomerProfile.of(
                "c-" + c, Jurisdiction.of((String) place[0]), ZoneId.of((String) place[1]));
        ledgers[c] = Ledger.of(profile, events(random, profile));
        histories.add(history(random));
      }
      return new Population(ledgers, histories);
    }

    private static List<LedgerEvent> events(Random random, CustomerProfile profile) {
      int count = 5 + random.nextInt(11);
      List<LedgerEvent> events = new ArrayList<>(count);
      List<Granted> grants = new ArrayList<>();
      Instant t = AT.minus(Duration.ofDays(400));
      for (int e = 0; e < count; e++) {
        t = t.plus(Duration.ofHours(1 + random.nextInt(24 * 30)));
        if (t.isAfter(AT)) {
          t = AT.minus(Duration.ofMinutes(count - e));
        }
        String id = "e" + e;
        int kind = random.nextInt(100);
        if (kind < 40 || grants.isEmpty()) {
          Granted grant = grant(random, id, t);
          grants.add(grant);
          events.add(grant);
        } else if (kind < 50) {
          events.add(
              Confirmed.builder()
                  .id(id)
                  .at(t)
                  .grant(grants.get(random.nextInt(grants.size())).id())
                  .evidence(evidence(random))
                  .build());
        } else if (kind < 58) {
          events.add(
              Withdrawn.builder()
                  .id(id)
                  .at(t)
                  .addIntents(random.nextBoolean() ? Intent.PROMOTION : Intent.DEALS)
                  .addChannels(random.nextBoolean() ? Channel.EMAIL : Channel.SMS)
                  .evidence(evidence(random))
                  .build());
        } else if (kind < 72) {
          events.add(
              Purchased.builder()
                  .id(id)
                  .at(t)
                  .channel(Channel.EMAIL)
                  .optOutOffered(random.nextBoolean())
                  .build());
        } else if (kind < 82) {
          events.add(
              Inquired.builder()
                  .id(id)
                  .at(t)
                  .channel(random.nextBoolean() ? Channel.EMAIL : Channel.CALL)
                  .optOutOffered(random.nextBoolean())
                  .build());
        } else if (kind < 94) {
          Preferences.Builder preferences =
              Preferences.builder().profiling(Profiling.values()[random.nextInt(Profiling.values().length)]);
          if (random.nextInt(10) < 6) {
            preferences.quietHours(
                QuietHours.of(LocalTime.of(20 + random.nextInt(4), 0), LocalTime.of(6 + random.nextInt(3), 0)));
          }
          if (random.nextInt(10) < 2) {
            preferences.coolOffAfterPurchase(Duration.ofDays(1 + random.nextInt(7)));
          }
          events.add(PreferencesChanged.builder().id(id).at(t).preferences(preferences.build()).build());
        } else if (kind < 97 && profile.jurisdiction().country().equals("US")) {
          events.add(Registered.builder().id(id).at(t).registry(Registry.US_DNC).build());
        } else {
          events.add(Objected.builder().id(id).at(t).evidence(evidence(random)).build());
        }
      }
      return events;
    }

    private static Granted grant(Random random, String id, Instant t) {
      Granted.Builder grant =
          Granted.builder()
              .id(id)
              .at(t)
              .addIntents(random.nextInt(3) == 0 ? Intent.DEALS : Intent.PROMOTION)
              .addChannels(Channel.EMAIL)
              .evidence(evidence(random));
      if (random.nextInt(4) == 0) {
        grant.addIntents(Intent.SUPPORT).addChannels(Channel.SMS);
      }
      if (random.nextInt(8) == 0) {
        grant.expiresAt(t.plus(Duration.ofDays(90 + random.nextInt(400))));
      }
      return grant.build();
    }

    private static Evidence evidence(Random random) {
      return Evidence.builder()
          .source(Source.PREFERENCE_CENTER)
          .actor(random.nextInt(20) == 0 ? Actor.SYSTEM : Actor.CUSTOMER)
          .notice(NOTICES[random.nextInt(NOTICES.length)])
          .written(random.nextInt(5) == 0)
          .build();
    }

    private static List<HistoryEntry> history(Random random) {
      int count = random.nextInt(4);
      ImmutableList.Builder<HistoryEntry> history = ImmutableList.builder();
      for (int h = 0; h < count; h++) {
        history.add(
            HistoryEntry.of(
                AT.minus(Duration.ofHours(1 + random.nextInt(24 * 10))),
                random.nextBoolean() ? Purpose.PROMOTION : Purpose.OFFER,
                Channel.EMAIL));
      }
      return history.build();
    }
  }
}
