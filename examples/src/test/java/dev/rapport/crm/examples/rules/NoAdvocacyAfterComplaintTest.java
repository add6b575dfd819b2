package dev.rapport.crm.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.TeamCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

final class NoAdvocacyAfterComplaintTest {
  private static final Instant COMPLAINT = Instant.parse("2026-03-02T15:00:00Z");
  private static final PolicyEngine ENGINE =
      PolicyEngine.builder().addRule(NoAdvocacyAfterComplaint.standard()).build();

  private static final Ledger ADVOCATE_WHO_COMPLAINED =
      Ledger.of(
          CustomerProfile.of("c-0007", Jurisdiction.of("AU"), ZoneId.of("Australia/Sydney")),
          List.of(
              Granted.builder()
                  .id("e1").at(Instant.parse("2026-01-05T09:00:00Z"))
                  .addIntents(Intent.ADVOCACY, Intent.FEEDBACK).addChannels(Channel.EMAIL)
                  .evidence(Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3").build())
                  .build(),
              Inquired.builder().id("e2").at(COMPLAINT).channel(Channel.CALL).build()));

  @Test
  void aReviewRequestTheDayAfterAComplaintIsDeniedUnderTheTeamsOwnCode() {
    Decision decision = decide(Purpose.ADVOCACY, COMPLAINT.plus(Duration.ofDays(1)));

    assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
    assertThat(decision.reasonCodes()).containsExactly(TeamCode.of(NoAdvocacyAfterComplaint.CODE));
    assertThat(decision.reasons().get(0).event()).contains("e2");
    assertThat(decision.reasons().get(0).message()).contains("CALL", "2026-03-02T15:00:00Z", "2026-04-01T15:00:00Z");
  }

  @Test
  void aReviewRequestASecondBeforeThirtyDaysIsStillDenied() {
    assertThat(decide(Purpose.ADVOCACY, COMPLAINT.plus(Duration.ofDays(30)).minusSeconds(1)).reasonCodes())
        .containsExactly(TeamCode.of(NoAdvocacyAfterComplaint.CODE));
  }

  @Test
  void aReviewRequestThirtyDaysAfterTheComplaintIsAllowed() {
    Decision decision = decide(Purpose.ADVOCACY, COMPLAINT.plus(Duration.ofDays(30)));

    assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.DECLARED_INTENT);
  }

  @Test
  void aReviewRequestBeforeTheComplaintIsAllowed() {
    assertThat(decide(Purpose.ADVOCACY, COMPLAINT.minusSeconds(60)).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void otherPurposesAreNotTheRulesBusiness() {
    assertThat(decide(Purpose.RESEARCH, COMPLAINT.plus(Duration.ofDays(1))).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void anInquiryOnAChannelThatIsNotASupportChannelIsNoComplaint() {
    PolicyEngine onlyCalls =
        PolicyEngine.builder()
            .addRule(NoAdvocacyAfterComplaint.of(java.util.Set.of(Channel.SOCIAL), Duration.ofDays(30)))
            .build();

    assertThat(onlyCalls.decide(ADVOCATE_WHO_COMPLAINED, List.of(), advocacy(COMPLAINT.plus(Duration.ofDays(1)))).verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void theRulesDenialStandsBesideTheModelsOwn() {
    Ledger nothingDeclared =
        Ledger.of(
            ADVOCATE_WHO_COMPLAINED.customer(),
            List.of(Inquired.builder().id("e1").at(COMPLAINT).channel(Channel.EMAIL).build()));

    assertThat(ENGINE.decide(nothingDeclared, List.of(), advocacy(COMPLAINT.plus(Duration.ofDays(1)))).reasonCodes())
        .containsExactly(ReasonCode.NO_DECLARED_RELATIONSHIP, TeamCode.of(NoAdvocacyAfterComplaint.CODE));
  }

  private static Decision decide(Purpose purpose, Instant at) {
    return ENGINE.decide(
        ADVOCATE_WHO_COMPLAINED, List.of(),
        Outreach.builder().purpose(purpose).channel(Channel.EMAIL).at(at).build());
  }

  private static Outreach advocacy(Instant at) {
    return Outreach.builder().purpose(Purpose.ADVOCACY).channel(Channel.EMAIL).at(at).build();
  }
}
