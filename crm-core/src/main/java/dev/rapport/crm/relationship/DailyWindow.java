package dev.rapport.crm.relationship;

import dev.rapport.crm.internal.DailyWindows;
import java.time.LocalTime;
import org.immutables.value.Value;

/**
 * A daily interval of local wall time {@code [start, end)}, wrapping midnight when {@code start}
 * is after {@code end}, empty when they are equal ({@code RULES.md} 6): the customer's
 * {@linkplain QuietHours quiet hours}, and the hours outside which a law lets no marketing call
 * go (a pack's daily timing rule). The window is read in the customer's zone with its real rules
 * at each instant; how a daylight-saving change moves its boundaries is the engine's business
 * ({@code RULES.md} 5.8).
 *
 * <pre>{@code
 * DailyWindow night = DailyWindow.of(LocalTime.of(21, 0), LocalTime.of(8, 0));
 * night.contains(LocalTime.of(23, 30)); // true
 * night.contains(LocalTime.of(8, 0));   // false: the end is excluded
 * }</pre>
 */
@Value.Immutable
public abstract class DailyWindow {
  DailyWindow() {}

  /** The first wall time inside the window. */
  @Value.Parameter
  public abstract LocalTime start();

  /** The first wall time after the window. */
  @Value.Parameter
  public abstract LocalTime end();

  /** The window from {@code start} (inclusive) to {@code end} (exclusive), local wall time. */
  public static DailyWindow of(LocalTime start, LocalTime end) {
    return ImmutableDailyWindow.of(start, end);
  }

  /** Whether the wall time {@code time} lies inside the window. */
  public boolean contains(LocalTime time) {
    return DailyWindows.contains(start().toNanoOfDay(), end().toNanoOfDay(), time.toNanoOfDay());
  }

  /** Whether the window is empty (start equal to end). */
  public boolean isEmpty() {
    return start().equals(end());
  }

  /** Whether the window runs past midnight (start after end). */
  public boolean wrapsMidnight() {
    return start().isAfter(end());
  }

  /** The window as {@code start-end}, such as {@code 21:00-08:00}. */
  @Override
  public String toString() {
    return start() + "-" + end();
  }
}
