package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link PolicyRule} says about an outreach: nothing to object ({@link #pass()}), a
 * denial, or a deferral until a later instant. Codes are the team's own: UPPER_SNAKE and not a
 * built-in {@link ReasonCode}.
 */
public final class RuleOutcome {
  private static final RuleOutcome PASS = new RuleOutcome(null, null);

  private final @Nullable Reason reason;
  private final @Nullable Instant until;

  private RuleOutcome(@Nullable Reason reason, @Nullable Instant until) {
    this.reason = reason;
    this.until = until;
  }

  /** The rule has nothing against the outreach. */
  public static RuleOutcome pass() {
    return PASS;
  }

  /** The rule forbids the outreach. */
  public static RuleOutcome deny(String code, String message) {
    return new RuleOutcome(Reason.custom(code, Verdict.DENY, message, Optional.empty()), null);
  }

  /** The rule forbids the outreach, resting on the ledger event {@code eventId}. */
  public static RuleOutcome deny(String code, String message, String eventId) {
    return new RuleOutcome(
        Reason.custom(code, Verdict.DENY, message, Optional.of(checkNotNull(eventId))), null);
  }

  /**
   * The outreach may not go before {@code until}; the engine checks that {@code until} lies
   * after the instant judged.
   */
  public static RuleOutcome defer(String code, Instant until, String message) {
    return new RuleOutcome(
        Reason.custom(code, Verdict.DEFER, message, Optional.empty()), checkNotNull(until));
  }

  /** The reason of a denial or deferral; empty for {@link #pass()}. */
  public Optional<Reason> reason() {
    return Optional.ofNullable(reason);
  }

  /** The instant a deferral ends; empty unless the outcome defers. */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }

  /** Whether the rule passes. */
  public boolean passes() {
    return reason == null;
  }

  /** Whether the rule denies. */
  public boolean denies() {
    return reason != null && until == null;
  }

  /** Whether the rule defers. */
  public boolean defers() {
    return until != null;
  }

  Instant untilAfter(Instant judged) {
    checkArgument(
        until != null && until.isAfter(judged),
        "team rule %s deferred until %s, which is not after the instant judged %s",
        reason == null ? "?" : reason.code(),
        until,
        judged);
    return until;
  }

  @Override
  public String toString() {
    return reason == null ? "pass" : reason + (until == null ? "" : " until " + until);
  }
}
