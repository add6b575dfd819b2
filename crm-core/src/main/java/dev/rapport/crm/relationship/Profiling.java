package dev.rapport.crm.relationship;

/**
 * How deeply the customer lets the business know their interests ({@code RULES.md}
 * "Intents"). The levels are ordered: {@code NONE < BASIC < DECLARED < INFERRED}. Never declared means
 * {@link #NONE}.
 */
public enum Profiling {
  /** No profiling at all. */
  NONE,
  /** What the customer bought. */
  BASIC,
  /** Interests the customer told the business. */
  DECLARED,
  /** Interests inferred from behaviour, open and click tracking. */
  INFERRED;

  /** Whether this level permits content personalized at {@code level}. */
  public boolean permits(Profiling level) {
    return level.compareTo(this) <= 0;
  }

  /** The lower of the two levels. */
  public Profiling atMost(Profiling ceiling) {
    return compareTo(ceiling) <= 0 ? this : ceiling;
  }
}
