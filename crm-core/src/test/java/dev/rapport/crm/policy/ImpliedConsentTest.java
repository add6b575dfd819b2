package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.customerIn;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.impliedConsent;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.ledgerOf;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.purchased;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code RULES.md} "Implied consent": implied consent is off by default, so a purchase never stands in for a
 * declaration unless the business turns the option on. (The packs' own conditions are {@code
 * RULES.md}'s and tested elsewhere.)
 */
final class ImpliedConsentTest {

  @ParameterizedTest(name = "section 5.4: in {0}, a recent purchase with an opt-out does not imply consent by default")
  @CsvSource({"GB, Europe/London", "DE, Europe/Berlin", "CA-ON, America/Toronto", "US-CA, America/Los_Angeles", "AU, Australia/Sydney"})
  void section5_4_impliedConsentIsOffByDefault(String jurisdiction, String zone) {
    Ledger bought =
        ledgerOf(customerIn(jurisdiction, zone), purchased("p1", day(0)).channel(Channel.EMAIL).optOutOffered(true).build());

    assertThat(decide(bought, outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @ParameterizedTest(name = "section 5.4: in {0}, with the option on, a purchase implies consent for OFFER")
  @CsvSource({"GB, Europe/London", "CA-ON, America/Toronto"})
  void section5_4_withTheOptionOnAPackMayImplyConsent(String jurisdiction, String zone) {
    Ledger bought =
        ledgerOf(customerIn(jurisdiction, zone), purchased("p1", day(0)).channel(Channel.EMAIL).optOutOffered(true).build());
    PolicyOptions implied = impliedConsent();

    assertThat(decide(implied, bought, outreach(Purpose.OFFER, Channel.EMAIL, day(1))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }
}
