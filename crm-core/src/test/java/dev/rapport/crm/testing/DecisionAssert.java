package dev.rapport.crm.testing;

import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Decision} in the words of {@code model.md} section 5.
 *
 * <pre>{@code
 * assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.WITHDRAWN);
 * assertThat(decision).isAllowed().hasOnlyObligations(ObligationCode.IDENTIFY_SENDER);
 * }</pre>
 */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {
  DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  /** The verdict is {@code verdict}. */
  public DecisionAssert hasVerdict(Verdict verdict) {
    isNotNull();
    if (actual.verdict() != verdict) {
      failWithMessage("Expected verdict %s but was %s", verdict, actual);
    }
    return this;
  }

  /** The verdict is {@code ALLOW}. */
  public DecisionAssert isAllowed() {
    return hasVerdict(Verdict.ALLOW);
  }

  /** The verdict is {@code DENY}. */
  public DecisionAssert isDenied() {
    return hasVerdict(Verdict.DENY);
  }

  /** The verdict is {@code DEFER} until {@code until}. */
  public DecisionAssert isDeferredUntil(Instant until) {
    hasVerdict(Verdict.DEFER);
    if (!actual.deferUntil().equals(Optional.of(until))) {
      failWithMessage("Expected a DEFER until %s but was %s", until, actual);
    }
    return this;
  }

  /** Every given code, built-in or a team's own, is among the reasons (others may be there too). */
  public DecisionAssert hasReasons(Code... codes) {
    isNotNull();
    for (Code code : codes) {
      if (!actual.hasReason(code)) {
        failWithMessage("Expected reason %s in %s", code, actual);
      }
    }
    return this;
  }

  /** The set of reason codes, built-in or a team's own, is exactly the given set (in any order). */
  public DecisionAssert hasOnlyReasons(Code... codes) {
    isNotNull();
    Set<Code> expected = new LinkedHashSet<>(Arrays.asList(codes));
    Set<Code> codesGiven = new LinkedHashSet<>(actual.reasonCodes());
    if (!codesGiven.equals(expected)) {
      failWithMessage("Expected exactly the reasons %s but was %s", expected, actual);
    }
    return this;
  }

  /** None of the given codes is among the reasons. */
  public DecisionAssert doesNotHaveReasons(ReasonCode... codes) {
    isNotNull();
    for (ReasonCode code : codes) {
      if (actual.hasReason(code)) {
        failWithMessage("Expected no reason %s in %s", code, actual);
      }
    }
    return this;
  }

  /** The set of obligation codes is exactly the given set (in any order). */
  public DecisionAssert hasOnlyObligations(ObligationCode... codes) {
    isNotNull();
    Set<ObligationCode> expected = Set.of(codes);
    Set<ObligationCode> given = Set.copyOf(actual.obligationCodes());
    if (!given.equals(expected)) {
      failWithMessage("Expected exactly the obligations %s but was %s", expected, actual);
    }
    return this;
  }

  /** The decision carries no obligation. */
  public DecisionAssert hasNoObligations() {
    return hasOnlyObligations();
  }

  /** The obligation {@code code} is there, with {@code detail}. */
  public DecisionAssert hasObligation(ObligationCode code, String detail) {
    isNotNull();
    Optional<Obligation> obligation = actual.obligation(code);
    if (obligation.isEmpty() || !obligation.get().detail().equals(Optional.of(detail))) {
      failWithMessage("Expected obligation %s(%s) in %s", code, detail, actual);
    }
    return this;
  }

  /** The obligation {@code code} is not there. */
  public DecisionAssert doesNotHaveObligation(ObligationCode code) {
    isNotNull();
    if (actual.hasObligation(code)) {
      failWithMessage("Expected no obligation %s in %s", code, actual);
    }
    return this;
  }

  /** The message of the (first) reason with this code. */
  public org.assertj.core.api.AbstractStringAssert<?> messageOf(ReasonCode code) {
    return RapportAssertions.assertThat(reason(code).message());
  }

  /** The (first) reason with this code; fails if there is none. */
  public Reason reason(ReasonCode code) {
    isNotNull();
    hasReasons(code);
    return actual.reasons().stream().filter(r -> r.code().equals(code)).findFirst().get();
  }

  /** The (first) reason with this code rests on the ledger event {@code eventId}. */
  public DecisionAssert citesEvent(ReasonCode code, String eventId) {
    Reason reason = reason(code);
    if (!reason.event().equals(Optional.of(eventId))) {
      failWithMessage("Expected reason %s to rest on event %s but it rests on %s", code, eventId, reason.event());
    }
    return this;
  }

  /** Every reason's message is free of the given strings (personal data). */
  public DecisionAssert hasNoMessageContaining(String... forbidden) {
    isNotNull();
    for (Reason reason : actual.reasons()) {
      for (String text : forbidden) {
        if (reason.message().contains(text)) {
          failWithMessage("Reason %s reveals '%s'", reason, text);
        }
      }
    }
    return this;
  }
}
