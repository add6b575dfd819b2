package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.customerIn;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.impliedConsent;
import static dev.rapport.crm.testing.Fixtures.grantFor;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.ledgerOf;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.planned;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static dev.rapport.crm.testing.Fixtures.purchased;
import static dev.rapport.crm.testing.Fixtures.withdrawal;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code RULES.md} 7: asking for consent is marketing. */
final class ConsentRequestTest {

  @ParameterizedTest(name = "section 5.9: a live {0} grant on the channel allows asking for more")
  @EnumSource(names = {"DEALS", "PROMOTION", "ONE_TO_ONE", "KNOWLEDGE", "ADVOCACY"})
  void section5_9_aLiveGrantOfAMarketingIntentOnTheKeyAllowsAConsentRequest(Intent intent) {
    Ledger ledger = ledger(grant("g1", day(0), intent, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(1))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT)
        .hasOnlyObligations(
            ObligationCode.INCLUDE_UNSUBSCRIBE, ObligationCode.ONE_CLICK_UNSUBSCRIBE, ObligationCode.IDENTIFY_SENDER);
  }

  @ParameterizedTest(name = "section 5.9: a live {0} grant alone does not allow asking for more")
  @EnumSource(names = {"SUPPORT", "FEEDBACK"})
  void section5_9_aGrantOfANonMarketingIntentDoesNotAllowAConsentRequest(Intent intent) {
    Ledger ledger = ledger(grant("g1", day(0), intent, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(1))))
        .isDenied()
        .hasReasons(ReasonCode.CONSENT_REQUEST_IS_MARKETING);
  }

  @Test
  void section5_9_aConsentRequestToACustomerWithoutGrantsIsDenied() {
    assertThat(decide(ledger(purchase("p1", day(0))), outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(1))))
        .isDenied()
        .hasReasons(ReasonCode.CONSENT_REQUEST_IS_MARKETING);
  }

  @Test
  void section5_9_aGrantOnAnotherChannelDoesNotAllowAConsentRequest() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.SMS));

    assertThat(decide(ledger, outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(1))))
        .isDenied()
        .hasReasons(ReasonCode.CONSENT_REQUEST_IS_MARKETING);
  }

  @Test
  void section5_9_aGrantForAnotherEntityDoesNotAllowAConsentRequest() {
    Ledger ledger = ledger(grantFor("acme-retail", "g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, planned(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(1)).entity("acme-bank").build()))
        .isDenied()
        .hasReasons(ReasonCode.CONSENT_REQUEST_IS_MARKETING);
  }

  @Test
  void section5_9_aWithdrawnGrantDoesNotAllowAConsentRequest() {
    Ledger ledger =
        ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(ledger, outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(2))))
        .isDenied()
        .hasReasons(ReasonCode.CONSENT_REQUEST_IS_MARKETING);
  }

  @Test
  void section5_9_anObjectionStopsAConsentRequest() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), objection("o1", day(1)));

    assertThat(decide(ledger, outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(2))))
        .isDenied()
        .hasReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_9_impliedConsentForAPromotionAllowsAConsentRequest() {
    Ledger bought =
        ledgerOf(
            customerIn("GB", "Europe/London"),
            purchased("p1", day(0)).channel(Channel.EMAIL).optOutOffered(true).build());
    PolicyOptions implied = impliedConsent();

    assertThat(decide(implied, bought, outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(1))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }

  @Test
  void section5_9_withoutImpliedConsentAPurchaseDoesNotAllowAConsentRequest() {
    Ledger bought =
        ledgerOf(
            customerIn("GB", "Europe/London"),
            purchased("p1", day(0)).channel(Channel.EMAIL).optOutOffered(true).build());

    assertThat(decide(bought, outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, day(1))))
        .isDenied()
        .hasReasons(ReasonCode.CONSENT_REQUEST_IS_MARKETING);
  }
}
