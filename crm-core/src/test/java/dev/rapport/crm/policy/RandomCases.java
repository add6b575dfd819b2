package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Erased;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random decision inputs for the differential test: a ledger (every event type, valid
 * and invalid evidence, imports, expiries, out-of-order appends, entities from a tiny set),
 * engine options, a history and outreach at instants before, among and after the events, for
 * customers of every jurisdiction with a pack and some without, in zones with and without
 * daylight saving (half-hour shifts included).
 */
public final class RandomCases {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private static final String[] JURISDICTIONS = {
    "DE", "GB", "FR", "IE", "NO", "US", "US-FL", "US-OK", "US-MD", "US-NY", "CA", "CA-QC", "AU",
    "JP", "BR"
  };
  private static final String[] ZONES = {
    "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles",
    "America/St_Johns", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Tokyo", "UTC",
    "America/Sao_Paulo"
  };
  private static final List<Optional<String>> ENTITIES =
      List.of(Optional.empty(), Optional.empty(), Optional.of("acme-retail"), Optional.of("acme-bank"));
  private static final Source[] SOURCES = Source.values();

  private final Random random;
  private Instant focus = T0;
  private final List<Granted> grants = new ArrayList<>();

  public RandomCases(long seed) {
    this.random = new Random(seed);
  }

  /** One customer's ledger with the options and outreach to decide on it. */
  public static final class Case {
    public final Ledger ledger;
    public final PolicyOptions options;
    public final List<HistoryEntry> history;
    public final List<Outreach> outreach;

    Case(Ledger ledger, PolicyOptions options, List<HistoryEntry> history, List<Outreach> outreach) {
      this.ledger = ledger;
      this.options = options;
      this.history = history;
      this.outreach = outreach;
    }
  }

  public Case next(int outreachCount) {
    CustomerProfile profile =
        CustomerProfile.of(
            "c-" + random.nextInt(1000),
            Jurisdiction.of(pick(JURISDICTIONS)),
            ZoneId.of(pick(ZONES)));
    focus = instant();
    grants.clear();
    Ledger ledger = Ledger.of(profile, events());
    List<HistoryEntry> history = new ArrayList<>();
    for (int h = random.nextInt(7); h > 0; h--) {
      history.add(
          HistoryEntry.of(
              near(),
              random.nextBoolean() ? pick(Purpose.values()) : Purpose.PROMOTION,
              random.nextBoolean() ? pick(Channel.values()) : Channel.EMAIL,
              random.nextInt(3) == 0 ? Optional.of(random.nextBoolean() ? "sale" : "news") : Optional.empty()));
    }
    List<Outreach> outreach = new ArrayList<>();
    for (int o = 0; o < outreachCount; o++) {
      outreach.add(outreach());
    }
    return new Case(ledger, options(), ImmutableList.copyOf(history), outreach);
  }

  private PolicyOptions options() {
    PolicyOptions.Builder options = PolicyOptions.builder().impliedConsent(random.nextBoolean());
    if (random.nextInt(4) == 0) {
      options.addDoubleOptIn(pick(Channel.values()));
    }
    if (random.nextInt(4) == 0) {
      options.replyWindow(Duration.ofDays(1 + random.nextInt(40)));
    }
    if (random.nextBoolean()) {
      options.addCaps(cap());
    }
    return options.build();
  }

  private Outreach outreach() {
    Purpose purpose = pick(Purpose.values());
    Channel channel = pick(Channel.values());
    Optional<String> entity = pick(ENTITIES);
    if (!grants.isEmpty() && random.nextInt(3) > 0) {
      // Mostly outreach that some grant names, so that grants cover and timing rules matter.
      Granted grant = pick(grants);
      Intent intent = pick(grant.intents().toArray(new Intent[0]));
      purpose = pick(intent.opens().toArray(new Purpose[0]));
      channel = pick(grant.channels().toArray(new Channel[0]));
      entity = grant.entity();
    }
    Outreach.Builder outreach =
        Outreach.builder()
            .purpose(purpose)
            .channel(channel)
            .at(random.nextInt(3) == 0 ? instant() : near())
            .entity(entity)
            .automated(random.nextInt(3) == 0)
            .containsPromotion(random.nextInt(4) == 0)
            .personalization(pick(Profiling.values()))
            .tracking(random.nextBoolean());
    if (random.nextInt(3) == 0) {
      outreach.staff(random.nextBoolean() ? "s-1" : "s-2");
    }
    if (random.nextInt(4) == 0) {
      outreach.topic(random.nextBoolean() ? "sale" : "news");
    }
    return outreach.build();
  }

  private List<LedgerEvent> events() {
    int count = random.nextInt(13);
    List<LedgerEvent> events = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      String id = "e" + e;
      Instant at = random.nextBoolean() ? instant() : near().minus(Duration.ofDays(2));
      int kind = random.nextInt(100);
      if (kind < 38) {
        Granted grant = grant(id, at);
        grants.add(grant);
        events.add(grant);
      } else if (kind < 42) {
        Withdrawn.Builder withdrawal =
            Withdrawn.builder().id(id).at(at).evidence(evidence(false)).entity(pick(ENTITIES));
        if (random.nextInt(4) == 0) {
          withdrawal.intents(EnumSet.allOf(Intent.class));
        } else {
          withdrawal.intents(subset(Intent.values(), 2));
        }
        if (random.nextInt(4) == 0) {
          withdrawal.channels(EnumSet.allOf(Channel.class));
        } else {
          withdrawal.channels(subset(Channel.values(), 2));
        }
        events.add(withdrawal.build());
      } else if (kind < 47) {
        events.add(Objected.builder().id(id).at(at).evidence(evidence(false)).build());
      } else if (kind < 55 && !grants.isEmpty()) {
        events.add(
            Confirmed.builder()
                .id(id)
                .at(at)
                .grant(pick(grants).id())
                .evidence(evidence(false))
                .build());
      } else if (kind < 65) {
        events.add(PreferencesChanged.builder().id(id).at(at).preferences(preferences()).build());
      } else if (kind < 77) {
        events.add(
            Purchased.builder()
                .id(id)
                .at(random.nextInt(4) == 0 ? at.minus(Duration.ofDays(random.nextInt(900))) : at)
                .entity(pick(ENTITIES))
                .optOutOffered(random.nextBoolean())
                .build());
      } else if (kind < 89) {
        events.add(
            Inquired.builder()
                .id(id)
                .at(random.nextInt(4) == 0 ? at.minus(Duration.ofDays(random.nextInt(300))) : at)
                .channel(pick(Channel.values()))
                .entity(pick(ENTITIES))
                .optOutOffered(random.nextBoolean())
                .build());
      } else if (kind < 96) {
        events.add(Registered.builder().id(id).at(at).registry(pick(Registry.values())).build());
      } else if (kind < 97) {
        events.add(Erased.builder().id(id).at(at).build());
        break;
      }
    }
    return events;
  }

  private Granted grant(String id, Instant at) {
    Set<Intent> intents = subset(Intent.values(), 3);
    Granted.Builder grant =
        Granted.builder()
            .id(id)
            .at(at)
            .intents(intents)
            .channels(subset(Channel.values(), 3))
            .evidence(evidence(true))
            .entity(pick(ENTITIES));
    if (random.nextInt(5) == 0) {
      grant.expiresAt(at.plus(Duration.ofHours(1 + random.nextInt(24 * 20))));
    }
    if (intents.contains(Intent.ONE_TO_ONE) && random.nextBoolean()) {
      grant.staff(random.nextBoolean() ? "s-1" : "s-2");
    }
    return grant.build();
  }

  private Evidence evidence(boolean maybeInvalid) {
    Source source = random.nextInt(3) == 0 ? pick(SOURCES) : Source.PREFERENCE_CENTER;
    Actor actor = maybeInvalid && random.nextInt(8) == 0 ? pick(Actor.values()) : Actor.CUSTOMER;
    Evidence.Builder evidence = Evidence.builder().source(source).actor(actor);
    if (actor == Actor.STAFF) {
      evidence.staff("s-1");
    }
    if (!maybeInvalid || random.nextInt(10) != 0) {
      evidence.notice("notice-v" + random.nextInt(3));
    }
    if (source == Source.IMPORT && (!maybeInvalid || random.nextInt(3) != 0)) {
      evidence.capturedAt(T0.minus(Duration.ofDays(random.nextInt(100))));
    }
    return evidence
        .written(random.nextInt(3) == 0)
        .preTicked(maybeInvalid && random.nextInt(12) == 0)
        .build();
  }

  private Preferences preferences() {
    Preferences.Builder preferences = Preferences.builder().profiling(pick(Profiling.values()));
    if (random.nextInt(2) == 0) {
      preferences.quietHours(QuietHours.of(time(), time()));
    }
    if (random.nextInt(4) == 0) {
      preferences.addCaps(cap());
    }
    if (random.nextInt(4) == 0) {
      preferences.coolOffAfterPurchase(Duration.ofHours(1 + random.nextInt(24 * 10)));
    }
    return preferences.build();
  }

  private LocalTime time() {
    // Quiet hours are whole minutes (RULES.md, "Bounds of values").
    switch (random.nextInt(3)) {
      case 0:
        return LocalTime.of(random.nextInt(24), 0);
      case 1:
        return LocalTime.of(random.nextInt(24), random.nextInt(60));
      default:
        return pick(new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(20, 0), LocalTime.of(21, 0), LocalTime.of(22, 0), LocalTime.of(7, 0), LocalTime.MIDNIGHT});
    }
  }

  private FrequencyCap cap() {
    Purpose[] countable = {
      Purpose.SERVICE, Purpose.RESEARCH, Purpose.OFFER, Purpose.PROMOTION, Purpose.PERSONAL,
      Purpose.CONTENT, Purpose.ADVOCACY, Purpose.CONSENT_REQUEST
    };
    FrequencyCap.Builder cap =
        FrequencyCap.builder()
            .purposes(subset(countable, 3))
            .max(1 + random.nextInt(2))
            .per(Duration.ofHours(1 + random.nextInt(24 * 7)));
    if (random.nextBoolean()) {
      cap.channels(subset(Channel.values(), 2));
    }
    return cap.build();
  }

  /** An instant within two days before or after the customer's focus, to the minute. */
  private Instant near() {
    return focus.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60) - 2 * 24 * 60));
  }

  /** An instant on a coarse grid over 40 days (ties are common), now and then off the grid. */
  private Instant instant() {
    Instant grid = T0.plus(Duration.ofHours(6L * random.nextInt(160)));
    return random.nextInt(5) == 0 ? grid.plus(Duration.ofMinutes(random.nextInt(360))) : grid;
  }

  private <E extends Enum<E>> Set<E> subset(E[] values, int max) {
    Set<E> set = EnumSet.noneOf(values[0].getDeclaringClass());
    for (int n = 1 + random.nextInt(max); n > 0; n--) {
      set.add(pick(values));
    }
    return set;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
