package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.NOTICE;
import static dev.rapport.crm.testing.Fixtures.PERSONAL_EMAIL;
import static dev.rapport.crm.testing.Fixtures.PERSONAL_IP;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.erasure;
import static dev.rapport.crm.testing.Fixtures.evidence;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.grantOfEverything;
import static dev.rapport.crm.testing.Fixtures.grantWith;
import static dev.rapport.crm.testing.Fixtures.granted;
import static dev.rapport.crm.testing.Fixtures.inquiry;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.planned;
import static dev.rapport.crm.testing.Fixtures.preTicked;
import static dev.rapport.crm.testing.Fixtures.withdrawal;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code RULES.md} "The model": every reason carries a sentence that cites the event behind it (its date
 * and notice), and no message shows personal data beyond ids. Every event of these ledgers
 * carries an e-mail address and an IP address in its evidence details.
 */
final class ReasonMessagesTest {
  /** The date of {@code day(0)}, as a person reads it. */
  private static final String GRANT_DATE = "2026-03-02";

  @Test
  void section5_beyondTheDeclaredRelationshipCitesTheDeclaration() {
    Decision decision =
        decide(ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)), outreach(Purpose.PROMOTION, Channel.EMAIL, day(1)));

    assertThat(decision).messageOf(ReasonCode.BEYOND_DECLARED_RELATIONSHIP).contains(GRANT_DATE, NOTICE, "DEALS");
  }

  @Test
  void section5_declaredIntentCitesTheCoveringGrant() {
    Decision decision =
        decide(ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)), outreach(Purpose.OFFER, Channel.EMAIL, day(1)));

    assertThat(decision).messageOf(ReasonCode.DECLARED_INTENT).contains(GRANT_DATE, NOTICE);
    assertThat(decision).citesEvent(ReasonCode.DECLARED_INTENT, "g1");
  }

  @Test
  void section5_withdrawnCitesTheWithdrawal() {
    Decision decision =
        decide(
            ledger(
                grant("g1", day(0), Intent.DEALS, Channel.EMAIL),
                withdrawal("w1", day(3), Intent.DEALS, Channel.EMAIL)),
            outreach(Purpose.OFFER, Channel.EMAIL, day(4)));

    assertThat(decision).messageOf(ReasonCode.WITHDRAWN).contains("2026-03-05");
    assertThat(decision).citesEvent(ReasonCode.WITHDRAWN, "w1");
  }

  @Test
  void section5_objectedCitesTheObjection() {
    Decision decision =
        decide(
            ledger(grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL), objection("o1", day(2))),
            outreach(Purpose.PROMOTION, Channel.EMAIL, day(3)));

    assertThat(decision).messageOf(ReasonCode.OBJECTED).contains("2026-03-04");
    assertThat(decision).citesEvent(ReasonCode.OBJECTED, "o1");
  }

  @Test
  void section5_channelNotDeclaredCitesTheDeclarationOnTheOtherChannel() {
    Decision decision =
        decide(ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)), outreach(Purpose.OFFER, Channel.SMS, day(1)));

    assertThat(decision).messageOf(ReasonCode.CHANNEL_NOT_DECLARED).contains(GRANT_DATE, NOTICE);
  }

  @Test
  void section5_expiredCitesTheGrant() {
    Decision decision =
        decide(
            ledger(granted("g1", day(0)).addIntents(Intent.DEALS).addChannels(Channel.EMAIL).expiresAt(day(1)).build()),
            outreach(Purpose.OFFER, Channel.EMAIL, day(2)));

    assertThat(decision).messageOf(ReasonCode.EXPIRED).contains(GRANT_DATE, NOTICE);
  }

  @Test
  void section5_invalidConsentCitesTheGrantAndWhyItIsInvalid() {
    Decision decision =
        decide(ledger(grantWith(preTicked(), "g1", day(0), Intent.DEALS, Channel.EMAIL)), outreach(Purpose.OFFER, Channel.EMAIL, day(1)));

    assertThat(decision).messageOf(ReasonCode.INVALID_CONSENT).contains(GRANT_DATE, "pre-ticked");
  }

  @ParameterizedTest(name = "section 5: {0} reveals no personal data")
  @MethodSource("decisionsOfEveryKind")
  void section5_noMessageShowsPersonalData(String what, Decision decision) {
    assertThat(decision).hasNoMessageContaining(PERSONAL_EMAIL, PERSONAL_IP, "priya");
  }

  static Stream<Arguments> decisionsOfEveryKind() {
    Ledger dealsOnly = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), inquiry("i1", day(0), Channel.EMAIL));
    Ledger everythingObjected = ledger(grantOfEverything("g1", day(0)), objection("o1", day(1)));
    return Stream.of(
        Arguments.of("an allowed offer", decide(dealsOnly, outreach(Purpose.OFFER, Channel.EMAIL, day(1)))),
        Arguments.of("a promotion beyond deals", decide(dealsOnly, outreach(Purpose.PROMOTION, Channel.EMAIL, day(1)))),
        Arguments.of("an offer by text", decide(dealsOnly, outreach(Purpose.OFFER, Channel.SMS, day(1)))),
        Arguments.of("a reply", decide(dealsOnly, outreach(Purpose.REPLY, Channel.EMAIL, day(1)))),
        Arguments.of("a late reply", decide(dealsOnly, outreach(Purpose.REPLY, Channel.EMAIL, day(90)))),
        Arguments.of("a transactional message", decide(dealsOnly, outreach(Purpose.TRANSACTIONAL, Channel.EMAIL, day(1)))),
        Arguments.of("an objected offer", decide(everythingObjected, outreach(Purpose.OFFER, Channel.EMAIL, day(2)))),
        Arguments.of(
            "a personal message from the brand",
            decide(ledger(grant("g1", day(0), Intent.ONE_TO_ONE, Channel.EMAIL)), outreach(Purpose.PERSONAL, Channel.EMAIL, day(1)))),
        Arguments.of(
            "a pre-ticked grant",
            decide(
                ledger(grantWith(evidence().preTicked(true).build(), "g1", day(0), Intent.DEALS, Channel.EMAIL)),
                outreach(Purpose.OFFER, Channel.EMAIL, day(1)))),
        Arguments.of(
            "an erased customer",
            decide(ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), erasure("x1", day(1))), outreach(Purpose.OFFER, Channel.EMAIL, day(2)))),
        Arguments.of(
            "a limited personalization",
            decide(dealsOnly, planned(Purpose.OFFER, Channel.EMAIL, day(1)).personalization(Profiling.INFERRED).tracking(true).build())));
  }
}
