package dev.rapport.crm.policy;

/** The answer of a {@link Decision} ({@code RULES.md} "The model"). */
public enum Verdict {
  /** The outreach may go, honouring the decision's obligations. */
  ALLOW,
  /** The outreach must not go; the reasons say every rule that forbids it. */
  DENY,
  /** Only timing rules stand in the way; ask again at {@link Decision#deferUntil()}. */
  DEFER
}
