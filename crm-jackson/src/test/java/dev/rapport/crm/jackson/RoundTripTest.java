package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Erased;
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
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
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
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random model values written in the wire format and read back are equal to the originals
 * ({@code wire-format.md}: a public contract, so nothing may be lost on the way).
 */
final class RoundTripTest {

  @Property
  void evidence_survives_a_round_trip(@ForAll("evidence") Evidence evidence) {
    assertRoundTrip(evidence, Evidence.class);
  }

  @Property(tries = 500)
  void every_ledger_event_survives_a_round_trip(@ForAll("events") LedgerEvent event) {
    assertRoundTrip(event, LedgerEvent.class);
  }

  @Property
  void an_outreach_survives_a_round_trip(@ForAll("outreach") Outreach outreach) {
    assertRoundTrip(outreach, Outreach.class);
  }

  @Property
  void a_history_entry_survives_a_round_trip(@ForAll("history") HistoryEntry entry) {
    assertRoundTrip(entry, HistoryEntry.class);
  }

  private static <T> void assertRoundTrip(T value, Class<? super T> type) {
    String json = RapportJson.mapper().writeValueAsString(value);
    assertThat(RapportJson.read(json, type)).as(json).isEqualTo(value);
  }

  // ---------------------------------------------------------------- arbitraries

  static Arbitrary<String> ids() {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(12);
  }

  static Arbitrary<String> text() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank());
  }

  static Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds =
        Arbitraries.longs()
            .between(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(), Instant.parse("2100-01-01T00:00:00Z").getEpochSecond());
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  static Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(1, 400).map(Duration::ofDays),
        Arbitraries.longs().between(1, 10_000_000).map(Duration::ofSeconds),
        Arbitraries.longs().between(1, 100_000).map(Duration::ofMinutes));
  }

  static Arbitrary<Optional<String>> optional(Arbitrary<String> values) {
    return values.optional();
  }

  @Provide
  static Arbitrary<Evidence> evidence() {
    Arbitrary<Actor> actors = Arbitraries.of(Actor.class);
    return Combinators.combine(
            Arbitraries.of(Source.class),
            actors,
            ids().optional(),
            text().optional(),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            instants().optional(),
            Arbitraries.maps(ids(), text()).ofMaxSize(3))
        .as(
            (source, actor, staff, notice, written, preTicked, capturedAt, details) ->
                Evidence.builder()
                    .source(source)
                    .actor(actor)
                    .staff(actor == Actor.STAFF && staff.isEmpty() ? Optional.of("staff-1") : staff)
                    .notice(notice)
                    .written(written)
                    .preTicked(preTicked)
                    .capturedAt(capturedAt)
                    .details(details)
                    .build());
  }

  @Provide
  static Arbitrary<LedgerEvent> events() {
    return Arbitraries.oneOf(
        granted(), withdrawn(), objected(), confirmed(), preferences(), purchased(), inquired(),
        registered(), erased());
  }

  static Arbitrary<Granted> granted() {
    return Combinators.combine(
            ids(), instants(), Arbitraries.subsetOf(Intent.values()).ofMinSize(1),
            Arbitraries.subsetOf(Channel.values()).ofMinSize(1), evidence(),
            durations().optional(), ids().optional(), ids().optional())
        .as(
            (id, at, intents, channels, evidence, validFor, staff, entity) ->
                Granted.builder()
                    .id(id).at(at).intents(intents).channels(channels).evidence(evidence)
                    .expiresAt(validFor.map(at::plus))
                    .staff(intents.contains(Intent.ONE_TO_ONE) ? staff : Optional.empty())
                    .entity(entity)
                    .build());
  }

  static Arbitrary<Withdrawn> withdrawn() {
    return Combinators.combine(
            ids(), instants(), Arbitraries.subsetOf(Intent.values()).ofMinSize(1),
            Arbitraries.subsetOf(Channel.values()).ofMinSize(1), evidence(), ids().optional())
        .as(
            (id, at, intents, channels, evidence, entity) ->
                Withdrawn.builder().id(id).at(at).intents(intents).channels(channels)
                    .evidence(evidence).entity(entity).build());
  }

  static Arbitrary<LedgerEvent> objected() {
    return Combinators.combine(ids(), instants(), evidence())
        .as((id, at, evidence) -> Objected.builder().id(id).at(at).evidence(evidence).build());
  }

  static Arbitrary<LedgerEvent> confirmed() {
    return Combinators.combine(ids(), instants(), ids(), evidence())
        .as((id, at, grant, evidence) -> Confirmed.builder().id(id).at(at).grant(grant).evidence(evidence).build());
  }

  static Arbitrary<LocalTime> minutes() {
    return Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
  }

  /** The purposes a cap may name: all but TRANSACTIONAL and REPLY (RULES.md 6). */
  private static final Purpose[] CAPPABLE =
      java.util.Arrays.stream(Purpose.values())
          .filter(p -> p != Purpose.TRANSACTIONAL && p != Purpose.REPLY)
          .toArray(Purpose[]::new);

  static Arbitrary<FrequencyCap> caps() {
    return Combinators.combine(
            Arbitraries.subsetOf(CAPPABLE).ofMinSize(1), Arbitraries.subsetOf(Channel.values()),
            Arbitraries.integers().between(1, 50), durations())
        .as((purposes, channels, max, per) ->
            FrequencyCap.builder().purposes(purposes).channels(channels).max(max).per(per).build());
  }

  static Arbitrary<LedgerEvent> preferences() {
    Arbitrary<Optional<QuietHours>> quiet =
        Combinators.combine(minutes(), minutes()).as(QuietHours::of).optional();
    return Combinators.combine(
            ids(), instants(), Arbitraries.of(Profiling.class), quiet,
            caps().list().ofMaxSize(3), durations().optional())
        .as(
            (id, at, profiling, quietHours, caps, coolOff) ->
                PreferencesChanged.builder().id(id).at(at)
                    .preferences(
                        Preferences.builder().profiling(profiling).quietHours(quietHours)
                            .caps(caps).coolOffAfterPurchase(coolOff).build())
                    .build());
  }

  static Arbitrary<LedgerEvent> purchased() {
    return Combinators.combine(
            ids(), instants(), Arbitraries.of(Channel.class).optional(), ids().optional(), Arbitraries.of(true, false))
        .as((id, at, channel, entity, offered) ->
            Purchased.builder().id(id).at(at).channel(channel).entity(entity).optOutOffered(offered).build());
  }

  static Arbitrary<LedgerEvent> inquired() {
    return Combinators.combine(
            ids(), instants(), Arbitraries.of(Channel.class), ids().optional(), Arbitraries.of(true, false))
        .as((id, at, channel, entity, offered) ->
            Inquired.builder().id(id).at(at).channel(channel).entity(entity).optOutOffered(offered).build());
  }

  static Arbitrary<LedgerEvent> registered() {
    return Combinators.combine(ids(), instants(), Arbitraries.of(Registry.class))
        .as((id, at, registry) -> Registered.builder().id(id).at(at).registry(registry).build());
  }

  static Arbitrary<LedgerEvent> erased() {
    return Combinators.combine(ids(), instants(), evidence().optional())
        .as((id, at, evidence) -> Erased.builder().id(id).at(at).evidence(evidence).build());
  }

  @Provide
  static Arbitrary<Outreach> outreach() {
    return Combinators.combine(
            Arbitraries.of(Purpose.class), Arbitraries.of(Channel.class), instants(),
            ids().optional(), ids().optional(),
            Arbitraries.of(true, false).list().ofSize(3),
            Arbitraries.of(Profiling.class), text().optional())
        .as(
            (purpose, channel, at, staff, entity, flags, personalization, topic) ->
                Outreach.builder().purpose(purpose).channel(channel).at(at).staff(staff).entity(entity)
                    .automated(flags.get(0)).containsPromotion(flags.get(1)).tracking(flags.get(2))
                    .personalization(personalization).topic(topic).build());
  }

  @Provide
  static Arbitrary<HistoryEntry> history() {
    return Combinators.combine(
            instants(), Arbitraries.of(Purpose.class), Arbitraries.of(Channel.class), text().optional())
        .as(HistoryEntry::of);
  }
}
