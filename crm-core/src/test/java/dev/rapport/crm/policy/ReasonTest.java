package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.T0;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static dev.rapport.crm.testing.RapportAssertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reasons, team codes and decision invariants ({@code crm-jackson/README.md} Codes, {@code RULES.md} "The model"). */
final class ReasonTest {

  @ParameterizedTest(name = "{0} may not be a team code")
  @EnumSource(ReasonCode.class)
  void aTeamRuleMayNotUseABuiltInCode(ReasonCode code) {
    assertThatThrownBy(() -> Reason.custom(code.name(), Verdict.DENY, "no", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + code + "' is a built-in reason code; a team rule needs a code of its own");
  }

  @Test
  void aTeamRuleReasonMayNotAllow() {
    assertThatThrownBy(() -> Reason.custom("VIP_ONLY", Verdict.ALLOW, "fine", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a team rule's reason denies or defers; got ALLOW for VIP_ONLY");
  }

  @ParameterizedTest(name = "''{0}'' is not UPPER_SNAKE")
  @ValueSource(strings = {"recentComplaint", "Recent_Complaint", "_RECENT", "RECENT_", "RECENT__COMPLAINT", "1RECENT", "RECENT-COMPLAINT", "RECENT COMPLAINT", ""})
  void aTeamCodeMustBeUpperSnake(String code) {
    assertThatThrownBy(() -> Reason.custom(code, Verdict.DENY, "no", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason code '" + code + "' is not UPPER_SNAKE");
  }

  @ParameterizedTest(name = "''{0}'' is a team code")
  @ValueSource(strings = {"RECENT_COMPLAINT", "VIP", "A1_B2", "NO_SMS_AFTER_9"})
  void anUpperSnakeCodeOfItsOwnIsAccepted(String code) {
    Reason reason = Reason.custom(code, Verdict.DEFER, "wait", Optional.empty());

    assertThat(reason.code()).isEqualTo(TeamCode.of(code));
    assertThat(reason.builtIn()).isEmpty();
  }

  @Test
  void aReasonNeedsAMessage() {
    assertThatThrownBy(() -> Reason.custom("RECENT_COMPLAINT", Verdict.DENY, " ", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason RECENT_COMPLAINT needs a message");
  }

  @Test
  void aBuiltInCodeReadBackWithAnotherVerdictIsRefused() {
    assertThatThrownBy(() -> Reason.of("WITHDRAWN", Verdict.ALLOW, "fine", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason WITHDRAWN supports DENY, not ALLOW");
  }

  @Test
  void aTeamRuleDenialWithABuiltInCodeIsRefused() {
    assertThatThrownBy(() -> RuleOutcome.deny("OBJECTED", "no"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a built-in reason code");
  }

  @Test
  void aDecisionCarriesAtLeastOneReason() {
    assertThatThrownBy(() -> Decision.of(Verdict.DENY, List.of(), List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a DENY decision carries at least one reason");
  }

  @Test
  void onlyADeferCarriesDeferUntil() {
    Reason allowed = Reason.of(ReasonCode.TRANSACTIONAL, "receipt", Optional.empty());

    assertThatThrownBy(() -> Decision.of(Verdict.ALLOW, List.of(allowed), List.of(), Optional.of(T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("deferUntil is given exactly for a DEFER decision");
  }

  @Test
  void onlyAnAllowCarriesObligations() {
    Reason denied = Reason.of(ReasonCode.OBJECTED, "objected", Optional.empty());

    assertThatThrownBy(
            () ->
                Decision.of(
                    Verdict.DENY,
                    List.of(denied),
                    List.of(Obligation.of(ObligationCode.IDENTIFY_SENDER)),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only an ALLOW carries obligations; got DENY with [IDENTIFY_SENDER]");
  }

  @Test
  void aDenialCannotRestOnAnAllowReason() {
    Reason allowed = Reason.of(ReasonCode.TRANSACTIONAL, "receipt", Optional.empty());

    assertThatThrownBy(() -> Decision.of(Verdict.DENY, List.of(allowed), List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a DENY decision cannot rest on TRANSACTIONAL");
  }

  @Test
  void aDenialMayCarryTimingReasonsWhenNoFreeMinuteRemains() {
    Reason quiet = Reason.of(ReasonCode.QUIET_HOURS, "quiet all day", Optional.empty());

    assertThat(Decision.of(Verdict.DENY, List.of(quiet), List.of(), Optional.empty()).reasonCodes())
        .containsExactly(ReasonCode.QUIET_HOURS);
  }

  @Test
  void aHistoryEntryTopicMustNotBeBlank() {
    assertThatThrownBy(
            () -> HistoryEntry.of(T0, dev.rapport.crm.relationship.Purpose.OFFER, dev.rapport.crm.relationship.Channel.CALL, Optional.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a history entry's topic must not be blank");
  }

  @ParameterizedTest(name = "{0} allows")
  @EnumSource(names = {"TRANSACTIONAL", "REPLY_TO_CUSTOMER", "DECLARED_INTENT", "IMPLIED_CONSENT"})
  void theAllowCodesOfTheWireFormatSupportAllow(ReasonCode code) {
    assertThat(code.verdict()).isEqualTo(Verdict.ALLOW);
  }

  @ParameterizedTest(name = "{0} defers")
  @EnumSource(names = {"QUIET_HOURS", "FREQUENCY_CAP", "COOL_OFF", "CALLING_HOURS", "CALL_LIMIT"})
  void theDeferCodesOfTheWireFormatSupportDefer(ReasonCode code) {
    assertThat(code.verdict()).isEqualTo(Verdict.DEFER);
  }

  @ParameterizedTest(name = "{0} denies")
  @EnumSource(
      mode = EnumSource.Mode.EXCLUDE,
      names = {"TRANSACTIONAL", "REPLY_TO_CUSTOMER", "DECLARED_INTENT", "IMPLIED_CONSENT",
        "QUIET_HOURS", "FREQUENCY_CAP", "COOL_OFF", "CALLING_HOURS", "CALL_LIMIT"})
  void everyOtherCodeOfTheWireFormatSupportsDeny(ReasonCode code) {
    assertThat(code.verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void aReasonWhoseEventIsReadLaterReadsItOnceAndEqualsTheSameReasonMadeAtOnce() {
    AtomicInteger reads = new AtomicInteger();
    Reason later =
        Reason.explainedLater(
            ReasonCode.DECLARED_INTENT,
            () -> {
              reads.incrementAndGet();
              return "g1";
            },
            () -> "Declared PROMOTION on EMAIL.");
    Reason atOnce = Reason.explained(ReasonCode.DECLARED_INTENT, "g1", () -> "Declared PROMOTION on EMAIL.");

    assertThat(reads.get()).isZero();
    assertThat(later.event()).contains("g1");
    assertThat(later.event()).contains("g1");
    assertThat(reads.get()).isEqualTo(1);
    assertThat(later).isEqualTo(atOnce).hasSameHashCodeAs(atOnce);
    assertThat(later.verdict()).isEqualTo(Verdict.ALLOW);
  }
}
