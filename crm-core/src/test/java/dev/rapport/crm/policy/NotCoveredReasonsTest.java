package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.confirmation;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.doubleOptIn;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.evidence;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.grantFor;
import static dev.rapport.crm.testing.Fixtures.grantWith;
import static dev.rapport.crm.testing.Fixtures.granted;
import static dev.rapport.crm.testing.Fixtures.imported;
import static dev.rapport.crm.testing.Fixtures.inquiry;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.planned;
import static dev.rapport.crm.testing.Fixtures.preTicked;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static dev.rapport.crm.testing.Fixtures.withdrawal;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code RULES.md} 3, not covered: for each intent that opens the purpose, the reasons in case
 * order (1: WITHDRAWN, EXPIRED, AWAITING_CONFIRMATION, SENDER_NOT_PERMITTED, INVALID_CONSENT;
 * 2: OTHER_ENTITY; 3: CHANNEL_NOT_DECLARED), plus OBJECTED and BEYOND_DECLARED_RELATIONSHIP or
 * NO_DECLARED_RELATIONSHIP.
 */
final class NotCoveredReasonsTest {
  private static final String RETAIL = "acme-retail";

  @Test
  void section5_3_case1_aStandingWithdrawalGivesWithdrawn() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(2)))).isDenied().hasOnlyReasons(ReasonCode.WITHDRAWN);
  }

  @Test
  void section5_3_case1_anExpiredStandingGrantGivesExpired() {
    Ledger ledger = ledger(granted("g1", day(0)).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).expiresAt(day(5)).build());

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(6)))).isDenied().hasOnlyReasons(ReasonCode.EXPIRED);
  }

  @Test
  void section5_3_case1_aGrantHasExpiredAtItsExpiryInstant() {
    Ledger ledger = ledger(granted("g1", day(0)).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).expiresAt(day(5)).build());

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(5)))).isDenied().hasOnlyReasons(ReasonCode.EXPIRED);
  }

  @Test
  void section5_3_case1_aGrantIsLiveASecondBeforeItsExpiry() {
    Ledger ledger = ledger(granted("g1", day(0)).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).expiresAt(day(5)).build());

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(5).minusSeconds(1)))).isAllowed();
  }

  @Test
  void section5_3_case1_aLaterGrantWithoutExpiryReplacesAnExpiringOne() {
    Ledger ledger =
        ledger(
            granted("g1", day(0)).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).expiresAt(day(5)).build(),
            grant("g2", day(3), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(6)))).isAllowed();
  }

  @Test
  void section5_3_case1_anUnconfirmedGrantUnderDoubleOptInGivesAwaitingConfirmation() {
    PolicyOptions confirming = doubleOptIn(Channel.SMS);

    assertThat(decide(confirming, ledger(grant("g1", day(0), Intent.DEALS, Channel.SMS)), outreach(Purpose.OFFER, Channel.SMS, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.AWAITING_CONFIRMATION);
  }

  @Test
  void section5_3_case1_personalFromTheBrandGivesSenderNotPermitted() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.ONE_TO_ONE, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PERSONAL, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.SENDER_NOT_PERMITTED);
  }

  @Test
  void section5_3_case1_personalFromAnotherStaffMemberThanTheNamedOneGivesSenderNotPermitted() {
    Ledger ledger = ledger(granted("g1", day(0)).addIntents(Intent.ONE_TO_ONE).addChannels(Channel.EMAIL).staff("jane").build());

    assertThat(decide(ledger, planned(Purpose.PERSONAL, Channel.EMAIL, day(1)).staff("joe").build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.SENDER_NOT_PERMITTED);
  }

  @Test
  void section5_3_case1_personalFromTheBrandIsNotPermittedWhateverTheKeysState() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.ONE_TO_ONE, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.ONE_TO_ONE, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PERSONAL, Channel.EMAIL, day(2))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.WITHDRAWN, ReasonCode.SENDER_NOT_PERMITTED);
  }

  @ParameterizedTest(name = "section 5.3 case 1: a grant by {0} alone gives INVALID_CONSENT")
  @MethodSource("invalidEvidence")
  void section5_3_case1_onlyInvalidGrantsGiveInvalidConsent(String what, Evidence invalid) {
    Ledger ledger = ledger(grantWith(invalid, "g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.INVALID_CONSENT, ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  static Stream<Arguments> invalidEvidence() {
    return Stream.of(
        Arguments.of("a pre-ticked box", preTicked()),
        Arguments.of("no notice", evidence().notice(Optional.empty()).build()),
        Arguments.of("the system", evidence().actor(Actor.SYSTEM).build()),
        Arguments.of("staff through a web form", evidence().actor(Actor.STAFF).staff("jane").source(Source.WEB_FORM).build()),
        Arguments.of("an import without capture time", evidence().source(Source.IMPORT).build()));
  }

  @Test
  void section5_3_case1_invalidConsentBesideAnotherLiveGrantIsBeyondTheDeclaredRelationship() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.SUPPORT, Channel.EMAIL),
            grantWith(preTicked(), "g2", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.INVALID_CONSENT, ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_case1_anInvalidGrantAfterAWithdrawalOfAValidOneGivesWithdrawnOnly() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL),
            grantWith(preTicked(), "g2", day(2), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(3)))).isDenied().hasOnlyReasons(ReasonCode.WITHDRAWN);
  }

  @Test
  void section5_3_case1_aSkippedImportAfterAWithdrawalGivesWithdrawn() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL),
            grantWith(imported(day(-9)), "g2", day(2), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(3)))).isDenied().hasOnlyReasons(ReasonCode.WITHDRAWN);
  }

  @Test
  void section5_3_case2_aValidGrantOnTheChannelForAnotherEntityGivesOtherEntity() {
    Ledger ledger = ledger(grantFor(RETAIL, "g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, planned(Purpose.OFFER, Channel.EMAIL, day(1)).entity("acme-bank").build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OTHER_ENTITY);
  }

  @Test
  void section5_3_case2_otherEntityComesBeforeChannelNotDeclared() {
    Ledger ledger =
        ledger(
            grantFor(RETAIL, "g1", day(0), Intent.DEALS, Channel.EMAIL),
            grant("g2", day(0), Intent.DEALS, Channel.SMS));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OTHER_ENTITY);
  }

  @Test
  void section5_3_case1_comesBeforeOtherEntity() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL),
            grantFor(RETAIL, "g2", day(2), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.WITHDRAWN);
  }

  @Test
  void section5_3_case3_aValidGrantOnAnotherChannelGivesChannelNotDeclared() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.SMS, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.CHANNEL_NOT_DECLARED);
  }

  @Test
  void section5_3_case3_anInvalidGrantOnAnotherChannelIsNoDeclaration() {
    Ledger ledger = ledger(grantWith(preTicked(), "g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.SMS, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_eachIntentThatOpensThePurposeGivesItsOwnReason() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL),
            grant("g2", day(0), Intent.PROMOTION, Channel.SMS));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(2))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.WITHDRAWN, ReasonCode.CHANNEL_NOT_DECLARED);
  }

  @Test
  void section5_3_aLiveGrantOfAnotherIntentMakesThePurposeBeyondTheDeclaredRelationship() {
    Ledger dealsOnly = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(dealsOnly, outreach(Purpose.PROMOTION, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_aLiveGrantForAnotherEntityAndChannelStillCountsAsARelationship() {
    Ledger supportForRetail = ledger(grantFor(RETAIL, "g1", day(0), Intent.SUPPORT, Channel.CALL));

    assertThat(decide(supportForRetail, outreach(Purpose.PROMOTION, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_noEventsAtAllIsNoDeclaredRelationship() {
    assertThat(decide(ledger(), outreach(Purpose.CONTENT, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_purchasesAndInquiriesAreNotGrants() {
    Ledger customerWhoBought = ledger(purchase("p1", day(0)), inquiry("i1", day(1), Channel.EMAIL));

    assertThat(decide(customerWhoBought, outreach(Purpose.OFFER, Channel.EMAIL, day(2))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_aWithdrawnOtherIntentLeavesNoDeclaredRelationship() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.SUPPORT, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.SUPPORT, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(2))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_anExpiredOtherIntentLeavesNoDeclaredRelationship() {
    Ledger ledger =
        ledger(granted("g1", day(0)).addIntents(Intent.SUPPORT).addChannels(Channel.EMAIL).expiresAt(day(1)).build());

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(2))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_anUnconfirmedOtherIntentIsNotALiveGrant() {
    PolicyOptions confirming = doubleOptIn(Channel.EMAIL);
    Ledger ledger = ledger(grant("g1", day(0), Intent.SUPPORT, Channel.EMAIL));

    assertThat(decide(confirming, ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_case1_theStandingGrantDecidesExpiryEvenWhenAnEarlierGrantWouldStillBeLive() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            granted("g2", day(1)).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).expiresAt(day(3)).build());

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(4)))).isDenied().hasOnlyReasons(ReasonCode.EXPIRED);
  }

  @Test
  void section5_3_case1_theStandingGrantMustBeConfirmedEvenWhenAnEarlierOneWas() {
    PolicyOptions confirming = doubleOptIn(Channel.EMAIL);
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            confirmation("c1", day(0), "g1"),
            grant("g2", day(1), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(confirming, ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(2))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.AWAITING_CONFIRMATION);
  }

  @Test
  void section5_3_case1_theStandingGrantNamesThePermittedSender() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.ONE_TO_ONE, Channel.EMAIL),
            granted("g2", day(1)).addIntents(Intent.ONE_TO_ONE).addChannels(Channel.EMAIL).staff("jane").build());

    assertThat(decide(ledger, planned(Purpose.PERSONAL, Channel.EMAIL, day(2)).staff("joe").build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.SENDER_NOT_PERMITTED);
  }

  @Test
  void section5_3_case1_aLaterGrantWithoutStaffLiftsTheSenderRestriction() {
    Ledger ledger =
        ledger(
            granted("g1", day(0)).addIntents(Intent.ONE_TO_ONE).addChannels(Channel.EMAIL).staff("jane").build(),
            grant("g2", day(1), Intent.ONE_TO_ONE, Channel.EMAIL));

    assertThat(decide(ledger, planned(Purpose.PERSONAL, Channel.EMAIL, day(2)).staff("joe").build())).isAllowed();
  }

  @Test
  void section5_3_objectedIsListedBesideTheCaseReasons() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.PROMOTION, Channel.EMAIL),
            objection("o1", day(2)));

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.WITHDRAWN, ReasonCode.OBJECTED);
  }
}
