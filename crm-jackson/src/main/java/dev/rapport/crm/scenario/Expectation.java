package dev.rapport.crm.scenario;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a check's decision must be ({@code wire-format.md}, Scenario files: {@code expect}): the
 * verdict exactly; {@code reasons} and {@code obligations} each contained in the decision's
 * codes; {@code absentReasons} and {@code absentObligations} not among them; {@code deferUntil},
 * when given, the same instant. A {@code DEFER} decision must always carry a
 * {@code deferUntil}.
 *
 * @param verdict the verdict the decision must have
 * @param reasons reason codes the decision must carry
 * @param obligations obligation codes the decision must carry
 * @param absentReasons reason codes the decision must not carry
 * @param absentObligations obligation codes the decision must not carry
 * @param deferUntil the instant a {@code DEFER} must name, if given
 */
public record Expectation(
    Verdict verdict,
    List<ReasonCode> reasons,
    List<ObligationCode> obligations,
    List<ReasonCode> absentReasons,
    List<ObligationCode> absentObligations,
    Optional<Instant> deferUntil) {

  /** Copies the lists; every component is required. */
  public Expectation {
    checkNotNull(verdict, "verdict");
    reasons = ImmutableList.copyOf(reasons);
    obligations = ImmutableList.copyOf(obligations);
    absentReasons = ImmutableList.copyOf(absentReasons);
    absentObligations = ImmutableList.copyOf(absentObligations);
    checkNotNull(deferUntil, "deferUntil");
  }

  /**
   * What {@code decision} gets wrong against this expectation, one sentence per problem; empty
   * when it meets the expectation.
   */
  public List<String> problems(Decision decision) {
    List<String> problems = new ArrayList<>();
    if (decision.verdict() != verdict) {
      problems.add("verdict " + decision.verdict() + ", expected " + verdict);
    }
    for (ReasonCode reason : reasons) {
      if (!decision.hasReason(reason)) {
        problems.add("missing reason " + reason);
      }
    }
    for (ObligationCode obligation : obligations) {
      if (!decision.hasObligation(obligation)) {
        problems.add("missing obligation " + obligation);
      }
    }
    for (ReasonCode reason : absentReasons) {
      if (decision.hasReason(reason)) {
        problems.add("unexpected reason " + reason);
      }
    }
    for (ObligationCode obligation : absentObligations) {
      if (decision.hasObligation(obligation)) {
        problems.add("unexpected obligation " + obligation);
      }
    }
    if (deferUntil.isPresent() && !deferUntil.equals(decision.deferUntil())) {
      problems.add(
          "deferUntil "
              + decision.deferUntil().map(Instant::toString).orElse("absent")
              + ", expected "
              + deferUntil.get());
    }
    if (decision.verdict() == Verdict.DEFER && decision.deferUntil().isEmpty()) {
      problems.add("a DEFER without deferUntil");
    }
    return problems;
  }

  /** A short account, such as {@code DENY [WITHDRAWN] absent [OBJECTED]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(verdict.name());
    if (!reasons.isEmpty()) {
      text.append(' ').append(reasons);
    }
    if (!obligations.isEmpty()) {
      text.append(" obligations ").append(obligations);
    }
    if (!absentReasons.isEmpty()) {
      text.append(" absent ").append(absentReasons);
    }
    if (!absentObligations.isEmpty()) {
      text.append(" absent obligations ").append(absentObligations);
    }
    deferUntil.ifPresent(d -> text.append(" until ").append(d));
    return text.toString();
  }
}
