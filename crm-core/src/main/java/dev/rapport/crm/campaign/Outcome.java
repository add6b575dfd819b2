package dev.rapport.crm.campaign;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a decision says apart from its sentences and {@code deferUntil}: verdict, reason codes,
 * obligations. Shared by every customer with the same answer; a fallback carries the engine's
 * own decision.
 */
final class Outcome {
  static final Outcome CAP = new Outcome(Verdict.DEFER, ImmutableList.of(ReasonCode.FREQUENCY_CAP), ImmutableList.of(), null);
  static final Outcome QUIET = new Outcome(Verdict.DEFER, ImmutableList.of(ReasonCode.QUIET_HOURS), ImmutableList.of(), null);
  static final Outcome COOL_OFF = new Outcome(Verdict.DEFER, ImmutableList.of(ReasonCode.COOL_OFF), ImmutableList.of(), null);
  static final Outcome CAP_AND_COOL_OFF =
      new Outcome(
          Verdict.DEFER, ImmutableList.of(ReasonCode.FREQUENCY_CAP, ReasonCode.COOL_OFF), ImmutableList.of(), null);

  final Verdict verdict;
  final ImmutableList<Code> codes;
  final ImmutableList<Obligation> obligations;
  final @Nullable Decision decision;

  private Outcome(Verdict verdict, ImmutableList<Code> codes, ImmutableList<Obligation> obligations, @Nullable Decision decision) {
    this.verdict = verdict;
    this.codes = codes;
    this.obligations = obligations;
    this.decision = decision;
  }

  /** What {@code decision} says, without its sentences. */
  static Outcome of(Decision decision) {
    return new Outcome(
        decision.verdict(),
        ImmutableList.copyOf(decision.reasonCodes()),
        ImmutableList.copyOf(decision.obligations()),
        null);
  }

  /** The engine's own decision, kept whole: a customer the compiled form could not decide. */
  static Outcome fallback(Decision decision) {
    return new Outcome(
        decision.verdict(),
        ImmutableList.copyOf(decision.reasonCodes()),
        ImmutableList.copyOf(decision.obligations()),
        decision);
  }

  List<Code> codes() {
    return codes;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof Outcome)) {
      return false;
    }
    Outcome that = (Outcome) other;
    return verdict == that.verdict
        && codes.equals(that.codes)
        && obligations.equals(that.obligations)
        && Objects.equals(decision, that.decision);
  }

  @Override
  public int hashCode() {
    return Objects.hash(verdict, codes, obligations);
  }
}
