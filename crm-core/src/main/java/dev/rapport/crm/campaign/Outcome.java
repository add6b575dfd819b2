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
  /** The deferrals of the compiled form, by which of quiet hours (4), a cap (2), the cool-off (1) defer. */
  private static final Outcome[] DEFERRALS = new Outcome[8];

  static {
    for (int rules = 1; rules < 8; rules++) {
      ImmutableList.Builder<Code> codes = ImmutableList.builder();
      if ((rules & 4) != 0) {
        codes.add(ReasonCode.QUIET_HOURS);
      }
      if ((rules & 2) != 0) {
        codes.add(ReasonCode.FREQUENCY_CAP);
      }
      if ((rules & 1) != 0) {
        codes.add(ReasonCode.COOL_OFF);
      }
      DEFERRALS[rules] = new Outcome(Verdict.DEFER, codes.build(), ImmutableList.of(), null);
    }
  }

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

  /** A deferral by quiet hours, a cap and the cool-off, in the engine's order of timing rules. */
  static Outcome deferral(boolean quiet, boolean cap, boolean coolOff) {
    return DEFERRALS[(quiet ? 4 : 0) | (cap ? 2 : 0) | (coolOff ? 1 : 0)];
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
