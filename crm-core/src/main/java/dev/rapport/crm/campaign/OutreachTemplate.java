package dev.rapport.crm.campaign;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.rapport.crm.policy.Outreach;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One planned send for a whole population: the outreach (purpose, channel, entity, staff, flags,
 * topic) and when it goes out, either at one fixed instant for everyone or at one local wall
 * time (for example Tuesday 2026-03-10 10:00) in each customer's own zone.
 *
 * <p>A local wall time is resolved per zone with the rules of {@code RULES.md} 6 (Timing): a wall
 * time inside a daylight-saving gap is the instant the gap ends; a wall time in a repeated hour
 * is its first occurrence.
 *
 * <pre>{@code
 * Outreach shape = Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL)
 *     .at(Instant.EPOCH).build();            // the instant is replaced per customer
 * OutreachTemplate tuesday = OutreachTemplate.atLocalTime(shape, LocalDateTime.parse("2026-03-10T10:00"));
 * }</pre>
 */
public final class OutreachTemplate {
  private final Outreach shape;
  private final @Nullable Instant fixed;
  private final @Nullable LocalDateTime wallTime;

  private OutreachTemplate(Outreach shape, @Nullable Instant fixed, @Nullable LocalDateTime wallTime) {
    this.shape = shape;
    this.fixed = fixed;
    this.wallTime = wallTime;
  }

  /** The outreach as given, for every customer at its own instant {@link Outreach#at()}. */
  public static OutreachTemplate at(Outreach outreach) {
    checkNotNull(outreach, "outreach");
    return new OutreachTemplate(outreach, outreach.at(), null);
  }

  /**
   * The outreach at {@code wallTime} in each customer's zone; the instant of {@code outreach} is
   * ignored.
   */
  public static OutreachTemplate atLocalTime(Outreach outreach, LocalDateTime wallTime) {
    checkNotNull(outreach, "outreach");
    checkNotNull(wallTime, "wallTime");
    return new OutreachTemplate(outreach, null, wallTime);
  }

  /** The same send at another fixed instant: another campaign over the same compiled population. */
  public OutreachTemplate at(Instant instant) {
    return new OutreachTemplate(shape.rescheduled(instant), instant, null);
  }

  /** The same send at another local wall time. */
  public OutreachTemplate atLocalTime(LocalDateTime time) {
    return atLocalTime(shape, time);
  }

  /** The outreach whose every field but the instant the template fixes. */
  public Outreach shape() {
    return shape;
  }

  /** Whether the instant depends on the customer's zone. */
  public boolean isLocalTime() {
    return wallTime != null;
  }

  /** The instant the send goes out to a customer in {@code zone}. */
  public Instant instantIn(ZoneId zone) {
    if (fixed != null) {
      return fixed;
    }
    LocalDateTime wall = Objects.requireNonNull(wallTime);
    ZoneOffsetTransition transition = zone.getRules().getTransition(wall);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    // In an overlap ZonedDateTime.of keeps the earlier offset: the first occurrence.
    return ZonedDateTime.of(wall, zone).toInstant();
  }

  /** The outreach for a customer in {@code zone}. */
  public Outreach outreachIn(ZoneId zone) {
    Instant at = instantIn(zone);
    return at.equals(shape.at()) ? shape : shape.rescheduled(at);
  }

  /** Whether {@code other} plans the same outreach, whenever it goes out. */
  boolean sameShape(OutreachTemplate other) {
    return shape.rescheduled(Instant.EPOCH).equals(other.shape.rescheduled(Instant.EPOCH));
  }

  @Override
  public String toString() {
    return shape.purpose() + " by " + shape.channel() + " at " + (fixed != null ? fixed : wallTime + " local");
  }
}
