package dev.rapport.crm.relationship;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.internal.DailyWindows;
import java.time.LocalTime;
import org.immutables.value.Value;

/**
 * A daily interval of local wall time in which the customer does not want to be contacted
 * ({@code RULES.md} 6): {@code [start, end)}, wrapping midnight when {@code start} is after
 * {@code end}. A start equal to the end means no quiet hours.
 */
@Value.Immutable
public abstract class QuietHours {
  QuietHours() {}

  /** The first quiet minute, local time. */
  @Value.Parameter
  public abstract LocalTime start();

  /** The first minute that is no longer quiet, local time. */
  @Value.Parameter
  public abstract LocalTime end();

  /** Quiet hours from {@code start} (inclusive) to {@code end} (exclusive), local time. */
  public static QuietHours of(LocalTime start, LocalTime end) {
    return ImmutableQuietHours.of(start, end);
  }

  @Value.Check
  void check() {
    for (LocalTime time : new LocalTime[] {start(), end()}) {
      checkArgument(
          time.getSecond() == 0 && time.getNano() == 0,
          "quiet hours are whole minutes (HH:mm), got %s",
          time);
    }
  }

  /** Whether the local time {@code time} falls inside the quiet hours. */
  public boolean contains(LocalTime time) {
    return DailyWindows.contains(start().toNanoOfDay(), end().toNanoOfDay(), time.toNanoOfDay());
  }

  /** Whether these quiet hours are empty (start equal to end). */
  public boolean isEmpty() {
    return start().equals(end());
  }

  @Override
  public String toString() {
    return start() + "-" + end();
  }
}
