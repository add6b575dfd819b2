package dev.rapport.crm.internal;

/**
 * The containment rule of {@link dev.rapport.crm.relationship.DailyWindow} ({@code [start, end)},
 * wrapping midnight when start is after end, empty when they are equal; {@code RULES.md} 6), on
 * nanoseconds of the day, for the paths that keep a window as numbers: the window itself, the
 * engine's timing rule and the campaign gate's quiet-hours check.
 */
public final class DailyWindows {
  private DailyWindows() {}

  /** Whether the wall time {@code nanoOfDay} lies inside the window {@code [startNano, endNano)}. */
  public static boolean contains(long startNano, long endNano, long nanoOfDay) {
    if (startNano == endNano) {
      return false;
    }
    if (startNano < endNano) {
      return nanoOfDay >= startNano && nanoOfDay < endNano;
    }
    return nanoOfDay >= startNano || nanoOfDay < endNano;
  }
}
