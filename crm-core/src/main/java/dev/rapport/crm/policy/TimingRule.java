package dev.rapport.crm.policy;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A rule that only ever defers ({@code RULES.md} 6): quiet hours, frequency caps, cool-off,
 * calling hours, call limits and a team's deferring rules.
 */
interface TimingRule {
  /** The reason given when this rule defers. */
  Reason reason();

  /** The earliest instant at or after {@code t} at which this rule does not defer. */
  Instant freeFrom(Instant t);

  /**
   * Whether the rule defers at some instant of {@code [from, until)}. This default holds for a
   * rule that, once free, stays free; daily windows override it.
   */
  default boolean defersWithin(Instant from, Instant until) {
    return from.isBefore(until) && freeFrom(from).isAfter(from);
  }

  /** A rule that, once free, stays free, answering {@link #freeFrom} with {@code freeFrom}. */
  static TimingRule of(Reason reason, UnaryOperator<Instant> freeFrom) {
    return new TimingRule() {
      @Override
      public Reason reason() {
        return reason;
      }

      @Override
      public Instant freeFrom(Instant t) {
        return freeFrom.apply(t);
      }
    };
  }

  /** A rule that defers everything before {@code until}: a cap, a cool-off, a call limit. */
  static TimingRule until(Instant until, Reason reason) {
    return new Until(until, reason);
  }

  /** The rule of {@link #until(Instant, Reason)}. */
  final class Until implements TimingRule {
    private final Instant until;
    private final Reason reason;

    private Until(Instant until, Reason reason) {
      this.until = until;
      this.reason = reason;
    }

    @Override
    public Reason reason() {
      return reason;
    }

    @Override
    public Instant freeFrom(Instant t) {
      return t.isBefore(until) ? until : t;
    }
  }
}
