package dev.rapport.crm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A zone's stretch of one offset ({@code RULES.md} 6, Timing: DEFER: wall time read with the
 * zone's real rules at each instant) answers what the zone's rules answer: on seeded random
 * instants from 1900 to 2100, in zones with daylight saving, half-hour saving, a skipped day and
 * none, met in random order so that the stretch kept per zone is replaced again and again.
 */
final class OffsetSpanTest {
  private static final long SEED = 20261203L;
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("Europe/London"),
          ZoneId.of("America/New_York"),
          ZoneId.of("America/Los_Angeles"),
          ZoneId.of("America/St_Johns"),
          ZoneId.of("Australia/Sydney"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Pacific/Apia"),
          ZoneId.of("Pacific/Chatham"),
          ZoneId.of("Asia/Tokyo"),
          ZoneId.of("UTC"),
          ZoneOffset.ofHoursMinutes(5, 45));
  private static final long FROM = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
  private static final long TO = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

  @Test
  void theOffsetOfAStretchIsTheZonesOffsetAtEverySecondItHolds() {
    Random random = new Random(SEED);
    for (int n = 0; n < 50_000; n++) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      long second = nearTransitionOrAnywhere(random, zone.getRules());
      OffsetSpan span = OffsetSpan.of(zone, second);
      ZoneRules rules = zone.getRules();
      assertThat(span.contains(second)).as("seed %s, case %s: %s at %s", SEED, n, zone, second).isTrue();
      assertThat(span.offset)
          .as("seed %s, case %s: %s at %s", SEED, n, zone, second)
          .isEqualTo(rules.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds());
      long later = second + random.nextInt(3 * 86_400);
      ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(second));
      assertThat(span.lastsBeyond(later))
          .as("seed %s, case %s: %s from %s to %s", SEED, n, zone, second, later)
          .isEqualTo(next == null || next.toEpochSecond() > later);
    }
  }

  @Test
  void aWallTimeWellInsideAStretchIsReadOnceAtTheInstantItsOffsetGives() {
    Random random = new Random(SEED + 1);
    int wellInside = 0;
    for (int n = 0; n < 50_000; n++) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      ZoneRules rules = zone.getRules();
      long second = nearTransitionOrAnywhere(random, rules);
      OffsetSpan span = OffsetSpan.of(zone, second);
      long candidate = second + random.nextInt(4 * 86_400) - 2 * 86_400;
      if (!span.holdsWell(candidate)) {
        continue;
      }
      wellInside++;
      LocalDateTime wall = LocalDateTime.ofEpochSecond(candidate + span.offset, 0, ZoneOffset.UTC);
      assertThat(rules.getValidOffsets(wall))
          .as("seed %s, case %s: %s at %s", SEED + 1, n, zone, wall)
          .containsExactly(ZoneOffset.ofTotalSeconds(span.offset));
    }
    assertThat(wellInside).as("cases well inside a stretch").isGreaterThan(10_000);
  }

  /** An epoch second within a day of a transition half the time, else anywhere from 1900 to 2100. */
  private static long nearTransitionOrAnywhere(Random random, ZoneRules rules) {
    long anywhere = FROM + (long) (random.nextDouble() * (TO - FROM));
    if (random.nextBoolean()) {
      ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(anywhere));
      if (next != null && next.toEpochSecond() < TO) {
        return next.toEpochSecond() + random.nextInt(2 * 86_400) - 86_400;
      }
    }
    return anywhere;
  }
}
