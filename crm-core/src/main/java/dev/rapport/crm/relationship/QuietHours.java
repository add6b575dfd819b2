package dev.rapport.crm.relationship;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalTime;
import org.immutables.value.Value;

/**
 * The customer's quiet hours ({@code RULES.md} 6): a {@link DailyWindow} of local wall time in
 * which they do not want to be contacted, in whole minutes ({@code HH:mm}, {@code RULES.md}
 * "Bounds of values"). A window whose start equals its end means no quiet hours.
 */
@Value.Immutable
public abstract class QuietHours {
  QuietHours() {}

  /** The window in which the customer is not contacted. */
  @Value.Parameter
  public abstract DailyWindow window();

  /** Quiet hours from {@code start} (inclusive) to {@code end} (exclusive), local time. */
  public static QuietHours of(LocalTime start, LocalTime end) {
    return of(DailyWindow.of(start, end));
  }

  /** Quiet hours over {@code window}. */
  public static QuietHours of(DailyWindow window) {
    return ImmutableQuietHours.of(window);
  }

  @Value.Check
  void check() {
    for (LocalTime time : new LocalTime[] {window().start(), window().end()}) {
      checkArgument(
          time.getSecond() == 0 && time.getNano() == 0,
          "quiet hours are whole minutes (HH:mm), got %s",
          time);
    }
  }

  /** The window as {@code start-end}, such as {@code 21:00-08:00}. */
  @Override
  public String toString() {
    return window().toString();
  }
}
