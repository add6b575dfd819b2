package dev.rapport.crm.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one daily window of local wall time ({@code RULES.md} 6): {@code [start, end)}, wrapping
 * midnight when start is after end, empty when they are equal; quiet hours hold one.
 */
final class DailyWindowTest {
  @ParameterizedTest(name = "{0}-{1} contains {2}: {3}")
  @CsvSource({
    "21:00, 08:00, 21:00, true",
    "21:00, 08:00, 23:59:59, true",
    "21:00, 08:00, 00:00, true",
    "21:00, 08:00, 07:59:59.999999999, true",
    "21:00, 08:00, 08:00, false",
    "21:00, 08:00, 20:59:59, false",
    "12:00, 14:00, 12:00, true",
    "12:00, 14:00, 13:59:59, true",
    "12:00, 14:00, 14:00, false",
    "12:00, 14:00, 11:59, false",
    "09:00, 09:00, 09:00, false",
    "09:00, 09:00, 03:00, false",
    "20:00:30, 08:00, 20:00:29, false",
    "20:00:30, 08:00, 20:00:30, true",
  })
  void containsItsStartButNotItsEnd(LocalTime start, LocalTime end, LocalTime time, boolean inside) {
    assertThat(DailyWindow.of(start, end).contains(time)).isEqualTo(inside);
  }

  @Test
  void saysWhetherItIsEmptyOrWrapsMidnight() {
    assertThat(DailyWindow.of(LocalTime.of(9, 0), LocalTime.of(9, 0)).isEmpty()).isTrue();
    assertThat(DailyWindow.of(LocalTime.of(21, 0), LocalTime.of(8, 0)).wrapsMidnight()).isTrue();
    assertThat(DailyWindow.of(LocalTime.of(8, 0), LocalTime.of(21, 0)).wrapsMidnight()).isFalse();
    assertThat(DailyWindow.of(LocalTime.of(8, 0), LocalTime.of(21, 0)).isEmpty()).isFalse();
  }

  @Test
  void readsAsStartDashEnd() {
    assertThat(DailyWindow.of(LocalTime.of(22, 0), LocalTime.of(7, 0))).hasToString("22:00-07:00");
    assertThat(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(7, 0))).hasToString("22:00-07:00");
  }

  @Test
  void quietHoursHoldTheWindowTheyWereGiven() {
    DailyWindow night = DailyWindow.of(LocalTime.of(21, 0), LocalTime.of(8, 0));

    assertThat(QuietHours.of(night).window()).isEqualTo(night);
    assertThat(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0))).isEqualTo(QuietHours.of(night));
  }

  @Test
  void aWindowMayHoldSecondsButQuietHoursMayNot() {
    DailyWindow withSeconds = DailyWindow.of(LocalTime.of(21, 0, 30), LocalTime.of(8, 0));

    assertThat(withSeconds.start()).isEqualTo(LocalTime.of(21, 0, 30));
    assertThatThrownBy(() -> QuietHours.of(withSeconds))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quiet hours are whole minutes (HH:mm), got 21:00:30");
  }
}
