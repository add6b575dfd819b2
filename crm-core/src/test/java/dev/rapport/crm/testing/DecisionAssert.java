package dev.rapport.crm.testing;

import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.Verdict;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;

/**
 * Assertions on a {@link Decision}, in the words of {@code crm-core/RULES.md}:
 * a verdict, reason codes (built-in or a team's own), obligations and, for a DEFER, the instant
 * to ask again. Obtain one with {@link RapportAssertions#assertThat(Decision)}.
 *
 * <pre>{@code
 * assertThat(decision).isDeferredUntil(t).hasReason(QUIET_HOURS);
 * assertThat(decision).isAllowed().hasReason(DECLARED_INTENT).hasObligation(NO_TRACKING);
 * assertThat(decision).isDenied().hasOnlyReasons(WITHDRAWN).citesEvent(WITHDRAWN, "w1");
 * }</pre>
 *
 * <p>Obligations come with an ALLOW only (a DEFER or a DENY carries none), so
 * {@code hasObligation} belongs in a chain that starts with {@link #isAllowed()}. Every failure shows the whole decision (see {@link DecisionShould}).
 */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {
  DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  /**
   * The verdict is {@code verdict}.
   *
   * <pre>{@code assertThat(decision).hasVerdict(Verdict.DENY);}</pre>
   */
  public DecisionAssert hasVerdict(Verdict verdict) {
    isNotNull();
    if (actual.verdict() != verdict) {
      throwAssertionError(DecisionShould.haveVerdict(actual, verdict));
    }
    return this;
  }

  /**
   * The verdict is {@code ALLOW}.
   *
   * <pre>{@code assertThat(decision).isAllowed().hasReason(DECLARED_INTENT);}</pre>
   */
  public DecisionAssert isAllowed() {
    return hasVerdict(Verdict.ALLOW);
  }

  /**
   * The verdict is {@code DENY}.
   *
   * <pre>{@code assertThat(decision).isDenied().hasOnlyReasons(OBJECTED);}</pre>
   */
  public DecisionAssert isDenied() {
    return hasVerdict(Verdict.DENY);
  }

  /**
   * The verdict is {@code DEFER}, whatever the instant.
   *
   * <pre>{@code assertThat(decision).isDeferred().hasReason(FREQUENCY_CAP);}</pre>
   */
  public DecisionAssert isDeferred() {
    return hasVerdict(Verdict.DEFER);
  }

  /**
   * The verdict is {@code DEFER} and the outreach may be asked about again at {@code until}.
   *
   * <pre>{@code
   * assertThat(decision).isDeferredUntil(Instant.parse("2026-06-10T22:00:00Z")).hasReason(QUIET_HOURS);
   * }</pre>
   */
  public DecisionAssert isDeferredUntil(Instant until) {
    isNotNull();
    if (actual.verdict() != Verdict.DEFER || !actual.deferUntil().equals(Optional.of(until))) {
      throwAssertionError(DecisionShould.beDeferredUntil(actual, until));
    }
    return this;
  }

  /**
   * The decision names no instant to ask again (an ALLOW or a DENY).
   *
   * <pre>{@code assertThat(decision).isDenied().isNotDeferred();}</pre>
   */
  public DecisionAssert isNotDeferred() {
    isNotNull();
    if (actual.deferUntil().isPresent()) {
      throwAssertionError(DecisionShould.notBeDeferred(actual));
    }
    return this;
  }

  /**
   * The code, built-in or a team's own, is among the reasons (others may be there too).
   *
   * <pre>{@code assertThat(decision).hasReason(ReasonCode.QUIET_HOURS);}</pre>
   */
  public DecisionAssert hasReason(Code code) {
    isNotNull();
    if (!actual.hasReason(code)) {
      throwAssertionError(DecisionShould.haveReason(actual, code));
    }
    return this;
  }

  /**
   * Every given code, built-in or a team's own, is among the reasons (others may be there too).
   *
   * <pre>{@code assertThat(decision).hasReasons(QUIET_HOURS, FREQUENCY_CAP);}</pre>
   */
  public DecisionAssert hasReasons(Code... codes) {
    for (Code code : codes) {
      hasReason(code);
    }
    return this;
  }

  /**
   * The set of reason codes, built-in or a team's own, is exactly the given set (in any order).
   *
   * <pre>{@code assertThat(decision).isDenied().hasOnlyReasons(WITHDRAWN);}</pre>
   */
  public DecisionAssert hasOnlyReasons(Code... codes) {
    isNotNull();
    Set<Code> expected = new LinkedHashSet<>(Arrays.asList(codes));
    if (!new LinkedHashSet<>(actual.reasonCodes()).equals(expected)) {
      throwAssertionError(DecisionShould.haveOnlyReasons(actual, expected));
    }
    return this;
  }

  /**
   * None of the given codes is among the reasons.
   *
   * <pre>{@code assertThat(decision).isDenied().doesNotHaveReasons(QUIET_HOURS);}</pre>
   */
  public DecisionAssert doesNotHaveReasons(Code... codes) {
    isNotNull();
    for (Code code : codes) {
      if (actual.hasReason(code)) {
        throwAssertionError(DecisionShould.notHaveReason(actual, code));
      }
    }
    return this;
  }

  /**
   * The obligation {@code code} is there, whatever its detail.
   *
   * <pre>{@code assertThat(decision).isAllowed().hasObligation(NO_TRACKING);}</pre>
   */
  public DecisionAssert hasObligation(ObligationCode code) {
    isNotNull();
    if (!actual.hasObligation(code)) {
      throwAssertionError(DecisionShould.haveObligation(actual, code, Optional.empty()));
    }
    return this;
  }

  /**
   * The obligation {@code code} is there, with {@code detail}.
   *
   * <pre>{@code assertThat(decision).hasObligation(LIMIT_PERSONALIZATION, "BASIC");}</pre>
   */
  public DecisionAssert hasObligation(ObligationCode code, String detail) {
    isNotNull();
    Optional<Obligation> obligation = actual.obligation(code);
    if (obligation.isEmpty() || !obligation.get().detail().equals(Optional.of(detail))) {
      throwAssertionError(DecisionShould.haveObligation(actual, code, Optional.of(detail)));
    }
    return this;
  }

  /**
   * The set of obligation codes is exactly the given set (in any order).
   *
   * <pre>{@code assertThat(decision).isAllowed().hasOnlyObligations(IDENTIFY_SENDER, OFFER_OPT_OUT);}</pre>
   */
  public DecisionAssert hasOnlyObligations(ObligationCode... codes) {
    isNotNull();
    Set<ObligationCode> expected = new LinkedHashSet<>(Arrays.asList(codes));
    if (!Set.copyOf(actual.obligationCodes()).equals(expected)) {
      throwAssertionError(DecisionShould.haveOnlyObligations(actual, expected));
    }
    return this;
  }

  /**
   * The decision carries no obligation.
   *
   * <pre>{@code assertThat(decision).isDenied().hasNoObligations();}</pre>
   */
  public DecisionAssert hasNoObligations() {
    return hasOnlyObligations();
  }

  /**
   * The obligation {@code code} is not there.
   *
   * <pre>{@code assertThat(decision).isAllowed().doesNotHaveObligation(NO_TRACKING);}</pre>
   */
  public DecisionAssert doesNotHaveObligation(ObligationCode code) {
    isNotNull();
    if (actual.hasObligation(code)) {
      throwAssertionError(DecisionShould.notHaveObligation(actual, code));
    }
    return this;
  }

  /**
   * Assertions on the message of the (first) reason with this code; fails if there is none.
   *
   * <pre>{@code assertThat(decision).messageOf(WITHDRAWN).contains("2026-03-05");}</pre>
   */
  public AbstractStringAssert<?> messageOf(Code code) {
    return RapportAssertions.assertThat(reason(code).message());
  }

  /**
   * The (first) reason with this code; fails if there is none.
   *
   * <pre>{@code Reason reason = assertThat(decision).reason(QUIET_HOURS);}</pre>
   */
  public Reason reason(Code code) {
    hasReason(code);
    return actual.reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
  }

  /**
   * The (first) reason with this code rests on the ledger event {@code eventId}.
   *
   * <pre>{@code assertThat(decision).isDenied().citesEvent(WITHDRAWN, "w1");}</pre>
   */
  public DecisionAssert citesEvent(Code code, String eventId) {
    Reason reason = reason(code);
    if (!reason.event().equals(Optional.of(eventId))) {
      throwAssertionError(DecisionShould.citeEvent(reason, eventId));
    }
    return this;
  }

  /**
   * Every reason's message is free of the given strings (personal data from evidence details).
   *
   * <pre>{@code assertThat(decision).hasNoMessageContaining("priya.shah@example.com");}</pre>
   */
  public DecisionAssert hasNoMessageContaining(String... forbidden) {
    isNotNull();
    for (Reason reason : actual.reasons()) {
      for (String text : forbidden) {
        if (reason.message().contains(text)) {
          throwAssertionError(DecisionShould.notReveal(reason, text));
        }
      }
    }
    return this;
  }
}
