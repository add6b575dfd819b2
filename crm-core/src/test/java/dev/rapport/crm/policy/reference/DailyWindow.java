package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.Reason;


import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * A timing rule that defers inside a daily interval of local wall time {@code [start, end)},
 * wrapping midnight when start is after end: quiet hours, and the complement of statutory
 * calling hours ({@code model.md} 5.8, {@code law.md} US). Local time is read with the zone's
 * real rules at each instant. A boundary inside a daylight-saving gap falls at the instant the
 * gap ends; in a repeated hour the first occurrence counts.
 */
final class DailyWindow implements TimingRule {
  private final LocalTime start;
  private final LocalTime end;
  private final ZoneId zone;
  private final Reason reason;

  DailyWindow(LocalTime start, LocalTime end, ZoneId zone, Reason reason) {
    this.start = start;
    this.end = end;
    this.zone = zone;
    this.reason = reason;
  }

  @Override
  public Reason reason() {
    return reason;
  }

  /** Whether the wall time {@code time} lies inside the window. */
  boolean contains(LocalTime time) {
    if (start.equals(end)) {
      return false;
    }
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }

  private boolean containsInstant(Instant t) {
    return contains(t.atZone(zone).toLocalTime());
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
    // A clock set back can leave the window before its end (model.md 5.8: wall time at each
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
