package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.byStaff;
import static dev.rapport.crm.testing.Fixtures.confirmation;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.doubleOptIn;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.grantFor;
import static dev.rapport.crm.testing.Fixtures.grantWith;
import static dev.rapport.crm.testing.Fixtures.granted;
import static dev.rapport.crm.testing.Fixtures.imported;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.planned;
import static dev.rapport.crm.testing.Fixtures.preTicked;
import static dev.rapport.crm.testing.Fixtures.withdrawal;
import static dev.rapport.crm.testing.Fixtures.withdrawn;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code RULES.md} 3: coverage works on keys (intent, channel, entity); the standing of a key
 * is its latest valid grant or withdrawal, imports are skipped after a withdrawal or objection,
 * and only the customer's own later grant re-opens what the customer closed.
 */
final class CoverageTest {
  private static final String RETAIL = "acme-retail";
  private static final String BANK = "acme-bank";

  @ParameterizedTest(name = "section 5.3: {1} on {2} is covered by a live {0} grant")
  @CsvSource({
    "DEALS, OFFER, EMAIL",
    "PROMOTION, OFFER, SMS",
    "PROMOTION, PROMOTION, POST",
    "SUPPORT, SERVICE, CALL",
    "KNOWLEDGE, CONTENT, PUSH",
    "ADVOCACY, ADVOCACY, SOCIAL",
    "FEEDBACK, RESEARCH, EMAIL"
  })
  void section5_3_aLiveGrantOfAnIntentThatOpensThePurposeCoversIt(Intent intent, Purpose purpose, Channel channel) {
    Ledger ledger = ledger(grant("g1", day(0), intent, channel));

    assertThat(decide(ledger, outreach(purpose, channel, day(1))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  void section5_3_aGrantCoversFromItsOwnInstant() {
    assertThat(decide(ledger(grant("g1", day(1), Intent.DEALS, Channel.EMAIL)), outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isAllowed();
  }

  @Test
  void section5_3_aGrantDoesNotCoverBeforeItsInstant() {
    assertThat(
            decide(
                ledger(grant("g1", day(1), Intent.DEALS, Channel.EMAIL)),
                outreach(Purpose.OFFER, Channel.EMAIL, day(1).minusSeconds(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_3_aGrantForAnEntityCoversThatEntity() {
    Ledger ledger = ledger(grantFor(RETAIL, "g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, planned(Purpose.OFFER, Channel.EMAIL, day(1)).entity(RETAIL).build()))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  void section5_3_theEmptyEntityIsAValueAndDoesNotCoverANamedEntity() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, planned(Purpose.OFFER, Channel.EMAIL, day(1)).entity(RETAIL).build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OTHER_ENTITY);
  }

  @Test
  void section5_3_aNamedEntityDoesNotCoverTheEmptyEntity() {
    Ledger ledger = ledger(grantFor(RETAIL, "g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OTHER_ENTITY);
  }

  @Test
  void section5_3_aWithdrawalWithoutEntityAppliesToEveryEntity() {
    Ledger ledger =
        ledger(
            grantFor(RETAIL, "g1", day(0), Intent.DEALS, Channel.EMAIL),
            grantFor(BANK, "g2", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, planned(Purpose.OFFER, Channel.EMAIL, day(2)).entity(RETAIL).build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.WITHDRAWN);
    assertThat(decide(ledger, planned(Purpose.OFFER, Channel.EMAIL, day(2)).entity(BANK).build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.WITHDRAWN);
  }

  @Test
  void section5_3_aWithdrawalForOneEntityLeavesAnotherEntitysGrantLive() {
    Ledger ledger =
        ledger(
            grantFor(RETAIL, "g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawn("w1", day(1)).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).entity(BANK).build());

    assertThat(decide(ledger, planned(Purpose.OFFER, Channel.EMAIL, day(2)).entity(RETAIL).build()))
        .isAllowed();
  }

  @Test
  void section5_3_aWithdrawalForANamedEntityLeavesTheEmptyEntitysGrantLive() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawn("w1", day(1)).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).entity(RETAIL).build());

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(2)))).isAllowed();
  }

  @Test
  void section5_3_aWithdrawalClosesOnlyTheKeysItNames() {
    Ledger ledger =
        ledger(
            granted("g1", day(0)).addIntents(Intent.DEALS, Intent.SUPPORT).addChannels(Channel.EMAIL, Channel.SMS).build(),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.SMS, day(2)))).isAllowed();
    assertThat(decide(ledger, outreach(Purpose.SERVICE, Channel.EMAIL, day(2)))).isAllowed();
    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(2)))).isDenied();
  }

  @Test
  void section5_3_aLaterValidGrantReopensAWithdrawnKey() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL),
            grant("g2", day(2), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1, 12)))).isDenied().hasOnlyReasons(ReasonCode.WITHDRAWN);
    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(3)))).isAllowed();
  }

  @Test
  void section5_3_aGrantAndAWithdrawalAtTheSameInstantStandInLedgerOrderWithdrawalLast() {
    Ledger ledger =
        ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), withdrawal("w1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1)))).isDenied().hasOnlyReasons(ReasonCode.WITHDRAWN);
  }

  @Test
  void section5_3_aGrantAndAWithdrawalAtTheSameInstantStandInLedgerOrderGrantLast() {
    Ledger ledger =
        ledger(
            grant("g0", day(-1), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(0), Intent.DEALS, Channel.EMAIL),
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1)))).isAllowed();
  }

  @Test
  void section5_3_aBackFilledGrantEarlierThanAWithdrawalDoesNotReopenTheKey() {
    Ledger ledger =
        ledger(
            withdrawal("w1", day(5), Intent.DEALS, Channel.EMAIL),
            grant("g1", day(1), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(3)))).isAllowed();
    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(6)))).isDenied().hasOnlyReasons(ReasonCode.WITHDRAWN);
  }

  @Test
  void section5_3_anInvalidGrantAfterAValidOneDoesNotDisturbIt() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            grantWith(preTicked(), "g2", day(1), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(2)))).isAllowed().hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  void section5_3_anImportWithItsCaptureTimeIsValidConsent() {
    Ledger ledger = ledger(grantWith(imported(day(-100)), "g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1)))).isAllowed();
  }

  @Test
  void section5_3_anImportIsSkippedAfterAWithdrawalNamingTheKey() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL),
            grantWith(imported(day(-100)), "g2", day(2), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.WITHDRAWN);
  }

  @Test
  void section5_3_anImportIsNotSkippedForAKeyTheWithdrawalDidNotName() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
            withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL),
            grantWith(imported(day(-100)), "g2", day(2), Intent.DEALS, Channel.SMS));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.SMS, day(3)))).isAllowed();
  }

  @Test
  void section5_3_anImportIsSkippedAfterAnObjectionForAMarketingIntent() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL),
            objection("o1", day(1)),
            grantWith(imported(day(-100)), "g2", day(2), Intent.PROMOTION, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_3_anImportAfterAnObjectionStillCoversANonMarketingIntent() {
    Ledger ledger =
        ledger(objection("o1", day(1)), grantWith(imported(day(-100)), "g1", day(2), Intent.SUPPORT, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.SERVICE, Channel.EMAIL, day(3))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  void section5_3_anImportBeforeAnObjectionStillStandsForNonMarketing() {
    Ledger ledger =
        ledger(grantWith(imported(day(-100)), "g1", day(0), Intent.SUPPORT, Channel.EMAIL), objection("o1", day(1)));

    assertThat(decide(ledger, outreach(Purpose.SERVICE, Channel.EMAIL, day(2)))).isAllowed();
  }

  @Test
  void section5_3_anObjectionIsLiftedOnlyForTheKeyALaterGrantNames() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL, Channel.SMS),
            objection("o1", day(1)),
            grant("g2", day(2), Intent.PROMOTION, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(3))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT);
    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.SMS, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_3_anObjectionIsLiftedOnlyForTheIntentALaterGrantNames() {
    Ledger ledger =
        ledger(
            granted("g1", day(0)).addIntents(Intent.PROMOTION, Intent.KNOWLEDGE).addChannels(Channel.EMAIL).build(),
            objection("o1", day(1)),
            grant("g2", day(2), Intent.PROMOTION, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(3)))).isAllowed();
    assertThat(decide(ledger, outreach(Purpose.CONTENT, Channel.EMAIL, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_3_anObjectionIsNotLiftedByAnInvalidGrant() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL),
            objection("o1", day(1)),
            grantWith(preTicked(), "g2", day(2), Intent.PROMOTION, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_3_anObjectionIsLiftedByAGrantStaffRecordedOnThePhone() {
    Ledger ledger =
        ledger(
            objection("o1", day(1)),
            grantWith(byStaff("jane", Source.PHONE), "g1", day(2), Intent.PROMOTION, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(3)))).isAllowed();
  }

  @Test
  void section5_3_anObjectionIsLiftedOnlyByAGrantAfterIt() {
    Ledger ledger =
        ledger(
            objection("o1", day(2)),
            grant("g1", day(1), Intent.PROMOTION, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_3_aGrantAtTheInstantOfAnObjectionButAfterItInTheLedgerLiftsIt() {
    Ledger ledger =
        ledger(objection("o1", day(1)), grant("g1", day(1), Intent.PROMOTION, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, day(2)))).isAllowed();
  }

  @Test
  void section5_3_aConfirmedEarlierThanItsGrantConfirmsNothing() {
    Ledger ledger =
        ledger(grant("g1", day(2), Intent.DEALS, Channel.EMAIL), confirmation("c1", day(1), "g1"));
    PolicyOptions confirming = doubleOptIn(Channel.EMAIL);

    assertThat(decide(confirming, ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(3))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.AWAITING_CONFIRMATION);
  }

  @Test
  void section5_3_aConfirmedGrantUnderDoubleOptInIsLiveFromItsConfirmation() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), confirmation("c1", day(2), "g1"));
    PolicyOptions confirming = doubleOptIn(Channel.EMAIL);

    assertThat(decide(confirming, ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.AWAITING_CONFIRMATION);
    assertThat(decide(confirming, ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(2)))).isAllowed();
  }

  @Test
  void section5_3_aConfirmedAtTheInstantOfItsGrantConfirmsIt() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), confirmation("c1", day(0), "g1"));
    PolicyOptions confirming = doubleOptIn(Channel.EMAIL);

    assertThat(decide(confirming, ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1)))).isAllowed();
  }

  @Test
  void section5_3_doubleOptInIsPerChannel() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL, Channel.SMS));
    PolicyOptions confirming = doubleOptIn(Channel.EMAIL);

    assertThat(decide(confirming, ledger, outreach(Purpose.OFFER, Channel.SMS, day(1)))).isAllowed();
    assertThat(decide(confirming, ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.AWAITING_CONFIRMATION);
  }

  @Test
  void section5_3_aConfirmationOfAnotherGrantConfirmsNothingHere() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.SUPPORT, Channel.EMAIL),
            grant("g2", day(0), Intent.DEALS, Channel.EMAIL),
            confirmation("c1", day(1), "g1"));
    PolicyOptions confirming = doubleOptIn(Channel.EMAIL);

    assertThat(decide(confirming, ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(2))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.AWAITING_CONFIRMATION);
  }

  @Test
  void section5_3_withoutDoubleOptInAGrantNeedsNoConfirmation() {
    assertThat(decide(ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)), outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isAllowed();
  }

  @Test
  void section5_3_aOneToOneGrantWithoutStaffLetsAnyStaffMemberSendPersonal() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.ONE_TO_ONE, Channel.EMAIL));

    assertThat(decide(ledger, planned(Purpose.PERSONAL, Channel.EMAIL, day(1)).staff("joe").build()))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  void section5_3_aOneToOneGrantNamingStaffLetsThatPersonSendPersonal() {
    Ledger ledger = ledger(granted("g1", day(0)).addIntents(Intent.ONE_TO_ONE).addChannels(Channel.EMAIL).staff("jane").build());

    assertThat(decide(ledger, planned(Purpose.PERSONAL, Channel.EMAIL, day(1)).staff("jane").build()))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }
}
