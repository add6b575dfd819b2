package dev.rapport.crm.testing;

import static com.google.common.base.Preconditions.checkState;

import dev.rapport.crm.customer.CustomerProfile;
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
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A test ledger told as a story: "granted DEALS on EMAIL on 2026-03-02 at the checkout".
 *
 * <pre>{@code
 * Ledger ledger = LedgerStory.of(customer)
 *     .granted(DEALS).on(EMAIL).on("2026-03-02").atThe(CHECKOUT)
 *     .withdrew(DEALS).on(EMAIL).on("2026-03-09")
 *     .ledger();
 * }</pre>
 *
 * <p>Each sentence starts an event ({@link #granted}, {@link #withdrew}, {@link #objected},
 * {@link #confirmed}, {@link #bought}, {@link #inquired}, {@link #chose}, {@link #keepsQuietHours}); the words after it ({@link
 * #on(Channel...)}, {@link #on(String)}, {@link #at(String)}, {@link #atThe(Source)}, {@link
 * #byStaff(String)}, {@link #forEntity(String)}) describe that event. Unless told otherwise an
 * event happens on 2026-03-02 at 10:00 UTC, the customer acts in the preference center under
 * notice {@value Fixtures#NOTICE} (valid consent), and ids are numbered by kind: {@code g1},
 * {@code w1}, {@code o1}, {@code c1}, {@code p1}, {@code i1}, {@code pref1}. A word that does not fit the event
 * (a channel on an objection) fails at once with an {@link IllegalStateException}.
 */
public final class LedgerStory {
  private enum Kind {
    GRANTED("g"),
    WITHDREW("w"),
    OBJECTED("o"),
    CONFIRMED("c"),
    BOUGHT("p"),
    INQUIRED("i"),
    CHOSE("pref");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  private final CustomerProfile customer;
  private final List<LedgerEvent> told = new ArrayList<>();
  private final int[] counters = new int[Kind.values().length];
  private @org.jspecify.annotations.Nullable Draft draft;
  private @org.jspecify.annotations.Nullable String lastGrant;

  private LedgerStory(CustomerProfile customer) {
    this.customer = customer;
  }

  /** A story of {@code customer}'s ledger. */
  public static LedgerStory of(CustomerProfile customer) {
    return new LedgerStory(customer);
  }

  /** A story of the default customer of {@link Fixtures#customer()}. */
  public static LedgerStory story() {
    return of(Fixtures.customer());
  }

  /** "granted DEALS, NEWS": a grant of these intents (add channels with {@link #on(Channel...)}). */
  public LedgerStory granted(Intent... intents) {
    return begin(Kind.GRANTED).withIntents(intents);
  }

  /** "withdrew DEALS": a withdrawal of these intents (add channels with {@link #on(Channel...)}). */
  public LedgerStory withdrew(Intent... intents) {
    return begin(Kind.WITHDREW).withIntents(intents);
  }

  /** "objected": an objection to all direct marketing. */
  public LedgerStory objected() {
    return begin(Kind.OBJECTED);
  }

  /** "confirmed": a confirmation (double opt-in) of the latest grant of the story. */
  public LedgerStory confirmed() {
    flush();
    checkState(lastGrant != null, "confirmed: the story has no grant to confirm yet");
    return begin(Kind.CONFIRMED);
  }

  /** "bought": a purchase (optionally {@link #on(Channel...)} one channel). */
  public LedgerStory bought() {
    return begin(Kind.BOUGHT);
  }

  /** "inquired": the customer contacted the business (give the channel with {@link #on(Channel...)}). */
  public LedgerStory inquired() {
    return begin(Kind.INQUIRED);
  }

  /**
   * "keeps quiet hours 21:00-08:00": a preferences event that sets the customer's quiet hours
   * (local time of the customer's zone) and nothing else.
   */
  public LedgerStory keepsQuietHours(String start, String end) {
    return chose(
        Preferences.builder()
            .quietHours(QuietHours.of(LocalTime.parse(start), LocalTime.parse(end)))
            .build());
  }

  /** "chose these preferences": a preferences event. */
  public LedgerStory chose(Preferences preferences) {
    begin(Kind.CHOSE);
    current("chose " + preferences).preferences = preferences;
    return this;
  }

  /** "on EMAIL, SMS": the channels of the current event. */
  public LedgerStory on(Channel... channels) {
    Draft d = current("on " + List.of(channels));
    checkState(
        d.kind != Kind.OBJECTED && d.kind != Kind.CONFIRMED && d.kind != Kind.CHOSE,
        "%s names no channel", d.kind.name().toLowerCase());
    d.channels.addAll(List.of(channels));
    return this;
  }

  /** "on 2026-03-02": the day of the current event (ISO date, UTC). */
  public LedgerStory on(String isoDate) {
    current("on " + isoDate).date = LocalDate.parse(isoDate);
    return this;
  }

  /** "at 14:30": the time of day of the current event (UTC). */
  public LedgerStory at(String time) {
    current("at " + time).time = LocalTime.parse(time);
    return this;
  }

  /** "at the checkout": where the customer acted (the evidence's source). */
  public LedgerStory atThe(Source source) {
    current("at the " + source).source = source;
    return this;
  }

  /** "by staff member ana": a staff member recorded the customer's words. */
  public LedgerStory byStaff(String staff) {
    current("by staff " + staff).staff = Optional.of(staff);
    return this;
  }

  /** "for entity acme-bank": the legal entity of the current event. */
  public LedgerStory forEntity(String entity) {
    current("for entity " + entity).entity = Optional.of(entity);
    return this;
  }

  /** The events told so far, in the order they were told. */
  public List<LedgerEvent> events() {
    flush();
    return List.copyOf(told);
  }

  /** The customer's ledger holding the story's events. */
  public Ledger ledger() {
    return Ledger.of(customer, events());
  }

  private LedgerStory begin(Kind kind) {
    flush();
    draft = new Draft(kind, kind.prefix + ++counters[kind.ordinal()]);
    return this;
  }

  private LedgerStory withIntents(Intent... intents) {
    current("intents").intents.addAll(List.of(intents));
    return this;
  }

  private Draft current(String words) {
    checkState(draft != null, "'%s': start with an event (granted, withdrew, objected, ...)", words);
    return draft;
  }

  private void flush() {
    if (draft != null) {
      told.add(draft.build());
      if (draft.kind == Kind.GRANTED) {
        lastGrant = draft.id;
      }
      draft = null;
    }
  }

  private final class Draft {
    final Kind kind;
    final String id;
    final Set<Intent> intents = EnumSet.noneOf(Intent.class);
    final Set<Channel> channels = EnumSet.noneOf(Channel.class);
    LocalDate date = LocalDate.of(2026, 3, 2);
    LocalTime time = LocalTime.of(10, 0);
    Source source = Source.PREFERENCE_CENTER;
    Optional<String> staff = Optional.empty();
    Optional<String> entity = Optional.empty();
    Preferences preferences = Preferences.defaults();

    Draft(Kind kind, String id) {
      this.kind = kind;
      this.id = id;
    }

    Instant at() {
      return date.atTime(time).toInstant(ZoneOffset.UTC);
    }

    Evidence evidence() {
      Evidence.Builder evidence = Fixtures.evidence().source(source);
      staff.ifPresent(s -> evidence.actor(Actor.STAFF).staff(s));
      return evidence.build();
    }

    LedgerEvent build() {
      switch (kind) {
        case GRANTED:
          return Granted.builder().id(id).at(at()).evidence(evidence())
              .intents(intents).channels(channels).entity(entity).build();
        case WITHDREW:
          return Withdrawn.builder().id(id).at(at()).evidence(evidence())
              .intents(intents).channels(channels).entity(entity).build();
        case OBJECTED:
          return Objected.builder().id(id).at(at()).evidence(evidence()).build();
        case CONFIRMED:
          return Confirmed.builder().id(id).at(at()).grant(lastGrant).evidence(evidence()).build();
        case BOUGHT:
          checkState(channels.size() <= 1, "bought %s: a purchase has at most one channel", channels);
          return Purchased.builder().id(id).at(at()).entity(entity)
              .channel(channels.stream().findFirst()).build();
        case INQUIRED:
          checkState(channels.size() == 1, "inquired %s: an inquiry has exactly one channel", channels);
          Inquired.Builder inquiry = Inquired.builder().id(id).at(at()).channel(channels.iterator().next());
          entity.ifPresent(inquiry::entity);
          return inquiry.build();
        case CHOSE:
          return PreferencesChanged.builder().id(id).at(at()).preferences(preferences).build();
      }
      throw new AssertionError(kind);
    }
  }
}
