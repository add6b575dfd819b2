package dev.rapport.crm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A history entry keeps the second of its instant inline, and compares its instant with another
 * as the instants compare ({@code RULES.md} 6: caps count the entries at or before the send),
 * on seeded random instants to the nanosecond, equal seconds and equal instants included.
 */
final class HistoryEntryTest {
  private static final long SEED = 20261203L;

  @Test
  void anEntryIsAfterAnInstantExactlyWhenItsInstantIs() {
    Random random = new Random(SEED);
    for (int n = 0; n < 20_000; n++) {
      long second = 1_700_000_000L + random.nextInt(5);
      Instant sent = Instant.ofEpochSecond(second, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
      Instant other =
          random.nextInt(4) == 0
              ? sent
              : Instant.ofEpochSecond(second + random.nextInt(3) - 1, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
      HistoryEntry entry = HistoryEntry.of(sent, Purpose.PROMOTION, Channel.EMAIL);

      assertThat(entry.isAfter(other)).as("seed %s, case %s: %s after %s", SEED, n, sent, other).isEqualTo(sent.isAfter(other));
    }
  }

  @Test
  void theInlineSecondTakesNoPartInEquality() {
    Instant at = Instant.parse("2026-03-10T10:00:00.5Z");
    HistoryEntry entry = HistoryEntry.of(at, Purpose.OFFER, Channel.SMS);

    assertThat(entry.atSecond()).isEqualTo(at.getEpochSecond());
    assertThat(entry).isEqualTo(HistoryEntry.of(at, Purpose.OFFER, Channel.SMS));
    assertThat(entry.toString()).doesNotContain("atSecond");
  }
}
