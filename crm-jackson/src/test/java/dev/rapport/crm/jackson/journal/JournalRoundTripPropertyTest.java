package dev.rapport.crm.jackson.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.customer.CustomerKind;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.jackson.RapportJson;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Basis;
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
import dev.rapport.crm.limits.Limits;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the core accepts, the journal writes and reads back ({@code crm-core/RULES.md}, "Bounds of
 * values"): random profiles and events drawn from the whole accepted range (every zone id,
 * instants from year 0000 to 9999, durations up to the bound, strings up to their bound with
 * quotes, controls and characters outside the BMP) are appended, the journal is reopened, and
 * every ledger equals what was written; the ledger document round-trips too. Seeded; a failing
 * case prints its seed.
 */
final class JournalRoundTripPropertyTest {
  private static final long BASE_SEED = 0x5EED_11L;
  private static final int CASES = 40;
  private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
  private static final List<String> COUNTRIES = List.of(Locale.getISOCountries());
  private static final String ALPHABET = "aZ09 -_.:/@\"\\\n\t\u0000\u001f\u007f\u00e9\u2028\u4e2d\uD83D\uDE00";

  @TestFactory
  Stream<DynamicTest> randomAcceptedLedgersReadBackEqualFromTheJournal() {
    return IntStream.range(0, CASES)
        .mapToObj(
            i -> {
              long seed = BASE_SEED + i;
              return DynamicTest.dynamicTest("seed " + seed, () -> roundTrip(seed));
            });
  }

  private static void roundTrip(long seed) throws IOException {
    Random random = new Random(seed);
    Path dir = Files.createTempDirectory("journal-round-trip");
    Path journal = dir.resolve("ledgers.journal");
    try {
      List<Ledger> written = new ArrayList<>();
      try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
        for (int c = 0; c < 3; c++) {
          CustomerProfile profile = profile(random, c);
          store.create(profile);
          List<LedgerEvent> events = events(random);
          int version = 0;
          for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(3));
            version = store.append(profile.id(), version, events.subList(from, to)).version();
            from = to;
          }
          Ledger ledger = store.read(profile.id()).orElseThrow();
          assertThat(RapportJson.readLedger(RapportJson.writeLedger(ledger))).as("seed %d: the ledger document", seed).isEqualTo(ledger);
          written.add(ledger);
        }
      }
      try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
        assertThat(store.recovery().isClean()).as("seed %d", seed).isTrue();
        for (Ledger ledger : written) {
          assertThat(store.read(ledger.customer().id())).as("seed %d: %s", seed, ledger).contains(ledger);
        }
        assertThat(store.verify().isIntact()).as("seed %d", seed).isTrue();
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("failing seed " + seed + ": " + e.getMessage(), e);
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
  }

  private static CustomerProfile profile(Random random, int index) {
    return CustomerProfile.builder()
        .id(index + id(random))
        .jurisdiction(Jurisdiction.of(COUNTRIES.get(random.nextInt(COUNTRIES.size()))))
        .zone(ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))))
        .kind(random.nextBoolean() ? CustomerKind.INDIVIDUAL : CustomerKind.CORPORATE)
        .build();
  }

  private static List<LedgerEvent> events(Random random) {
    List<LedgerEvent> events = new ArrayList<>();
    List<String> grants = new ArrayList<>();
    int count = 1 + random.nextInt(12);
    for (int i = 0; i < count; i++) {
      String id = "e" + i + id(random);
      Instant at = instant(random);
      switch (random.nextInt(9)) {
        case 0:
        case 1:
          Granted.Builder grant =
              Granted.builder()
                  .id(id)
                  .at(at)
                  .intents(nonEmpty(random, Intent.class))
                  .channels(nonEmpty(random, Channel.class))
                  .basis(pick(random, Basis.values()))
                  .evidence(evidence(random));
          if (random.nextBoolean() && at.isBefore(Limits.MAX_INSTANT)) {
            grant.expiresAt(between(random, at.plusNanos(1), Limits.MAX_INSTANT));
          }
          text(random).ifPresent(grant::entity);
          events.add(grant.build());
          grants.add(id);
          break;
        case 2:
          Withdrawn.Builder withdrawal =
              Withdrawn.builder()
                  .id(id)
                  .at(at)
                  .intents(nonEmpty(random, Intent.class))
                  .channels(nonEmpty(random, Channel.class))
                  .evidence(evidence(random));
          text(random).ifPresent(withdrawal::entity);
          events.add(withdrawal.build());
          break;
        case 3:
          events.add(Objected.builder().id(id).at(at).evidence(evidence(random)).build());
          break;
        case 4:
          if (!grants.isEmpty()) {
            events.add(
                Confirmed.builder()
                    .id(id)
                    .at(at)
                    .grant(grants.get(random.nextInt(grants.size())))
                    .evidence(evidence(random))
                    .build());
          }
          break;
        case 5:
          events.add(PreferencesChanged.builder().id(id).at(at).preferences(preferences(random)).build());
          break;
        case 6:
          Purchased.Builder purchase = Purchased.builder().id(id).at(at).optOutOffered(random.nextBoolean());
          if (random.nextBoolean()) {
            purchase.channel(pick(random, Channel.values()));
          }
          text(random).ifPresent(purchase::entity);
          events.add(purchase.build());
          break;
        case 7:
          Inquired.Builder inquiry =
              Inquired.builder().id(id).at(at).channel(pick(random, Channel.values())).optOutOffered(random.nextBoolean());
          text(random).ifPresent(inquiry::entity);
          events.add(inquiry.build());
          break;
        default:
          events.add(Registered.builder().id(id).at(at).registry(pick(random, Registry.values())).build());
      }
    }
    return events;
  }

  private static Evidence evidence(Random random) {
    Actor actor = pick(random, Actor.values());
    Evidence.Builder evidence =
        Evidence.builder()
            .source(pick(random, Source.values()))
            .actor(actor)
            .written(random.nextBoolean())
            .preTicked(random.nextBoolean());
    if (actor == Actor.STAFF || random.nextBoolean()) {
      evidence.staff("s" + string(random, 40));
    }
    if (random.nextBoolean()) {
      evidence.notice("n" + string(random, 40));
    }
    if (random.nextBoolean()) {
      evidence.capturedAt(instant(random));
    }
    int details = random.nextInt(8) == 0 ? Limits.MAX_DETAILS : random.nextInt(4);
    for (int i = 0; i < details; i++) {
      evidence.putDetails("k" + i + string(random, 20), string(random, random.nextInt(20) == 0 ? Limits.MAX_STRING_LENGTH : 60));
    }
    return evidence.build();
  }

  private static Preferences preferences(Random random) {
    Preferences.Builder preferences = Preferences.builder().profiling(pick(random, Profiling.values()));
    if (random.nextBoolean()) {
      preferences.quietHours(
          QuietHours.of(LocalTime.of(random.nextInt(24), random.nextInt(60)), LocalTime.of(random.nextInt(24), random.nextInt(60))));
    }
    if (random.nextBoolean()) {
      preferences.coolOffAfterPurchase(duration(random));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
      purposes.add(pick(random, new Purpose[] {Purpose.OFFER, Purpose.PROMOTION, Purpose.CONTENT, Purpose.ADVOCACY}));
      preferences.addCaps(FrequencyCap.builder().purposes(purposes).max(1 + random.nextInt(Integer.MAX_VALUE - 1)).per(duration(random)).build());
    }
    return preferences.build();
  }

  private static Duration duration(Random random) {
    if (random.nextInt(5) == 0) {
      return Limits.MAX_DURATION;
    }
    long nanos = 1 + (long) (random.nextDouble() * (Limits.MAX_DURATION.toNanos() - 1));
    return Duration.ofNanos(nanos);
  }

  private static Instant instant(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return Limits.MIN_INSTANT;
      case 1:
        return Limits.MAX_INSTANT;
      default:
        return between(random, Limits.MIN_INSTANT, Limits.MAX_INSTANT);
    }
  }

  private static Instant between(Random random, Instant from, Instant to) {
    long span = to.getEpochSecond() - from.getEpochSecond();
    long seconds = from.getEpochSecond() + (span <= 0 ? 0 : (long) (random.nextDouble() * span));
    Instant at = Instant.ofEpochSecond(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
    return at.isBefore(from) ? from : at.isAfter(to) ? to : at;
  }

  private static java.util.Optional<String> text(Random random) {
    return random.nextBoolean() ? java.util.Optional.empty() : java.util.Optional.of("t" + string(random, 80));
  }

  private static String id(Random random) {
    return string(random, random.nextInt(10) == 0 ? Limits.MAX_ID_LENGTH - 3 : 12);
  }

  /** A random string of up to {@code max} characters, whole surrogate pairs only. */
  private static String string(Random random, int max) {
    int length = random.nextInt(max + 1);
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      int at = random.nextInt(ALPHABET.length());
      char c = ALPHABET.charAt(at);
      if (Character.isHighSurrogate(c)) {
        if (text.length() + 2 > length) {
          continue;
        }
        text.append(c).append(ALPHABET.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static <E extends Enum<E>> Set<E> nonEmpty(Random random, Class<E> type) {
    E[] values = type.getEnumConstants();
    Set<E> set = EnumSet.noneOf(type);
    set.add(values[random.nextInt(values.length)]);
    for (E value : values) {
      if (random.nextInt(3) == 0) {
        set.add(value);
      }
    }
    return set;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
