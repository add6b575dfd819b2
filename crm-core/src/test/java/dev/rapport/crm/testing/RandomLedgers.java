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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for random but valid ledgers of the default customer: grants, withdrawals,
 * objections, confirmations, purchases, inquiries and profiling preferences at random times on
 * a coarse grid (so that ties are common), with evidence valid or not and entities from a tiny
 * set. No timing preferences are generated, and no erasure: properties add those themselves.
 */
public final class RandomLedgers {
  /** The tiny set of entities: the empty one and two named ones. */
  public static final List<Optional<String>> ENTITIES =
      List.of(Optional.empty(), Optional.of("acme-retail"), Optional.of("acme-bank"));

  /** Grid step of generated instants. */
  public static final Duration STEP = Duration.ofHours(12);

  /** Number of grid steps generated instants spread over (30 days). */
  public static final int SPAN = 60;

  private RandomLedgers() {}

  /** Something that becomes a ledger event once it has an id and knows the earlier grants. */
  @FunctionalInterface
  public interface Draft {
    /** The event, or empty when it cannot exist here (a confirmation without any grant). */
    Optional<LedgerEvent> build(String id, List<Granted> earlierGrants);
  }

  /** An instant on the grid, from {@code T0} to {@code T0 + SPAN * STEP}. */
  public static Arbitrary<Instant> instants() {
    return Arbitraries.integers().between(0, SPAN).map(RandomLedgers::step);
  }

  /** The instant {@code n} grid steps after {@code T0}. */
  public static Instant step(int n) {
    return T0.plus(STEP.multipliedBy(n));
  }

  /** Evidence of a grant: mostly valid consent, sometimes not. */
  public static Arbitrary<Evidence> grantEvidence() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(evidence().build())),
        Tuple.of(1, Arbitraries.just(byStaff("jane", Source.PHONE))),
        Tuple.of(2, Arbitraries.just(imported(T0.minus(Duration.ofDays(400))))),
        Tuple.of(1, Arbitraries.just(preTicked())),
        Tuple.of(1, Arbitraries.just(evidence().notice(Optional.empty()).build())),
        Tuple.of(1, Arbitraries.just(evidence().actor(Actor.SYSTEM).build())),
        Tuple.of(1, Arbitraries.just(evidence().source(Source.IMPORT).build())));
  }

  private static Arbitrary<Set<Intent>> someIntents() {
    return Arbitraries.of(Intent.class).set().ofMinSize(1).ofMaxSize(3);
  }

  private static Arbitrary<Set<Channel>> someChannels() {
    return Arbitraries.of(Channel.class).set().ofMinSize(1).ofMaxSize(3);
  }

  private static Arbitrary<Optional<String>> entities() {
    return Arbitraries.of(ENTITIES);
  }

  /** A grant draft at a random instant. */
  public static Arbitrary<Draft> grants(Arbitrary<Instant> at) {
    return Combinators.combine(
            at,
            someIntents(),
            someChannels(),
            grantEvidence(),
            entities(),
            Arbitraries.of(Optional.<Integer>empty(), Optional.of(4), Optional.of(20)),
            Arbitraries.of(Optional.<String>empty(), Optional.of("jane")))
        .as(
            (time, intents, channels, evidence, entity, lifetime, staff) ->
                (id, grants) ->
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
                            .build()));
  }

  /** A withdrawal draft (sometimes of everything, sometimes recorded by the system). */
  public static Arbitrary<Draft> withdrawals(Arbitrary<Instant> at) {
    Arbitrary<Set<Intent>> intents =
        Arbitraries.frequencyOf(Tuple.of(4, someIntents()), Tuple.of(1, Arbitraries.just(Set.of(Intent.values()))));
    Arbitrary<Set<Channel>> channels =
        Arbitraries.frequencyOf(Tuple.of(4, someChannels()), Tuple.of(1, Arbitraries.just(Set.of(Channel.values()))));
    return Combinators.combine(at, intents, channels, entities(), Arbitraries.of(evidence().build(), bySystem()))
        .as(
            (time, is, cs, entity, evidence) ->
                (id, grants) ->
                    Optional.of(
                        Withdrawn.builder()
                            .id(id)
                            .at(time)
                            .intents(is)
                            .channels(cs)
                            .entity(entity)
                            .evidence(evidence)
                            .build()));
  }

  /** An objection draft. */
  public static Arbitrary<Draft> objections(Arbitrary<Instant> at) {
    return at.map(
        time ->
            (id, grants) ->
                Optional.of(Objected.builder().id(id).at(time).evidence(evidence().build()).build()));
  }

  /** A confirmation of one of the grants earlier in the ledger, at a random instant. */
  public static Arbitrary<Draft> confirmations(Arbitrary<Instant> at) {
    return Combinators.combine(at, Arbitraries.integers().between(0, 100))
        .as(
            (time, pick) ->
                (id, grants) ->
                    grants.isEmpty()
                        ? Optional.empty()
                        : Optional.of(
                            Confirmed.builder()
                                .id(id)
                                .at(time)
                                .grant(grants.get(pick % grants.size()).id())
                                .evidence(evidence().build())
                                .build()));
  }

  /** A purchase or an inquiry draft. */
  public static Arbitrary<Draft> relationships(Arbitrary<Instant> at) {
    Arbitrary<Draft> purchases =
        Combinators.combine(at, Arbitraries.of(Channel.class).optional(), entities(), Arbitraries.of(true, false))
            .as(
                (time, channel, entity, optOut) ->
                    (id, grants) ->
                        Optional.of(
                            Purchased.builder()
                                .id(id)
                                .at(time)
                                .channel(channel)
                                .entity(entity)
                                .optOutOffered(optOut)
                                .build()));
    Arbitrary<Draft> inquiries =
        Combinators.combine(at, Arbitraries.of(Channel.class), entities(), Arbitraries.of(true, false))
            .as(
                (time, channel, entity, optOut) ->
                    (id, grants) ->
                        Optional.of(
                            Inquired.builder()
                                .id(id)
                                .at(time)
                                .channel(channel)
                                .entity(entity)
                                .optOutOffered(optOut)
                                .build()));
    return Arbitraries.oneOf(purchases, inquiries);
  }

  /** A preferences draft setting only the profiling level. */
  public static Arbitrary<Draft> profilings(Arbitrary<Instant> at) {
    return Combinators.combine(at, Arbitraries.of(Profiling.class))
        .as(
            (time, level) ->
                (id, grants) ->
                    Optional.of(
                        PreferencesChanged.builder()
                            .id(id)
                            .at(time)
                            .preferences(Preferences.builder().profiling(level).build())
                            .build()));
  }

  /** Any draft, grants and withdrawals most often. */
  public static Arbitrary<Draft> drafts(Arbitrary<Instant> at) {
    return Arbitraries.frequencyOf(
        Tuple.of(5, grants(at)),
        Tuple.of(3, withdrawals(at)),
        Tuple.of(1, objections(at)),
        Tuple.of(2, confirmations(at)),
        Tuple.of(2, relationships(at)),
        Tuple.of(1, profilings(at)));
  }

  /** A withdrawal or an objection draft. */
  public static Arbitrary<Draft> closings(Arbitrary<Instant> at) {
    return Arbitraries.oneOf(withdrawals(at), objections(at));
  }

  /** Random valid ledgers of the default customer with up to 12 events. */
  public static Arbitrary<Ledger> ledgers() {
    return drafts(instants()).list().ofMaxSize(12).map(drafts -> append(Ledger.of(Fixtures.customer()), "e", drafts));
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

  /** An outreach of one of {@code purposes}, at a random instant, from the brand or staff. */
  public static Arbitrary<Outreach> outreach(Purpose... purposes) {
    return Combinators.combine(
            Arbitraries.of(purposes),
            Arbitraries.of(Channel.class),
            instants(),
            entities(),
            Arbitraries.of(Optional.<String>empty(), Optional.of("jane"), Optional.of("joe")),
            Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)),
            Arbitraries.of(Profiling.class),
            Arbitraries.of(true, false))
        .as(
            (purpose, channel, at, entity, staff, promotion, level, tracking) ->
                Outreach.builder()
                    .purpose(purpose)
                    .channel(channel)
                    .at(at)
                    .entity(entity)
                    .staff(staff)
                    .containsPromotion(promotion)
                    .personalization(level)
                    .tracking(tracking)
                    .build());
  }

  /** An outreach of any purpose. */
  public static Arbitrary<Outreach> anyOutreach() {
    return outreach(Purpose.values());
  }

  /** An outreach of a marketing purpose. */
  public static Arbitrary<Outreach> marketingOutreach() {
    return outreach(Arrays.stream(Purpose.values()).filter(Purpose::isMarketing).toArray(Purpose[]::new));
  }

  /** A history of up to 8 entries sent at random instants. */
  public static Arbitrary<List<HistoryEntry>> histories() {
    return Combinators.combine(instants(), Arbitraries.of(Purpose.class), Arbitraries.of(Channel.class))
        .as(HistoryEntry::of)
        .list()
        .ofMaxSize(8);
  }
}
