package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.bySystem;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.grantOfEverything;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.planned;
import static dev.rapport.crm.testing.Fixtures.preferences;
import static dev.rapport.crm.testing.Fixtures.profiling;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code RULES.md} 4: an objection stops all direct marketing and caps profiling. */
final class ObjectionTest {
  private static final Ledger EVERYTHING_THEN_OBJECTED =
      ledger(grantOfEverything("g1", day(0)), objection("o1", day(1)));

  /** Profiling INFERRED, a PROMOTION grant, an objection on day 1, and a new grant on day 2. */
  private static final Ledger INFERRED_OBJECTED_THEN_REGRANTED =
      ledger(
          profiling("p0", day(0), Profiling.INFERRED),
          grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL),
          objection("o1", day(1)),
          grant("g2", day(2), Intent.PROMOTION, Channel.EMAIL));

  @ParameterizedTest(name = "section 5.5: {0} on {1} is denied while an objection stands")
  @MethodSource("everyMarketingPurposeOnEveryChannel")
  void section5_5_anObjectionDeniesEveryMarketingPurposeOnEveryChannel(Purpose purpose, Channel channel) {
    Outreach marketing = planned(purpose, channel, day(2)).staff("jane").build();

    assertThat(decide(EVERYTHING_THEN_OBJECTED, marketing)).isDenied().hasReasons(ReasonCode.OBJECTED);
  }

  static Stream<Arguments> everyMarketingPurposeOnEveryChannel() {
    return Arrays.stream(Purpose.values())
        .filter(Purpose::isMarketing)
        .flatMap(p -> Arrays.stream(Channel.values()).map(c -> Arguments.of(p, c)));
  }

  @ParameterizedTest(name = "section 5.5: {0} is not stopped by an objection")
  @EnumSource(names = {"SERVICE", "RESEARCH", "TRANSACTIONAL"})
  void section5_5_anObjectionDoesNotStopNonMarketingPurposes(Purpose purpose) {
    assertThat(decide(EVERYTHING_THEN_OBJECTED, outreach(purpose, Channel.EMAIL, day(2)))).isAllowed();
  }

  @Test
  void section5_5_anObjectionDeniesAnOfferByPostWithOnlyObjected() {
    assertThat(decide(EVERYTHING_THEN_OBJECTED, outreach(Purpose.OFFER, Channel.POST, day(2))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_5_anObjectionRecordedByTheSystemTakesEffectAtOnce() {
    Objected bySystem = Objected.builder().id("o1").at(day(1)).evidence(bySystem()).build();
    Ledger ledger = ledger(grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL), bySystem);

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_5_anObjectionWithoutAnyGrantIsStillListed() {
    assertThat(decide(ledger(objection("o1", day(0))), outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isDenied()
        .hasReasons(ReasonCode.OBJECTED, ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_5_aDecisionBeforeTheObjectionIsMadeAsUsual() {
    assertThat(decide(EVERYTHING_THEN_OBJECTED, outreach(Purpose.PROMOTION, Channel.EMAIL, day(1).minusSeconds(1))))
        .isAllowed();
  }

  @Test
  void section5_5_afterAnObjectionProfilingIsAtMostBasic() {
    assertThat(decide(INFERRED_OBJECTED_THEN_REGRANTED, planned(Purpose.PROMOTION, Channel.EMAIL, day(3)).personalization(Profiling.DECLARED).build()))
        .isAllowed()
        .hasObligation(ObligationCode.LIMIT_PERSONALIZATION, "BASIC");
  }

  @Test
  void section5_5_afterAnObjectionTrackingIsStripped() {
    assertThat(decide(INFERRED_OBJECTED_THEN_REGRANTED, planned(Purpose.PROMOTION, Channel.EMAIL, day(3)).tracking(true).build()))
        .isAllowed()
        .hasOnlyObligations(
            ObligationCode.INCLUDE_UNSUBSCRIBE,
            ObligationCode.ONE_CLICK_UNSUBSCRIBE,
            ObligationCode.IDENTIFY_SENDER,
            ObligationCode.NO_TRACKING);
  }

  @Test
  void section5_5_aBasicPersonalizationIsStillAllowedAfterAnObjection() {
    assertThat(decide(INFERRED_OBJECTED_THEN_REGRANTED, planned(Purpose.PROMOTION, Channel.EMAIL, day(3)).personalization(Profiling.BASIC).build()))
        .isAllowed()
        .doesNotHaveObligation(ObligationCode.LIMIT_PERSONALIZATION);
  }

  @Test
  void section5_5_aLaterPreferencesEventEndsTheProfilingCap() {
    Ledger ledger =
        ledger(
            profiling("p0", day(0), Profiling.INFERRED),
            grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL),
            objection("o1", day(1)),
            grant("g2", day(2), Intent.PROMOTION, Channel.EMAIL),
            profiling("p1", day(3), Profiling.INFERRED));

    assertThat(
            decide(
                ledger,
                planned(Purpose.PROMOTION, Channel.EMAIL, day(4)).personalization(Profiling.INFERRED).tracking(true).build()))
        .isAllowed()
        .hasOnlyObligations(
            ObligationCode.INCLUDE_UNSUBSCRIBE, ObligationCode.ONE_CLICK_UNSUBSCRIBE, ObligationCode.IDENTIFY_SENDER);
  }

  @Test
  void section5_5_theProfilingCapAlsoAppliesToNonMarketingMessages() {
    Ledger ledger =
        ledger(
            profiling("p0", day(0), Profiling.INFERRED),
            grant("g1", day(0), Intent.SUPPORT, Channel.EMAIL),
            objection("o1", day(1)));

    assertThat(decide(ledger, planned(Purpose.SERVICE, Channel.EMAIL, day(2)).personalization(Profiling.INFERRED).build()))
        .isAllowed()
        .hasObligation(ObligationCode.LIMIT_PERSONALIZATION, "BASIC");
  }

  @Test
  void section5_5_theCapNeverRaisesALowerDeclaredLevel() {
    Ledger ledger =
        ledger(
            preferences("p0", day(0), Preferences.defaults()),
            grant("g1", day(0), Intent.SUPPORT, Channel.EMAIL),
            objection("o1", day(1)));

    assertThat(decide(ledger, planned(Purpose.SERVICE, Channel.EMAIL, day(2)).personalization(Profiling.BASIC).build()))
        .isAllowed()
        .hasObligation(ObligationCode.LIMIT_PERSONALIZATION, "NONE");
  }
}
