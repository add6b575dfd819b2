package dev.rapport.crm.examples.demo;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Generates the demo's customers from a seed: the same seed always gives the same customers,
 * events and instants. Ids only, never personal data. Every event lies between
 * {@link #HISTORY_STARTS} and {@link #HISTORY_ENDS}, before the demo's week.
 */
public final class Population {
  /** The earliest event. */
  public static final Instant HISTORY_STARTS = Instant.parse("2025-03-03T00:00:00Z");
  /** Every event is before this instant. */
  public static final Instant HISTORY_ENDS = Instant.parse("2026-02-28T00:00:00Z");

  /** The staff members of the business, by id. */
  public static final List<String> STAFF =
      List.of("staff-amara", "staff-jonas", "staff-mei", "staff-tomas", "staff-lucia");

  private static final long HISTORY_SECONDS =
      Duration.between(HISTORY_STARTS, HISTORY_ENDS).getSeconds();

  private final Random random;

  private Population(long seed) {
    this.random = new Random(seed);
  }

  /** {@code size} customers generated from {@code seed}, with ids {@code c-00001} onward. */
  public static List<DemoCustomer> generate(long seed, int size) {
    Population population = new Population(seed);
    ImmutableList.Builder<DemoCustomer> customers = ImmutableList.builder();
    for (int i = 1; i <= size; i++) {
      customers.add(population.customer(String.format("c-%05d", i)));
    }
    return customers.build();
  }

  private DemoCustomer customer(String id) {
    Market market = pick(Market.values(), Market::percent);
    Segment segment = pick(Segment.values(), Segment::percent);
    CustomerProfile profile = CustomerProfile.of(id, market.jurisdiction(), market.zone());
    Ledger events = new Ledger();
    boolean mobile = chance(70);

    // What every CRM has: purchases and support contacts. Not grants.
    boolean purchased = segment != Segment.IMPORTED_PRE_TICKED && chance(85);
    if (purchased) {
      events.add(
          Purchased.builder()
              .id(events.nextId())
              .at(instant())
              .channel(Channel.EMAIL)
              .optOutOffered(chance(80))
              .build());
    }
    boolean inquired = segment == Segment.SUPPORT_ONLY || chance(20);
    if (inquired) {
      events.add(
          Inquired.builder()
              .id(events.nextId())
              .at(instant())
              .channel(chance(70) ? Channel.EMAIL : Channel.CALL)
              .optOutOffered(chance(50))
              .build());
    }
    if (market.isUnitedStates() && mobile && chance(15)) {
      events.add(Registered.builder().id(events.nextId()).at(instant()).registry(Registry.US_DNC).build());
    }

    Optional<String> accountManager = chance(8) ? Optional.of(staff()) : Optional.empty();
    Instant declared = instant();
    switch (segment) {
      case DEALS_ONLY:
        grant(events, market, declared, customer(Source.CHECKOUT, "checkout-v2"),
            EnumSet.of(Intent.DEALS), mobile && chance(50));
        break;
      case NEWSLETTER:
        grant(events, market, declared, customer(Source.WEB_FORM, "signup-v4"),
            EnumSet.of(Intent.PROMOTION), mobile && chance(30));
        events.add(preferences(events.nextId(), declared, chance(60), chance(50),
            chance(30) ? Profiling.INFERRED : Profiling.BASIC));
        if (mobile && chance(40)) {
          // Some also told a sales rep on the phone that calls about products are welcome.
          String rep = staff();
          events.add(
              Granted.builder()
                  .id(events.nextId())
                  .at(later(declared))
                  .addIntents(Intent.PROMOTION)
                  .addChannels(Channel.CALL)
                  .evidence(
                      Evidence.builder()
                          .source(Source.PHONE)
                          .actor(Actor.STAFF)
                          .staff(rep)
                          .notice("sales-call-script-v2")
                          .build())
                  .build());
        }
        break;
      case SUPPORT_ONLY:
        events.add(
            Granted.builder()
                .id(events.nextId())
                .at(declared)
                .addIntents(Intent.SUPPORT)
                .addChannels(Channel.EMAIL, Channel.CALL)
                .evidence(customer(Source.PREFERENCE_CENTER, "prefs-v3"))
                .build());
        break;
      case ONE_TO_ONE:
        String named = staff();
        events.add(
            Granted.builder()
                .id(events.nextId())
                .at(declared)
                .addIntents(Intent.ONE_TO_ONE)
                .addChannels(Channel.EMAIL, Channel.CALL, Channel.SMS)
                .staff(named)
                .evidence(
                    Evidence.builder()
                        .source(Source.PHONE)
                        .actor(Actor.STAFF)
                        .staff(named)
                        .notice("phone-script-v1")
                        .build())
                .build());
        // Usually the CRM assigns the named person; sometimes an account was reassigned.
        accountManager = Optional.of(chance(85) ? named : staff());
        break;
      case ADVOCATE:
        grant(events, market, declared, customer(Source.PREFERENCE_CENTER, "prefs-v3"),
            EnumSet.of(Intent.ADVOCACY, Intent.FEEDBACK, Intent.PROMOTION), false);
        events.add(preferences(events.nextId(), declared, false, false, Profiling.DECLARED));
        break;
      case KNOWLEDGE:
        grant(events, market, declared, customer(Source.PREFERENCE_CENTER, "prefs-v3"),
            EnumSet.of(Intent.KNOWLEDGE, Intent.FEEDBACK), false);
        break;
      case OBJECTED:
        grant(events, market, declared, customer(Source.WEB_FORM, "signup-v4"),
            EnumSet.of(Intent.PROMOTION), false);
        events.add(
            Objected.builder()
                .id(events.nextId())
                .at(later(declared))
                .evidence(customer(Source.EMAIL_LINK, "objection-v1"))
                .build());
        break;
      case WITHDRAWN:
        grant(events, market, declared, customer(Source.CHECKOUT, "checkout-v2"),
            EnumSet.of(Intent.DEALS, Intent.PROMOTION), mobile && chance(50));
        events.add(
            Withdrawn.builder()
                .id(events.nextId())
                .at(later(declared))
                .intents(EnumSet.allOf(Intent.class))
                .channels(EnumSet.allOf(Channel.class))
                .evidence(
                    Evidence.builder().source(Source.ONE_CLICK_UNSUBSCRIBE).actor(Actor.CUSTOMER).build())
                .build());
        break;
      case IMPORTED_PRE_TICKED:
        events.add(
            Granted.builder()
                .id(events.nextId())
                .at(declared)
                .addIntents(Intent.PROMOTION)
                .addChannels(Channel.EMAIL)
                .evidence(
                    Evidence.builder()
                        .source(Source.IMPORT)
                        .actor(Actor.SYSTEM)
                        .notice("partner-list-2024")
                        .preTicked(true)
                        .capturedAt(HISTORY_STARTS)
                        .build())
                .build());
        break;
      case NOTHING_DECLARED:
        break;
    }
    return new DemoCustomer(
        profile, segment, events.events(), mobile, accountManager, purchased, inquired);
  }

  /**
   * A customer's grant on email (and text, if {@code sms}). German email grants are confirmed
   * by double opt-in three times in four; American texts come with a signed written agreement
   * twice in five.
   */
  private void grant(
      Ledger events, Market market, Instant at, Evidence evidence, Set<Intent> intents, boolean sms) {
    boolean written = sms && market.isUnitedStates() && chance(40);
    String grantId = events.nextId();
    events.add(
        Granted.builder()
            .id(grantId)
            .at(at)
            .intents(intents)
            .channels(sms ? EnumSet.of(Channel.EMAIL, Channel.SMS) : EnumSet.of(Channel.EMAIL))
            .evidence(written ? written(evidence) : evidence)
            .build());
    if (market == Market.DE && chance(75)) {
      events.add(
          Confirmed.builder()
              .id(events.nextId())
              .at(at.plus(Duration.ofMinutes(5 + random.nextInt(600))))
              .grant(grantId)
              .evidence(customer(Source.EMAIL_LINK, "doi-mail-v1"))
              .build());
    }
  }

  private static PreferencesChanged preferences(
      String id, Instant at, boolean quietHours, boolean weeklyCap, Profiling profiling) {
    Preferences.Builder preferences = Preferences.builder().profiling(profiling);
    if (quietHours) {
      preferences.quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0)));
    }
    if (weeklyCap) {
      preferences.addCaps(
          FrequencyCap.builder()
              .addPurposes(Purpose.OFFER, Purpose.PROMOTION)
              .max(2)
              .per(Duration.ofDays(7))
              .build());
    }
    return PreferencesChanged.builder().id(id).at(at).preferences(preferences.build()).build();
  }

  private static Evidence written(Evidence evidence) {
    return Evidence.builder()
        .source(evidence.source())
        .actor(evidence.actor())
        .notice(evidence.notice())
        .written(true)
        .build();
  }

  private static Evidence customer(Source source, String notice) {
    return Evidence.builder().source(source).actor(Actor.CUSTOMER).notice(notice).build();
  }

  private String staff() {
    return STAFF.get(random.nextInt(STAFF.size()));
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private Instant instant() {
    return HISTORY_STARTS.plusSeconds((long) (random.nextDouble() * HISTORY_SECONDS));
  }

  /** An instant after {@code from} and before {@link #HISTORY_ENDS}. */
  private Instant later(Instant from) {
    long room = Duration.between(from, HISTORY_ENDS).getSeconds();
    return from.plusSeconds(1 + (long) (random.nextDouble() * (room - 1)));
  }

  private <T> T pick(T[] values, java.util.function.ToIntFunction<T> percent) {
    int roll = random.nextInt(100);
    for (T value : values) {
      roll -= percent.applyAsInt(value);
      if (roll < 0) {
        return value;
      }
    }
    throw new IllegalStateException("shares do not add up to 100");
  }

  /** The events of one customer, with ids e1, e2, ... */
  private static final class Ledger {
    private final List<LedgerEvent> events = new ArrayList<>();
    private int next = 1;

    String nextId() {
      return "e" + next++;
    }

    void add(LedgerEvent event) {
      events.add(event);
    }

    List<LedgerEvent> events() {
      return ImmutableList.copyOf(events);
    }
  }
}
