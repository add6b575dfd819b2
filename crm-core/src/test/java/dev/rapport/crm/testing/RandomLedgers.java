package dev.rapport.crm.testing;

import static dev.rapport.crm.testing.Fixtures.T0;
import static dev.rapport.crm.testing.Fixtures.byStaff;
import static dev.rapport.crm.testing.Fixtures.bySystem;
import static dev.rapport.crm.testing.Fixtures.evidence;
import static dev.rapport.crm.testing.Fixtures.imported;
import static dev.rapport.crm.testing.Fixtures.preTicked;

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
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Random but valid ledgers of the default customer: grants, withdrawals, objections,
 * confirmations, purchases, inquiries and profiling preferences at random times on a coarse grid
 * (so that ties are common), with evidence valid or not and entities from a tiny set. No timing
 * preferences are generated, and no erasure: properties add those themselves.
 *
 * <p>Plain methods over a {@link RandomGenerator} ({@code new Random(seed)} or {@code new
 * SplittableRandom(seed)}): the same seed gives the same ledger, in a property test or in a
 * program that draws a hundred thousand of them.
 */
public final class RandomLedgers {
  /** The tiny set of entities: the empty one and two named ones. */
  public static final List<Optional<String>> ENTITIES =
      List.of(Optional.empty(), Optional.of("acme-retail"), Optional.of("acme-bank"));

  /** Grid step of generated instants. */
  public static final Duration STEP = Duration.ofHours(12);

  /** Number of grid steps generated instants spread over (30 days). */
  public static final int SPAN = 60;

  /** Evidence of a grant, and how often each is drawn: mostly valid consent, sometimes not. */
  private static final List<Evidence> GRANT_EVIDENCE =
      List.of(
          evidence().build(),
          byStaff("jane", Source.PHONE),
          imported(T0.minus(Duration.ofDays(400))),
          preTicked(),
          evidence().notice(Optional.empty()).build(),
          evidence().actor(Actor.SYSTEM).build(),
          evidence().source(Source.IMPORT).build());

  private static final int[] GRANT_EVIDENCE_WEIGHTS = {6, 1, 2, 1, 1, 1, 1};

  private static final List<Evidence> CLOSING_EVIDENCE = List.of(evidence().build(), bySystem());

  private static final Evidence VALID = evidence().build();

  private static final List<Optional<Integer>> LIFETIMES = List.of(Optional.empty(), Optional.of(4), Optional.of(20));

  private static final List<Optional<String>> GRANT_STAFF = List.of(Optional.empty(), Optional.of("jane"));

  private static final List<Optional<String>> OUTREACH_STAFF =
      List.of(Optional.empty(), Optional.of("jane"), Optional.of("joe"));

  private static final Purpose[] MARKETING =
      Arrays.stream(Purpose.values()).filter(Purpose::isMarketing).toArray(Purpose[]::new);

  private RandomLedgers() {}

  /** Something that becomes a ledger event once it has an id and knows the earlier grants. */
  @FunctionalInterface
  public interface Draft {
    /** The event, or empty when it cannot exist here (a confirmation without any grant). */
    Optional<LedgerEvent> build(String id, List<Granted> earlierGrants);
  }

  /** An instant on the grid, from {@code T0} to {@code T0 + SPAN * STEP}, each step as likely. */
  public static Instant instant(RandomGenerator random) {
    return step(Draw.between(random, 0, SPAN));
  }

  /** The instant {@code n} grid steps after {@code T0}. */
  public static Instant step(int n) {
    return T0.plus(STEP.multipliedBy(n));
  }

  /**
   * Evidence of a grant: valid consent 6 times in 13; by staff on the phone, pre-ticked, without
   * notice, by the system or imported once each; imported with a capture 400 days old twice.
   */
  public static Evidence grantEvidence(RandomGenerator random) {
    return GRANT_EVIDENCE.get(Draw.weighted(random, GRANT_EVIDENCE_WEIGHTS));
  }

  private static Set<Intent> someIntents(RandomGenerator random) {
    return Draw.subset(random, 1, 3, Intent.values());
  }

  private static Set<Channel> someChannels(RandomGenerator random) {
    return Draw.subset(random, 1, 3, Channel.values());
  }

  private static Optional<String> entity(RandomGenerator random) {
    return Draw.oneOf(random, ENTITIES);
  }

  /** A grant draft at {@code time}: 1 to 3 intents and channels, sometimes expiring, of an entity or not. */
  public static Draft grant(RandomGenerator random, Instant time) {
    Set<Intent> intents = someIntents(random);
    Set<Channel> channels = someChannels(random);
    Evidence evidence = grantEvidence(random);
    Optional<String> entity = entity(random);
    Optional<Integer> lifetime = Draw.oneOf(random, LIFETIMES);
    Optional<String> staff = Draw.oneOf(random, GRANT_STAFF);
    return (id, grants) ->
        Optional.of(
            Granted.builder()
                .id(id)
                .at(time)
                .intents(intents)
                .channels(channels)
                .evidence(evidence)
                .entity(entity)
                .expiresAt(lifetime.map(steps -> time.plus(STEP.multipliedBy(steps))))
                .staff(intents.contains(Intent.ONE_TO_ONE) ? staff : Optional.empty())
                .build());
  }

  /** A withdrawal draft at {@code time}: of everything 1 time in 5 (intents and channels apart), sometimes by the system. */
  public static Draft withdrawal(RandomGenerator random, Instant time) {
    Set<Intent> intents = Draw.weighted(random, 4, 1) == 0 ? someIntents(random) : Set.of(Intent.values());
    Set<Channel> channels = Draw.weighted(random, 4, 1) == 0 ? someChannels(random) : Set.of(Channel.values());
    Optional<String> entity = entity(random);
    Evidence evidence = Draw.oneOf(random, CLOSING_EVIDENCE);
    return (id, grants) ->
        Optional.of(
            Withdrawn.builder()
                .id(id)
                .at(time)
                .intents(intents)
                .channels(channels)
                .entity(entity)
                .evidence(evidence)
                .build());
  }

  /** An objection draft at {@code time}. */
  public static Draft objection(Instant time) {
    return (id, grants) -> Optional.of(Objected.builder().id(id).at(time).evidence(VALID).build());
  }

  /** A confirmation at {@code time} of one of the grants earlier in the ledger (none when there is none). */
  public static Draft confirmation(RandomGenerator random, Instant time) {
    int pick = Draw.between(random, 0, 100);
    return (id, grants) ->
        grants.isEmpty()
            ? Optional.empty()
            : Optional.of(
                Confirmed.builder()
                    .id(id)
                    .at(time)
                    .grant(grants.get(pick % grants.size()).id())
                    .evidence(VALID)
                    .build());
  }

  /** A purchase or an inquiry draft at {@code time}, each as likely. */
  public static Draft relationship(RandomGenerator random, Instant time) {
    if (random.nextBoolean()) {
      Optional<Channel> channel = Draw.optional(random, r -> Draw.oneOf(r, Channel.class));
      Optional<String> entity = entity(random);
      boolean optOut = random.nextBoolean();
      return (id, grants) ->
          Optional.of(
              Purchased.builder()
                  .id(id)
                  .at(time)
                  .channel(channel)
                  .entity(entity)
                  .optOutOffered(optOut)
                  .build());
    }
    Channel channel = Draw.oneOf(random, Channel.class);
    Optional<String> entity = entity(random);
    boolean optOut = random.nextBoolean();
    return (id, grants) ->
        Optional.of(
            Inquired.builder()
                .id(id)
                .at(time)
                .channel(channel)
                .entity(entity)
                .optOutOffered(optOut)
                .build());
  }

  /** A preferences draft at {@code time} setting only the profiling level. */
  public static Draft profiling(RandomGenerator random, Instant time) {
    Profiling level = Draw.oneOf(random, Profiling.class);
    return (id, grants) ->
        Optional.of(
            PreferencesChanged.builder()
                .id(id)
                .at(time)
                .preferences(Preferences.builder().profiling(level).build())
                .build());
  }

  /**
   * Any draft at a random instant, by weight: grants 5, withdrawals 3, confirmations 2,
   * purchases and inquiries 2, objections 1, profiling 1.
   */
  public static Draft draft(RandomGenerator random) {
    Instant time = instant(random);
    switch (Draw.weighted(random, 5, 3, 1, 2, 2, 1)) {
      case 0:
        return grant(random, time);
      case 1:
        return withdrawal(random, time);
      case 2:
        return objection(time);
      case 3:
        return confirmation(random, time);
      case 4:
        return relationship(random, time);
      default:
        return profiling(random, time);
    }
  }

  /** A withdrawal or an objection draft at a random instant, each as likely. */
  public static Draft closing(RandomGenerator random) {
    Instant time = instant(random);
    return random.nextBoolean() ? withdrawal(random, time) : objection(time);
  }

  /** A random valid ledger of the default customer with 0 to 12 events (the count drawn evenly). */
  public static Ledger ledger(RandomGenerator random) {
    return append(Ledger.of(Fixtures.customer()), "e", Draw.list(random, 0, 12, RandomLedgers::draft));
  }

  /**
   * {@code ledger} with the drafts appended in order, their ids {@code prefix + n}; a draft that
   * cannot exist (a confirmation with no grant before it) is left out.
   */
  public static Ledger append(Ledger ledger, String prefix, List<Draft> drafts) {
    List<Granted> grants = new ArrayList<>();
    ledger.events().stream().filter(Granted.class::isInstance).map(Granted.class::cast).forEach(grants::add);
    List<LedgerEvent> events = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Optional<LedgerEvent> event = drafts.get(i).build(prefix + i, grants);
      if (event.isPresent()) {
        events.add(event.get());
        if (event.get() instanceof Granted) {
          grants.add((Granted) event.get());
        }
      }
    }
    return ledger.append(events);
  }

  /**
   * An outreach of one of {@code purposes} at a random instant, from the brand or staff, with a
   * promotion 1 time in 5, any personalization, tracking or not.
   */
  public static Outreach outreach(RandomGenerator random, Purpose... purposes) {
    return Outreach.builder()
        .purpose(Draw.oneOf(random, purposes))
        .channel(Draw.oneOf(random, Channel.class))
        .at(instant(random))
        .entity(entity(random))
        .staff(Draw.oneOf(random, OUTREACH_STAFF))
        .containsPromotion(Draw.weighted(random, 4, 1) == 1)
        .personalization(Draw.oneOf(random, Profiling.class))
        .tracking(random.nextBoolean())
        .build();
  }

  /** An outreach of any purpose. */
  public static Outreach anyOutreach(RandomGenerator random) {
    return outreach(random, Purpose.values());
  }

  /** An outreach of a marketing purpose. */
  public static Outreach marketingOutreach(RandomGenerator random) {
    return outreach(random, MARKETING);
  }

  /** A history of 0 to 8 entries (the count drawn evenly), sent at random instants. */
  public static List<HistoryEntry> history(RandomGenerator random) {
    return Draw.list(
        random,
        0,
        8,
        r -> HistoryEntry.of(instant(r), Draw.oneOf(r, Purpose.class), Draw.oneOf(r, Channel.class)));
  }
}
