package dev.rapport.crm.policy;

import dev.rapport.crm.internal.DailyWindows;
import dev.rapport.crm.relationship.DailyWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * A timing rule that defers inside a {@link DailyWindow} of local wall time: quiet hours, and the
 * complement of statutory calling hours ({@code RULES.md} 6, {@code RULES.md} US). Local time is
 * read with the zone's real rules at each instant. A boundary inside a daylight-saving gap falls
 * at the instant the gap ends; in a repeated hour the first occurrence counts.
 */
final class DailyWindowRule implements TimingRule {
  static final int MINUTES_PER_DAY = 24 * 60;

  private final LocalTime start;
  private final LocalTime end;
  private final long startNano;
  private final long endNano;
  private final ZoneId zone;
  private final Reason reason;

  DailyWindowRule(DailyWindow window, ZoneId zone, Reason reason) {
    this.start = window.start();
    this.end = window.end();
    this.startNano = start.toNanoOfDay();
    this.endNano = end.toNanoOfDay();
    this.zone = zone;
    this.reason = reason;
  }

  @Override
  public Reason reason() {
    return reason;
  }

  /** Whether the wall time {@code time} lies inside the window. */
  boolean contains(LocalTime time) {
    return containsNanoOfDay(time.toNanoOfDay());
  }

  private boolean containsNanoOfDay(long nano) {
    return DailyWindows.contains(startNano, endNano, nano);
  }

  /**
   * Writes the spans {@code [from, to)} of whole minutes of the day (minute {@code m} is the
   * wall time {@code m/60:m%60}) that {@link #contains} holds into {@code spans} from {@code n},
   * and returns the new count: at most two spans, none for an empty window.
   */
  int coveredMinutes(int[][] spans, int n) {
    if (start.equals(end)) {
      return n;
    }
    int from = firstMinuteNotBefore(start);
    int to = firstMinuteNotBefore(end);
    if (start.isBefore(end)) {
      spans[n] = new int[] {from, to};
      return n + 1;
    }
    spans[n] = new int[] {from, MINUTES_PER_DAY};
    spans[n + 1] = new int[] {0, to};
    return n + 2;
  }

  /** The first whole minute of the day whose wall time is not before {@code time}. */
  private static int firstMinuteNotBefore(LocalTime time) {
    int minute = time.getHour() * 60 + time.getMinute();
    return time.getSecond() == 0 && time.getNano() == 0 ? minute : minute + 1;
  }

  /** Whether the wall clock at {@code t} reads a time inside the window, with the zone's real offset there. */
  private boolean containsInstant(Instant t) {
    long offset = zone.getRules().getOffset(t).getTotalSeconds();
    long nanoOfDay = Math.floorMod(t.getEpochSecond() + offset, 86_400L) * 1_000_000_000L + t.getNano();
    return containsNanoOfDay(nanoOfDay);
  }

  @Override
  public Instant freeFrom(Instant t) {
    if (!containsInstant(t)) {
      return t;
    }
    ZonedDateTime local = t.atZone(zone);
    LocalDate endDate =
        start.isBefore(end) || local.toLocalTime().isBefore(end)
            ? local.toLocalDate()
            : local.toLocalDate().plusDays(1);
    Instant windowEnd = firstAfter(endDate, end, t);
    // A clock set back can leave the window before its end (RULES.md 6: wall time at each
    // instant), so a transition inside the window may be the first free instant.
    for (ZoneOffsetTransition transition = zone.getRules().nextTransition(t);
        transition != null && transition.getInstant().isBefore(windowEnd);
        transition = zone.getRules().nextTransition(transition.getInstant())) {
      if (!containsInstant(transition.getInstant())) {
        return transition.getInstant();
      }
    }
    return windowEnd;
  }

  @Override
  public boolean defersWithin(Instant from, Instant until) {
    if (!from.isBefore(until)) {
      return false;
    }
    if (containsInstant(from)
        || firstAfter(from.atZone(zone).toLocalDate(), start, from).isBefore(until)) {
      return true;
    }
    // A clock set back can re-enter the window without passing its start.
    for (ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
        transition != null && transition.getInstant().isBefore(until);
        transition = zone.getRules().nextTransition(transition.getInstant())) {
      if (containsInstant(transition.getInstant())) {
        return true;
      }
    }
    return false;
  }

  /** The first instant after {@code t} at which the wall clock reads {@code time}, from {@code date} on. */
  private Instant firstAfter(LocalDate date, LocalTime time, Instant t) {
    for (LocalDate day = date; ; day = day.plusDays(1)) {
      LocalDateTime wall = LocalDateTime.of(day, time);
      ZoneOffsetTransition transition = zone.getRules().getTransition(wall);
      if (transition != null && transition.isGap()) {
        Instant gapEnd = transition.getInstant();
        if (gapEnd.isAfter(t)) {
          return gapEnd;
        }
        continue;
      }
      ZonedDateTime zoned = ZonedDateTime.of(wall, zone);
      if (zoned.toInstant().isAfter(t)) {
        return zoned.toInstant();
      }
      Instant later = zoned.withLaterOffsetAtOverlap().toInstant();
      if (later.isAfter(t)) {
        return later;
      }
    }
  }
}
