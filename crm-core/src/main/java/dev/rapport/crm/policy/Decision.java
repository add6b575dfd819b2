package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The engine's answer for one outreach ({@code model.md} section 5): a {@link Verdict}, the
 * reasons behind it, the obligations an allowed message must honour, and for a
 * {@link Verdict#DEFER} the earliest instant at which it would be allowed.
 *
 * <p>A {@code DENY} lists every rule that forbids the outreach, not just the first; a
 * {@code DEFER} lists every timing rule that defers it at some instant before
 * {@link #deferUntil()}.
 */
@Value.Immutable
public abstract class Decision {
  Decision() {}

  /** The verdict. */
  public abstract Verdict verdict();

  /** The reasons, in the order the rules were evaluated; never empty. */
  public abstract List<Reason> reasons();

  /** What an allowed message must honour; empty unless {@code ALLOW}. */
  public abstract List<Obligation> obligations();

  /** For a {@code DEFER}, the earliest instant at which the outreach would be allowed. */
  public abstract Optional<Instant> deferUntil();

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
    return obligations().stream().anyMatch(o -> o.code() == code);
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
    return ImmutableDecision.builder()
        .verdict(verdict)
        .reasons(reasons)
        .obligations(obligations)
        .deferUntil(deferUntil)
        .build();
  }

  @Value.Check
  void check() {
    checkArgument(!reasons().isEmpty(), "a %s decision carries at least one reason", verdict());
    checkArgument(
        deferUntil().isPresent() == (verdict() == Verdict.DEFER),
        "deferUntil is given exactly for a DEFER decision; got %s with deferUntil %s",
        verdict(),
        deferUntil());
    for (Reason reason : reasons()) {
      // A DENY may carry timing codes: daily windows that leave no free minute (model.md 5.8).
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

  @Override
  public String toString() {
    return verdict()
        + " "
        + reasonCodes()
        + (obligations().isEmpty() ? "" : " obligations " + obligations())
        + deferUntil().map(d -> " until " + d).orElse("");
  }
}
