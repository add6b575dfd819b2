package dev.rapport.crm.internal;

/**
 * The one definition of a daily window of local wall time {@code [start, end)}, wrapping midnight
 * when start is after end, empty when they are equal ({@code RULES.md} 6): the customer's quiet
 * hours, the complement of statutory calling hours, and the campaign gate's quiet-hours check
 * all ask it. Times are nanoseconds of the day.
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
