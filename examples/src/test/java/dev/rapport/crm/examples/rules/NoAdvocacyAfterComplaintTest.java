package dev.rapport.crm.examples.rules;

import static dev.rapport.crm.relationship.Channel.CALL;
import static dev.rapport.crm.relationship.Channel.EMAIL;
import static dev.rapport.crm.relationship.Intent.ADVOCACY;
import static dev.rapport.crm.relationship.Intent.FEEDBACK;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.TeamCode;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.testing.LedgerStory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The team rule of {@link NoAdvocacyAfterComplaint}, tested as a team would test its own rule:
 * the ledger told as a story, the decision checked with Rapport's assertions (both from
 * crm-core's test jar).
 */
final class NoAdvocacyAfterComplaintTest {
  private static final Instant COMPLAINT = Instant.parse("2026-03-02T15:00:00Z");
  private static final Code NO_ADVOCACY = TeamCode.of(NoAdvocacyAfterComplaint.CODE);
  private static final PolicyEngine ENGINE =
      PolicyEngine.builder().addRule(NoAdvocacyAfterComplaint.standard()).build();
  private static final CustomerProfile CUSTOMER =
      CustomerProfile.of("c-0007", Jurisdiction.of("AU"), ZoneId.of("Australia/Sydney"));

  // "granted ADVOCACY and FEEDBACK on EMAIL on 2026-01-05 in the preference center,
  //  then called on 2026-03-02 at 15:00" (the call is the complaint).
  private static final Ledger ADVOCATE_WHO_COMPLAINED =
      LedgerStory.of(CUSTOMER)
          .granted(ADVOCACY, FEEDBACK).on(EMAIL).on("2026-01-05").at("09:00").atThe(Source.PREFERENCE_CENTER)
          .inquired().on(CALL).on("2026-03-02").at("15:00")
          .ledger();

  @Test
  void aReviewRequestTheDayAfterAComplaintIsDeniedUnderTheTeamsOwnCode() {
    Decision decision = decide(Purpose.ADVOCACY, COMPLAINT.plus(Duration.ofDays(1)));

    assertThat(decision).isDenied().hasOnlyReasons(NO_ADVOCACY).citesEvent(NO_ADVOCACY, "i1");
    assertThat(decision).messageOf(NO_ADVOCACY).contains("CALL", "2026-03-02T15:00:00Z", "2026-04-01T15:00:00Z");
  }

  @Test
  void aReviewRequestASecondBeforeThirtyDaysIsStillDenied() {
    assertThat(decide(Purpose.ADVOCACY, COMPLAINT.plus(Duration.ofDays(30)).minusSeconds(1)))
        .isDenied()
        .hasOnlyReasons(NO_ADVOCACY);
  }

  @Test
  void aReviewRequestThirtyDaysAfterTheComplaintIsAllowed() {
    assertThat(decide(Purpose.ADVOCACY, COMPLAINT.plus(Duration.ofDays(30))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  void aReviewRequestBeforeTheComplaintIsAllowed() {
    assertThat(decide(Purpose.ADVOCACY, COMPLAINT.minusSeconds(60))).isAllowed();
  }

  @Test
  void otherPurposesAreNotTheRulesBusiness() {
    assertThat(decide(Purpose.RESEARCH, COMPLAINT.plus(Duration.ofDays(1))))
        .isAllowed()
        .doesNotHaveReasons(NO_ADVOCACY);
  }

  @Test
  void anInquiryOnAChannelThatIsNotASupportChannelIsNoComplaint() {
    PolicyEngine onlySocial =
        PolicyEngine.builder()
            .addRule(NoAdvocacyAfterComplaint.of(Set.of(Channel.SOCIAL), Duration.ofDays(30)))
            .build();

    assertThat(onlySocial.decide(ADVOCATE_WHO_COMPLAINED, List.of(), advocacy(COMPLAINT.plus(Duration.ofDays(1)))))
        .isAllowed();
  }

  @Test
  void theRulesDenialStandsBesideTheModelsOwn() {
    Ledger nothingDeclared = LedgerStory.of(CUSTOMER).inquired().on(EMAIL).on("2026-03-02").at("15:00").ledger();

    assertThat(ENGINE.decide(nothingDeclared, List.of(), advocacy(COMPLAINT.plus(Duration.ofDays(1)))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP, NO_ADVOCACY);
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
