package dev.rapport.crm.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A stretch of time over which a zone's offset from UTC does not change: from one of its
 * transitions to the next. A zone's rules find the offset at an instant by walking the year's
 * transition rules on every call; a daily window reads it several times per decision, and every
 * customer of a zone reads the same stretch, so the engine keeps the last stretch met per zone
 * and reads offsets from it. Where a wall time lies well inside a stretch (two days from either
 * end, more than any change of offset), the wall clock reads it exactly once, at the instant the
 * stretch's offset gives; elsewhere the zone's rules answer ({@link DailyWindowRule}).
 */
final class OffsetSpan {
  /** The last stretch met per zone; immutable values, so a race only computes one twice. */
  private static final ConcurrentMap<ZoneId, OffsetSpan> LAST = new ConcurrentHashMap<>();
  /** Two days in seconds: more than any change of a zone's offset (at most 36 hours). */
  private static final long MARGIN = 2 * 86_400L;

  /** The first second of the stretch (a transition), or {@link Long#MIN_VALUE}. */
  private final long from;
  /** The second of the next transition, not in the stretch, or {@link Long#MAX_VALUE}. */
  private final long to;
  /** The offset over the stretch, in seconds. */
  final int offset;

  private OffsetSpan(long from, long to, int offset) {
    this.from = from;
    this.to = to;
    this.offset = offset;
  }

  /** The stretch of {@code zone} that holds the epoch second {@code second}. */
  static OffsetSpan of(ZoneId zone, long second) {
    if (zone instanceof ZoneOffset) {
      return new OffsetSpan(Long.MIN_VALUE, Long.MAX_VALUE, ((ZoneOffset) zone).getTotalSeconds());
    }
    OffsetSpan last = LAST.get(zone);
    if (last != null && last.contains(second)) {
      return last;
    }
    OffsetSpan span = compute(zone.getRules(), second);
    LAST.put(zone, span);
    return span;
  }

  private static OffsetSpan compute(ZoneRules rules, long second) {
    Instant t = Instant.ofEpochSecond(second);
    int offset = rules.getOffset(t).getTotalSeconds();
    // Transitions fall on whole seconds: the one before second + 1 is at or before second.
    ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(second + 1));
    ZoneOffsetTransition next = rules.nextTransition(t);
    return new OffsetSpan(
        previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
        next == null ? Long.MAX_VALUE : next.toEpochSecond(),
        offset);
  }

  /** Whether the epoch second {@code second} lies in the stretch. */
  boolean contains(long second) {
    return from <= second && second < to;
  }

  /**
   * Whether the stretch goes on past the epoch second {@code second}: from an instant of the
   * stretch up to {@code second}, the zone has no transition.
   */
  boolean lastsBeyond(long second) {
    return to > second;
  }

  /**
   * Whether the epoch second {@code second} lies at least two days inside the stretch: then the
   * wall time it reads with {@link #offset} is read at no other instant.
   */
  boolean holdsWell(long second) {
    return (from == Long.MIN_VALUE || second - from >= MARGIN)
        && (to == Long.MAX_VALUE || to - second > MARGIN);
  }
}
