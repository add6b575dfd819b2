package dev.rapport.crm.policy;

import java.time.Instant;

/**
 * A rule that only ever defers ({@code model.md} 5.8): quiet hours, frequency caps, cool-off,
 * calling hours, call limits and a team's deferring rules.
 */
interface TimingRule {
  /** The reason given when this rule defers. */
  Reason reason();

  /** The earliest instant at or after {@code t} at which this rule does not defer. */
  Instant freeFrom(Instant t);

  /** Whether the rule defers at some instant of {@code [from, until)}. */
  boolean defersWithin(Instant from, Instant until);

  /** A rule that defers everything before {@code until}: a cap, a cool-off, a call limit. */
  static TimingRule until(Instant until, Reason reason) {
    return new TimingRule() {
      @Override
      public Reason reason() {
        return reason;
      }

      @Override
      public Instant freeFrom(Instant t) {
        return t.isBefore(until) ? until : t;
      }

      @Override
      public boolean defersWithin(Instant from, Instant to) {
        return from.isBefore(until) && from.isBefore(to);
      }
    };
  }
}
