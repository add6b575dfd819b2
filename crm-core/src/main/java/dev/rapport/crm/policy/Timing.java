package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.rapport.crm.relationship.DailyWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A timing rule a pack adds ({@code RULES.md} 6, Timing: DEFER): it defers the outreach, never denies
 * it. Either a daily window of local wall time in which nothing may go (such as the complement
 * of calling hours), or an instant before which nothing may go (such as a call limit).
 */
public final class Timing {
  private final Reason reason;
  private final @Nullable DailyWindow window;
  private final @Nullable Instant until;

  private Timing(Reason reason, @Nullable DailyWindow window, @Nullable Instant until) {
    checkNotNull(reason, "reason");
    checkArgument(
        reason.verdict() == Verdict.DEFER,
        "a timing rule defers; its reason %s supports %s",
        reason.code(),
        reason.verdict());
    this.reason = reason;
    this.window = window;
    this.until = until;
  }

  /**
   * Defers inside the daily window of local wall time {@code window}, read in the customer's
   * zone with its real rules; such as {@code DailyWindow.of(LocalTime.of(21, 0),
   * LocalTime.of(8, 0))}, the complement of calling hours from 08:00 to 21:00.
   */
  public static Timing dailyWindow(DailyWindow window, Reason reason) {
    return new Timing(reason, checkNotNull(window, "window"), null);
  }

  /** Defers everything before {@code until}. */
  public static Timing until(Instant until, Reason reason) {
    return new Timing(reason, null, checkNotNull(until, "until"));
  }

  /**
   * When a rolling-window limit stops deferring an outreach at {@code at}: counting the
   * instants {@code sent} with {@code at - per < s <= at}, at {@code max} or more, with n counted
   * oldest first and counting from 1, instant number n-max+1 plus {@code per}. Empty when the
   * limit does not defer ({@code RULES.md} 6, Timing: DEFER).
   */
  public static Optional<Instant> rollingLimit(List<Instant> sent, int max, Duration per, Instant at) {
    Instant windowStart = at.minus(per);
    Instant[] counted = new Instant[sent.size()];
    int n = 0;
    for (Instant s : sent) {
      if (s.isAfter(windowStart) && !s.isAfter(at)) {
        counted[n++] = s;
      }
    }
    if (n < max) {
      return Optional.empty();
    }
    Arrays.sort(counted, 0, n);
    return Optional.of(counted[n - max].plus(per));
  }

  /** The reason given when this rule defers. */
  public Reason reason() {
    return reason;
  }

  /** Whether this is a {@link #window() daily window}, not an {@link #until()}. */
  public boolean isDailyWindow() {
    return until == null;
  }

  /** The daily window in which the rule defers. */
  public DailyWindow window() {
    checkState(window != null, "not a daily window");
    return window;
  }

  /** The instant before which the rule defers. */
  public Instant until() {
    checkState(until != null, "a daily window has no single end");
    return until;
  }
}
