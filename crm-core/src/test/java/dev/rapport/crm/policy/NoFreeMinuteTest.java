package dev.rapport.crm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.relationship.DailyWindow;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * "No free minute in a local day" ({@code RULES.md} 6, Timing: DEFER: daily windows that leave
 * no free minute deny) is decided from the windows' boundaries; it agrees with reading every
 * whole minute of the day against the windows, on seeded random windows with boundaries to the
 * second, wrapping midnight or empty.
 */
final class NoFreeMinuteTest {
  private static final long SEED = 20261203L;
  private static final Reason QUIET = Reason.of(ReasonCode.QUIET_HOURS, "quiet", Optional.empty());

  @Test
  void theClosedFormAgreesWithAMinuteByMinuteReading() {
    Random random = new Random(SEED);
    int none = 0;
    for (int n = 0; n < 20_000; n++) {
      List<DailyWindowRule> windows = new ArrayList<>();
      for (int w = 1 + random.nextInt(3); w > 0; w--) {
        windows.add(new DailyWindowRule(DailyWindow.of(time(random), time(random)), ZoneId.of("UTC"), QUIET));
      }
      boolean scanned = true;
      for (int minute = 0; minute < 24 * 60 && scanned; minute++) {
        LocalTime time = LocalTime.of(minute / 60, minute % 60);
        scanned = windows.stream().anyMatch(window -> window.contains(time));
      }
      none += scanned ? 1 : 0;
      assertThat(Evaluation.noFreeMinute(windows)).as("seed %s, case %s", SEED, n).isEqualTo(scanned);
    }
    assertThat(none).as("cases with no free minute").isGreaterThan(500);
  }

  private static LocalTime time(Random random) {
    switch (random.nextInt(3)) {
      case 0:
        return LocalTime.of(random.nextInt(24), 0);
      case 1:
        return LocalTime.of(random.nextInt(24), random.nextInt(60));
      default:
        return LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60));
    }
  }
}
