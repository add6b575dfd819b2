package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The engine's answer for one outreach ({@code RULES.md} "The model"): a {@link Verdict}, the
 * reasons behind it, the obligations an allowed message must honour, and for a
 * {@link Verdict#DEFER} the earliest instant at which it would be allowed.
 *
 * <p>A {@code DENY} lists every rule that forbids the outreach, not just the first; a
 * {@code DEFER} lists every timing rule that defers it at some instant before
 * {@link #deferUntil()}.
 */
public final class Decision {
  private final Verdict verdict;
  private final ImmutableList<Reason> reasons;
  private final ImmutableList<Obligation> obligations;
  private final Optional<Instant> deferUntil;

  private Decision(
      Verdict verdict,
      ImmutableList<Reason> reasons,
      ImmutableList<Obligation> obligations,
      Optional<Instant> deferUntil) {
    this.verdict = checkNotNull(verdict, "verdict");
    this.reasons = reasons;
    this.obligations = obligations;
    this.deferUntil = checkNotNull(deferUntil, "deferUntil");
    check();
  }

  /** The verdict. */
  public Verdict verdict() {
    return verdict;
  }

  /** The reasons, in the order the rules were evaluated; never empty. */
  public List<Reason> reasons() {
    return reasons;
  }

  /** What an allowed message must honour; empty unless {@code ALLOW}. */
  public List<Obligation> obligations() {
    return obligations;
  }

  /** For a {@code DEFER}, the earliest instant at which the outreach would be allowed. */
  public Optional<Instant> deferUntil() {
    return deferUntil;
  }

  /** The reasons' codes, in order. */
  public List<Code> reasonCodes() {
    return reasons().stream().map(Reason::code).collect(ImmutableList.toImmutableList());
  }

  /** The obligations' codes, in order. */
  public List<ObligationCode> obligationCodes() {
    return obligations().stream().map(Obligation::code).collect(ImmutableList.toImmutableList());
  }

  /** Whether a reason with this code, built in or a team's own, is present. */
  public boolean hasReason(Code code) {
    for (Reason reason : reasons()) {
      if (reason.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an obligation with this code is present. */
  public boolean hasObligation(ObligationCode code) {
    for (Obligation obligation : obligations) {
      if (obligation.code() == code) {
        return true;
      }
    }
    return false;
  }

  /** The obligation with this code, if present. */
  public Optional<Obligation> obligation(ObligationCode code) {
    return obligations().stream().filter(o -> o.code() == code).findFirst();
  }

  /** Whether the verdict is {@code ALLOW}. */
  public boolean isAllowed() {
    return verdict() == Verdict.ALLOW;
  }

  /**
   * A decision as read back from storage; the same invariants as the engine's own.
   *
   * @throws IllegalArgumentException if the parts contradict each other
   */
  public static Decision of(
      Verdict verdict,
      List<Reason> reasons,
      List<Obligation> obligations,
      Optional<Instant> deferUntil) {
    return new Decision(
        verdict, ImmutableList.copyOf(reasons), ImmutableList.copyOf(obligations), deferUntil);
  }

  private void check() {
    checkArgument(!reasons().isEmpty(), "a %s decision carries at least one reason", verdict());
    checkArgument(
        deferUntil().isPresent() == (verdict() == Verdict.DEFER),
        "deferUntil is given exactly for a DEFER decision; got %s with deferUntil %s",
        verdict(),
        deferUntil());
    for (int i = 0; i < reasons.size(); i++) {
      Reason reason = reasons.get(i);
      // A DENY may carry timing codes: daily windows that leave no free minute (RULES.md 6).
      boolean fits =
          reason.verdict() == verdict()
              || (verdict() == Verdict.DENY && reason.verdict() == Verdict.DEFER);
      checkArgument(
          fits,
          "a %s decision cannot rest on %s, which supports %s",
          verdict(),
          reason.code(),
          reason.verdict());
    }
    checkArgument(
        obligations().isEmpty() || verdict() == Verdict.ALLOW,
        "only an ALLOW carries obligations; got %s with %s",
        verdict(),
        obligations());
  }

  /** Equal when verdict, reasons, obligations and {@code deferUntil} are. */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Decision)) {
      return false;
    }
    Decision that = (Decision) other;
    return verdict == that.verdict
        && reasons.equals(that.reasons)
        && obligations.equals(that.obligations)
        && deferUntil.equals(that.deferUntil);
  }

  @Override
  public int hashCode() {
    return Objects.hash(verdict, reasons, obligations, deferUntil);
  }

  @Override
  public String toString() {
    return verdict()
        + " "
        + reasonCodes()
        + (obligations().isEmpty() ? "" : " obligations " + obligations())
        + deferUntil().map(d -> " until " + d).orElse("");
  }
}
