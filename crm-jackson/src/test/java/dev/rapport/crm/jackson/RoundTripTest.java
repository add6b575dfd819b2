package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.EventType;
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
import dev.rapport.crm.testing.Draw;
import dev.rapport.crm.testing.PropertyRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random model values written in the wire format and read back are equal to the originals
 * ({@code crm-jackson/README.md}: a public contract, so nothing may be lost on the way). Seeded tries
 * ({@link PropertyRun}: a failure prints the seed that reproduces it), with coverage checks that
 * every event type, absent optional fields and awkward text (JSON escapes, non-ASCII, characters
 * outside the BMP) are reached.
 */
final class RoundTripTest {
  /** The purposes a cap may name: all but TRANSACTIONAL and REPLY (RULES.md 6). */
  private static final Purpose[] CAPPABLE =
      Arrays.stream(Purpose.values())
          .filter(p -> p != Purpose.TRANSACTIONAL && p != Purpose.REPLY)
          .toArray(Purpose[]::new);

  private static final long FIRST_SECOND = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST_SECOND = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

  @TestFactory
  Stream<DynamicTest> evidence_survives_a_round_trip() {
    return PropertyRun.tries(1000)
        .coverage(statistics -> assertThat(statistics.percentage("details", "some")).isGreaterThan(30))
        .coverage(statistics -> assertThat(statistics.percentage("notice", "absent")).isGreaterThan(1))
        .coverage(statistics -> assertThat(statistics.percentage("notice", "outside the BMP")).isGreaterThan(5))
        .check(
            t -> {
              Evidence evidence = t.given("evidence", evidence(t.random()));
              t.collect("details", evidence.details().isEmpty() ? "none" : "some");
              t.collect("notice", evidence.notice().map(RoundTripTest::kindOfText).orElse("absent"));
              assertRoundTrip(evidence, Evidence.class);
            });
  }

  @TestFactory
  Stream<DynamicTest> every_ledger_event_survives_a_round_trip() {
    PropertyRun run = PropertyRun.tries(500);
    for (EventType type : EventType.values()) {
      run.coverage(statistics -> assertThat(statistics.percentage("type", type)).as("%s", type).isGreaterThan(5));
    }
    return run.check(
        t -> {
          LedgerEvent event = t.given("event", event(t.random()));
          t.collect("type", event.type());
          assertRoundTrip(event, LedgerEvent.class);
        });
  }

  @TestFactory
  Stream<DynamicTest> an_outreach_survives_a_round_trip() {
    return PropertyRun.tries(1000)
        .coverage(statistics -> assertThat(statistics.percentage("nanos", 0)).isBetween(30.0, 70.0))
        .check(
            t -> {
              Outreach outreach = t.given("outreach", outreach(t.random()));
              t.collect("nanos", outreach.at().getNano() == 0 ? 0 : 1);
              assertRoundTrip(outreach, Outreach.class);
            });
  }

  @TestFactory
  Stream<DynamicTest> a_history_entry_survives_a_round_trip() {
    return PropertyRun.tries(1000)
        .check(t -> assertRoundTrip(t.given("entry", history(t.random())), HistoryEntry.class));
  }

  private static <T> void assertRoundTrip(T value, Class<? super T> type) {
    String json = RapportJson.mapper().writeValueAsString(value);
    assertThat(RapportJson.read(json, type)).as(json).isEqualTo(value);
  }

  // ---------------------------------------------------------------- generators

  private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-_";

  private static final String ESCAPED = "\"\\/\n\t\r\b\f\u0000\u001f\u007f\u2028\u2029";

  static String id(RandomGenerator random) {
    int length = Draw.between(random, 1, 12);
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return id.toString();
  }

  /**
   * Text of 1 to 20 characters, not blank: printable ASCII mostly, then characters JSON escapes,
   * letters of the BMP beyond ASCII, and characters outside the BMP (a surrogate pair each).
   */
  static String text(RandomGenerator random) {
    while (true) {
      int length = Draw.between(random, 1, 20);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        switch (Draw.weighted(random, 6, 1, 2, 1)) {
          case 0:
            text.append((char) Draw.between(random, 0x20, 0x7e));
            break;
          case 1:
            text.append(ESCAPED.charAt(random.nextInt(ESCAPED.length())));
            break;
          case 2:
            text.append((char) Draw.between(random, 0xa0, Character.MIN_SURROGATE - 1));
            break;
          default:
            text.appendCodePoint(Draw.between(random, Character.MIN_SUPPLEMENTARY_CODE_POINT, 0x2ffff));
        }
      }
      if (!text.toString().isBlank()) {
        return text.toString();
      }
    }
  }

  private static String kindOfText(String text) {
    return text.codePoints().anyMatch(Character::isSupplementaryCodePoint) ? "outside the BMP" : "BMP";
  }

  /** An instant from 2000 to 2100, on a whole second half the time, else with nanoseconds. */
  static Instant instant(RandomGenerator random) {
    long second = Draw.between(random, FIRST_SECOND, LAST_SECOND);
    int nanos = random.nextBoolean() ? 0 : Draw.between(random, 0, 999_999_999);
    return Instant.ofEpochSecond(second, nanos);
  }

  /** A duration of whole days, seconds or minutes, each as likely. */
  static Duration duration(RandomGenerator random) {
    switch (random.nextInt(3)) {
      case 0:
        return Duration.ofDays(Draw.between(random, 1L, 400L));
      case 1:
        return Duration.ofSeconds(Draw.between(random, 1L, 10_000_000L));
      default:
        return Duration.ofMinutes(Draw.between(random, 1L, 100_000L));
    }
  }

  static Evidence evidence(RandomGenerator random) {
    Actor actor = Draw.oneOf(random, Actor.class);
    Optional<String> staff = Draw.optional(random, RoundTripTest::id);
    return Evidence.builder()
        .source(Draw.oneOf(random, Source.class))
        .actor(actor)
        .staff(actor == Actor.STAFF && staff.isEmpty() ? Optional.of("staff-1") : staff)
        .notice(Draw.optional(random, RoundTripTest::text))
        .written(random.nextBoolean())
        .preTicked(random.nextBoolean())
        .capturedAt(Draw.optional(random, RoundTripTest::instant))
        .details(Draw.map(random, 3, RoundTripTest::id, RoundTripTest::text))
        .build();
  }

  /** Any ledger event, each of the nine types as likely. */
  static LedgerEvent event(RandomGenerator random) {
    switch (random.nextInt(9)) {
      case 0:
        return granted(random);
      case 1:
        return withdrawn(random);
      case 2:
        return Objected.builder().id(id(random)).at(instant(random)).evidence(evidence(random)).build();
      case 3:
        return Confirmed.builder().id(id(random)).at(instant(random)).grant(id(random)).evidence(evidence(random)).build();
      case 4:
        return preferences(random);
      case 5:
        return Purchased.builder()
            .id(id(random))
            .at(instant(random))
            .channel(Draw.optional(random, r -> Draw.oneOf(r, Channel.class)))
            .entity(Draw.optional(random, RoundTripTest::id))
            .optOutOffered(random.nextBoolean())
            .build();
      case 6:
        return Inquired.builder()
            .id(id(random))
            .at(instant(random))
            .channel(Draw.oneOf(random, Channel.class))
            .entity(Draw.optional(random, RoundTripTest::id))
            .optOutOffered(random.nextBoolean())
            .build();
      case 7:
        return Registered.builder().id(id(random)).at(instant(random)).registry(Draw.oneOf(random, Registry.class)).build();
      default:
        return Erased.builder().id(id(random)).at(instant(random)).evidence(Draw.optional(random, RoundTripTest::evidence)).build();
    }
  }

  static Granted granted(RandomGenerator random) {
    Instant at = instant(random);
    Set<Intent> intents = Draw.subset(random, 1, Intent.values().length, Intent.values());
    Optional<String> staff = Draw.optional(random, RoundTripTest::id);
    return Granted.builder()
        .id(id(random))
        .at(at)
        .intents(intents)
        .channels(Draw.subset(random, 1, Channel.values().length, Channel.values()))
        .evidence(evidence(random))
        .expiresAt(Draw.optional(random, RoundTripTest::duration).map(at::plus))
        .staff(intents.contains(Intent.ONE_TO_ONE) ? staff : Optional.empty())
        .entity(Draw.optional(random, RoundTripTest::id))
        .build();
  }

  static Withdrawn withdrawn(RandomGenerator random) {
    return Withdrawn.builder()
        .id(id(random))
        .at(instant(random))
        .intents(Draw.subset(random, 1, Intent.values().length, Intent.values()))
        .channels(Draw.subset(random, 1, Channel.values().length, Channel.values()))
        .evidence(evidence(random))
        .entity(Draw.optional(random, RoundTripTest::id))
        .build();
  }

  static LocalTime minute(RandomGenerator random) {
    int m = Draw.between(random, 0, 24 * 60 - 1);
    return LocalTime.of(m / 60, m % 60);
  }

  /** A cap naming 1 or more purposes a cap may name (never TRANSACTIONAL or REPLY), any channels. */
  static FrequencyCap cap(RandomGenerator random) {
    return FrequencyCap.builder()
        .purposes(Draw.subset(random, 1, CAPPABLE.length, CAPPABLE))
        .channels(Draw.subset(random, 0, Channel.values().length, Channel.values()))
        .max(Draw.between(random, 1, 50))
        .per(duration(random))
        .build();
  }

  static LedgerEvent preferences(RandomGenerator random) {
    return PreferencesChanged.builder()
        .id(id(random))
        .at(instant(random))
        .preferences(
            Preferences.builder()
                .profiling(Draw.oneOf(random, Profiling.class))
                .quietHours(Draw.optional(random, r -> QuietHours.of(minute(r), minute(r))))
                .caps(Draw.list(random, 0, 3, RoundTripTest::cap))
                .coolOffAfterPurchase(Draw.optional(random, RoundTripTest::duration))
                .build())
        .build();
  }

  static Outreach outreach(RandomGenerator random) {
    return Outreach.builder()
        .purpose(Draw.oneOf(random, Purpose.class))
        .channel(Draw.oneOf(random, Channel.class))
        .at(instant(random))
        .staff(Draw.optional(random, RoundTripTest::id))
        .entity(Draw.optional(random, RoundTripTest::id))
        .automated(random.nextBoolean())
        .containsPromotion(random.nextBoolean())
        .tracking(random.nextBoolean())
        .personalization(Draw.oneOf(random, Profiling.class))
        .topic(Draw.optional(random, RoundTripTest::text))
        .build();
  }

  static HistoryEntry history(RandomGenerator random) {
    return HistoryEntry.of(
        instant(random), Draw.oneOf(random, Purpose.class), Draw.oneOf(random, Channel.class),
        Draw.optional(random, RoundTripTest::text));
  }
}
