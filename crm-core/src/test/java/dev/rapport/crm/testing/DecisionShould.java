package dev.rapport.crm.testing;

import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.Verdict;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * The failure messages of {@link DecisionAssert}, one factory per failure, in AssertJ's manner
 * ({@code org.assertj.core.error.ShouldContain} and its siblings): each names what was expected
 * and shows the whole decision, so a failing test says why without a debugger.
 */
public final class DecisionShould {
  private DecisionShould() {}

  /** "Expecting verdict ALLOW but was DENY in ...". */
  public static ErrorMessageFactory haveVerdict(Decision actual, Verdict expected) {
    return new HaveVerdict(actual, expected);
  }

  /** "Expecting a DEFER until 2026-03-02T22:00:00Z but ...". */
  public static ErrorMessageFactory beDeferredUntil(Decision actual, Instant until) {
    return new BeDeferredUntil(actual, until);
  }

  /** "Expecting no deferral but ...". */
  public static ErrorMessageFactory notBeDeferred(Decision actual) {
    return new NotBeDeferred(actual);
  }

  /** "Expecting reason QUIET_HOURS among ...". */
  public static ErrorMessageFactory haveReason(Decision actual, Code code) {
    return new HaveReason(actual, code);
  }

  /** "Expecting no reason QUIET_HOURS but ...". */
  public static ErrorMessageFactory notHaveReason(Decision actual, Code code) {
    return new NotHaveReason(actual, code);
  }

  /** "Expecting exactly the reasons [...] but ...". */
  public static ErrorMessageFactory haveOnlyReasons(Decision actual, Set<Code> expected) {
    return new HaveOnlyReasons(actual, expected);
  }

  /** "Expecting obligation NO_TRACKING among ...". */
  public static ErrorMessageFactory haveObligation(
      Decision actual, ObligationCode code, Optional<String> detail) {
    return new HaveObligation(actual, code, detail);
  }

  /** "Expecting no obligation NO_TRACKING but ...". */
  public static ErrorMessageFactory notHaveObligation(Decision actual, ObligationCode code) {
    return new NotHaveObligation(actual, code);
  }

  /** "Expecting exactly the obligations [...] but ...". */
  public static ErrorMessageFactory haveOnlyObligations(
      Decision actual, Set<ObligationCode> expected) {
    return new HaveOnlyObligations(actual, expected);
  }

  /** "Expecting reason WITHDRAWN to rest on event w1 but ...". */
  public static ErrorMessageFactory citeEvent(Reason reason, String eventId) {
    return new CiteEvent(reason, eventId);
  }

  /** "Expecting no reason to reveal ... but ...". */
  public static ErrorMessageFactory notReveal(Reason reason, String text) {
    return new NotReveal(reason, text);
  }

  private static final class HaveVerdict extends BasicErrorMessageFactory {
    HaveVerdict(Decision actual, Verdict expected) {
      super("%nExpecting verdict %s but was %s in:%n  %s", expected, actual.verdict(), actual);
    }
  }

  private static final class BeDeferredUntil extends BasicErrorMessageFactory {
    BeDeferredUntil(Decision actual, Instant until) {
      super(
          "%nExpecting a DEFER until %s but was %s with deferUntil %s in:%n  %s",
          until, actual.verdict(), actual.deferUntil(), actual);
    }
  }

  private static final class NotBeDeferred extends BasicErrorMessageFactory {
    NotBeDeferred(Decision actual) {
      super("%nExpecting no deferral but deferUntil was %s in:%n  %s", actual.deferUntil(), actual);
    }
  }

  private static final class HaveReason extends BasicErrorMessageFactory {
    HaveReason(Decision actual, Code code) {
      super("%nExpecting reason %s among %s in:%n  %s", code, actual.reasonCodes(), actual);
    }
  }

  private static final class NotHaveReason extends BasicErrorMessageFactory {
    NotHaveReason(Decision actual, Code code) {
      super("%nExpecting no reason %s but it is there in:%n  %s", code, actual);
    }
  }

  private static final class HaveOnlyReasons extends BasicErrorMessageFactory {
    HaveOnlyReasons(Decision actual, Set<Code> expected) {
      super(
          "%nExpecting exactly the reasons %s but they were %s in:%n  %s",
          expected, actual.reasonCodes(), actual);
    }
  }

  private static final class HaveObligation extends BasicErrorMessageFactory {
    HaveObligation(Decision actual, ObligationCode code, Optional<String> detail) {
      super(
          detail.isPresent()
              ? "%nExpecting obligation %s with detail %s among %s in:%n  %s"
              : "%nExpecting obligation %s among %s in:%n  %s",
          detail.isPresent()
              ? new Object[] {code, detail.get(), actual.obligations(), actual}
              : new Object[] {code, actual.obligations(), actual});
    }
  }

  private static final class NotHaveObligation extends BasicErrorMessageFactory {
    NotHaveObligation(Decision actual, ObligationCode code) {
      super("%nExpecting no obligation %s but it is there in:%n  %s", code, actual);
    }
  }

  private static final class HaveOnlyObligations extends BasicErrorMessageFactory {
    HaveOnlyObligations(Decision actual, Set<ObligationCode> expected) {
      super(
          "%nExpecting exactly the obligations %s but they were %s in:%n  %s",
          expected, actual.obligationCodes(), actual);
    }
  }

  private static final class CiteEvent extends BasicErrorMessageFactory {
    CiteEvent(Reason reason, String eventId) {
      super(
          "%nExpecting reason %s to rest on event %s but it rests on %s:%n  %s",
          reason.code(), eventId, reason.event(), reason);
    }
  }

  private static final class NotReveal extends BasicErrorMessageFactory {
    NotReveal(Reason reason, String text) {
      super("%nExpecting no reason to reveal %s but this one does:%n  %s", text, reason);
    }
  }
}
