package dev.rapport.crm.policy;

import dev.rapport.crm.internal.DailyWindows;
import dev.rapport.crm.relationship.DailyWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.jspecify.annotations.Nullable;

/**
 * A timing rule that defers inside a {@link DailyWindow} of local wall time: quiet hours, and the
 * complement of statutory calling hours ({@code RULES.md} 6, {@code RULES.md} US). Local time is
 * read with the zone's real rules at each instant. A boundary inside a daylight-saving gap falls
 * at the instant the gap ends; in a repeated hour the first occurrence counts.
 */
final class DailyWindowRule implements TimingRule {
  static final int MINUTES_PER_DAY = 24 * 60;
  private static final long SECONDS_PER_DAY = 86_400L;

  private final LocalTime start;
  private final LocalTime end;
  private final long startNano;
  private final long endNano;
  private final ZoneId zone;
  private final Reason reason;
  /** The zone's stretch of one offset read last; a rule serves one decision, on one thread. */
  private @Nullable OffsetSpan span;

  DailyWindowRule(DailyWindow window, ZoneId zone, Reason reason) {
    this(window.start(), window.end(), zone, reason);
  }

  /** The rule of the window from {@code start} (inclusive) to {@code end} (exclusive). */
  DailyWindowRule(LocalTime start, LocalTime end, ZoneId zone, Reason reason) {
    this.start = start;
    this.end = end;
    this.startNano = start.toNanoOfDay();
    this.endNano = end.toNanoOfDay();
    this.zone = zone;
    this.reason = reason;
  }

  /**
   * Whether the wall clock of {@code zone} at {@code t} reads a time inside the window from
   * {@code start} to {@code end}: what {@link #freeFrom} of such a rule tests first, without
   * making the rule.
   */
  static boolean holds(LocalTime start, LocalTime end, ZoneId zone, Instant t) {
    long localSecond = t.getEpochSecond() + OffsetSpan.of(zone, t.getEpochSecond()).offset;
    return DailyWindows.contains(start.toNanoOfDay(), end.toNanoOfDay(), nanoOfDay(localSecond, t));
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
   * wall time {@code m/60:m%60}) that {@link #contains} holds into {@code spans} as pairs (span
   * {@code k} at {@code 2k} and {@code 2k + 1}) from span {@code n}, and returns the new count:
   * at most two spans, none for an empty window.
   */
  int coveredMinutes(int[] spans, int n) {
    if (start.equals(end)) {
      return n;
    }
    int from = firstMinuteNotBefore(start);
    int to = firstMinuteNotBefore(end);
    if (start.isBefore(end)) {
      spans[2 * n] = from;
      spans[2 * n + 1] = to;
      return n + 1;
    }
    spans[2 * n] = from;
    spans[2 * n + 1] = MINUTES_PER_DAY;
    spans[2 * n + 2] = 0;
    spans[2 * n + 3] = to;
    return n + 2;
  }

  /** The first whole minute of the day whose wall time is not before {@code time}. */
  private static int firstMinuteNotBefore(LocalTime time) {
    int minute = time.getHour() * 60 + time.getMinute();
    return time.getSecond() == 0 && time.getNano() == 0 ? minute : minute + 1;
  }

  /** Whether the wall clock at {@code t} reads a time inside the window, with the zone's real offset there. */
  private boolean containsInstant(Instant t) {
    return containsNanoOfDay(nanoOfDay(localSecond(t), t));
  }

  /** The wall clock at {@code t} in seconds from the local epoch, with the zone's real offset there. */
  private long localSecond(Instant t) {
    return t.getEpochSecond() + span(t.getEpochSecond()).offset;
  }

  /** The zone's stretch of one offset that holds the epoch second {@code second}. */
  private OffsetSpan span(long second) {
    OffsetSpan known = span;
    if (known == null || !known.contains(second)) {
      known = OffsetSpan.of(zone, second);
      span = known;
    }
    return known;
  }

  private static long nanoOfDay(long localSecond, Instant t) {
    return Math.floorMod(localSecond, SECONDS_PER_DAY) * 1_000_000_000L + t.getNano();
  }

  /** The local date of {@code t}: what {@code t.atZone(zone).toLocalDate()} reads, without the zoned value. */
  private LocalDate localDate(Instant t) {
    return LocalDate.ofEpochDay(Math.floorDiv(localSecond(t), SECONDS_PER_DAY));
  }

  @Override
  public Instant freeFrom(Instant t) {
    long localSecond = localSecond(t);
    long nanoOfDay = nanoOfDay(localSecond, t);
    if (!containsNanoOfDay(nanoOfDay)) {
      return t;
    }
    LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(localSecond, SECONDS_PER_DAY));
    LocalDate endDate = startNano < endNano || nanoOfDay < endNano ? today : today.plusDays(1);
    Instant windowEnd = firstAfter(endDate, end, t);
    // A clock set back can leave the window before its end (RULES.md 6: wall time at each
    // instant), so a transition inside the window may be the first free instant.
    if (span(t.getEpochSecond()).lastsBeyond(windowEnd.getEpochSecond())) {
      return windowEnd; // no transition before the window's end
    }
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
        || firstAfter(localDate(from), start, from).isBefore(until)) {
      return true;
    }
    // A clock set back can re-enter the window without passing its start.
    if (span(from.getEpochSecond()).lastsBeyond(until.getEpochSecond())) {
      return false; // no transition before until
    }
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
    ZoneRules rules = zone.getRules();
    int nano = time.getNano();
    OffsetSpan around = span(t.getEpochSecond());
    for (LocalDate day = date; ; day = day.plusDays(1)) {
      long candidate = day.toEpochDay() * SECONDS_PER_DAY + time.toSecondOfDay() - around.offset;
      if (around.holdsWell(candidate)) {
        // Far from any transition: the wall clock reads the time once, at candidate.
        if (isAfter(candidate, nano, t)) {
          return Instant.ofEpochSecond(candidate, nano);
        }
        continue;
      }
      LocalDateTime wall = LocalDateTime.of(day, time);
      ZoneOffsetTransition transition = rules.getTransition(wall);
      if (transition != null && transition.isGap()) {
        Instant gapEnd = transition.getInstant();
        if (gapEnd.isAfter(t)) {
          return gapEnd;
        }
        continue;
      }
      // The wall clock reads the time once, or twice in a repeated hour: the earlier offset
      // first, as ZonedDateTime.of and then withLaterOffsetAtOverlap would give them.
      ZoneOffset earlier = transition == null ? rules.getOffset(wall) : transition.getOffsetBefore();
      long first = wall.toEpochSecond(earlier);
      if (isAfter(first, nano, t)) {
        return Instant.ofEpochSecond(first, nano);
      }
      if (transition != null) {
        long second = wall.toEpochSecond(transition.getOffsetAfter());
        if (isAfter(second, nano, t)) {
          return Instant.ofEpochSecond(second, nano);
        }
      }
    }
  }

  /** Whether the instant {@code second}, {@code nano} is after {@code t}. */
  private static boolean isAfter(long second, int nano, Instant t) {
    return second > t.getEpochSecond() || (second == t.getEpochSecond() && nano > t.getNano());
  }
}
