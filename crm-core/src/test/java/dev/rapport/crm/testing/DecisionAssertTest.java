package dev.rapport.crm.testing;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.TeamCode;
import dev.rapport.crm.policy.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The assertions pass on what they claim and fail, with the whole decision shown, on anything else. */
final class DecisionAssertTest {
  private static final Instant UNTIL = Instant.parse("2026-03-02T22:00:00Z");
  private static final Decision DEFERRED =
      Decision.of(
          Verdict.DEFER,
          List.of(Reason.of(ReasonCode.QUIET_HOURS, "quiet hours 21:00-08:00", Optional.of("pref1"))),
          List.of(),
          Optional.of(UNTIL));
  private static final Decision ALLOWED =
      Decision.of(
          Verdict.ALLOW,
          List.of(Reason.of(ReasonCode.DECLARED_INTENT, "declared DEALS", Optional.of("g1"))),
          List.of(Obligation.of(ObligationCode.NO_TRACKING)),
          Optional.empty());

  @Test
  void aDecisionPassesWhatItIs() {
    assertThat(DEFERRED)
        .isDeferred()
        .isDeferredUntil(UNTIL)
        .hasReason(ReasonCode.QUIET_HOURS)
        .hasOnlyReasons(ReasonCode.QUIET_HOURS)
        .doesNotHaveReasons(ReasonCode.FREQUENCY_CAP, TeamCode.of("NO_ADVOCACY_AFTER_COMPLAINT"))
        .hasNoObligations()
        .citesEvent(ReasonCode.QUIET_HOURS, "pref1")
        .hasNoMessageContaining("priya");
    assertThat(DEFERRED).messageOf(ReasonCode.QUIET_HOURS).contains("21:00-08:00");
    assertThat(ALLOWED)
        .isAllowed()
        .isNotDeferred()
        .hasObligation(ObligationCode.NO_TRACKING)
        .hasOnlyObligations(ObligationCode.NO_TRACKING)
        .doesNotHaveObligation(ObligationCode.IDENTIFY_SENDER);
  }

  @Test
  void aWrongVerdictNamesBothAndShowsTheDecision() {
    assertThatThrownBy(() -> assertThat(DEFERRED).isAllowed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting verdict ALLOW but was DEFER")
        .hasMessageContaining("QUIET_HOURS");
  }

  @Test
  void aWrongInstantNamesTheInstantExpectedAndTheOneGiven() {
    Instant other = UNTIL.plusSeconds(60);
    assertThatThrownBy(() -> assertThat(DEFERRED).isDeferredUntil(other))
        .hasMessageContaining("Expecting a DEFER until " + other)
        .hasMessageContaining(UNTIL.toString());
  }

  @Test
  void aMissingReasonListsTheReasonsThere() {
    assertThatThrownBy(() -> assertThat(DEFERRED).hasReason(ReasonCode.FREQUENCY_CAP))
        .hasMessageContaining("Expecting reason FREQUENCY_CAP among [QUIET_HOURS]");
    assertThatThrownBy(() -> assertThat(DEFERRED).hasOnlyReasons(ReasonCode.QUIET_HOURS, ReasonCode.COOL_OFF))
        .hasMessageContaining("Expecting exactly the reasons [QUIET_HOURS, COOL_OFF] but they were [QUIET_HOURS]");
    assertThatThrownBy(() -> assertThat(DEFERRED).doesNotHaveReasons(ReasonCode.QUIET_HOURS))
        .hasMessageContaining("Expecting no reason QUIET_HOURS");
  }

  @Test
  void obligationsFailByName() {
    assertThatThrownBy(() -> assertThat(ALLOWED).hasObligation(ObligationCode.IDENTIFY_SENDER))
        .hasMessageContaining("Expecting obligation IDENTIFY_SENDER among");
    assertThatThrownBy(() -> assertThat(ALLOWED).hasObligation(ObligationCode.NO_TRACKING, "BASIC"))
        .hasMessageContaining("Expecting obligation NO_TRACKING with detail \"BASIC\" among [NO_TRACKING]");
    assertThatThrownBy(() -> assertThat(ALLOWED).hasNoObligations())
        .hasMessageContaining("Expecting exactly the obligations [] but they were [NO_TRACKING]");
    assertThatThrownBy(() -> assertThat(ALLOWED).doesNotHaveObligation(ObligationCode.NO_TRACKING))
        .hasMessageContaining("Expecting no obligation NO_TRACKING");
  }

  @Test
  void theCitedEventAndPersonalDataAreChecked() {
    assertThatThrownBy(() -> assertThat(DEFERRED).citesEvent(ReasonCode.QUIET_HOURS, "g1"))
        .hasMessageContaining("Expecting reason QUIET_HOURS to rest on event \"g1\"");
    assertThatThrownBy(() -> assertThat(DEFERRED).hasNoMessageContaining("21:00"))
        .hasMessageContaining("Expecting no reason to reveal \"21:00\"");
    assertThatThrownBy(() -> assertThat(DEFERRED).isNotDeferred())
        .hasMessageContaining("Expecting no deferral");
  }
}
