package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.inquiry;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.planned;
import static dev.rapport.crm.testing.Fixtures.withdrawalOfEverything;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code RULES.md} 2: transactional messages, replies, and promotional content in them. */
final class TransactionalAndReplyTest {
  private static final Instant INQUIRY = day(0);
  private static final Ledger INQUIRED_BY_EMAIL = ledger(inquiry("i1", INQUIRY, Channel.EMAIL));

  @ParameterizedTest(name = "section 5.2: a transactional {0} needs no intent")
  @EnumSource(Channel.class)
  void section5_2_transactionalNeedsNoIntent(Channel channel) {
    assertThat(decide(ledger(), outreach(Purpose.TRANSACTIONAL, channel, day(1))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.TRANSACTIONAL)
        .hasNoObligations();
  }

  @Test
  void section5_2_transactionalSurvivesWithdrawalAndObjection() {
    Ledger closed =
        ledger(
            grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL),
            withdrawalOfEverything("w1", day(1)),
            objection("o1", day(2)));

    assertThat(decide(closed, outreach(Purpose.TRANSACTIONAL, Channel.EMAIL, day(3))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.TRANSACTIONAL);
  }

  @Test
  void section5_2_aReplyAtTheInstantOfTheInquiryIsAllowed() {
    assertThat(decide(INQUIRED_BY_EMAIL, outreach(Purpose.REPLY, Channel.EMAIL, INQUIRY)))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.REPLY_TO_CUSTOMER)
        .hasNoObligations();
  }

  @Test
  void section5_2_aReplyExactlyThirtyDaysAfterTheInquiryIsAllowed() {
    assertThat(decide(INQUIRED_BY_EMAIL, outreach(Purpose.REPLY, Channel.EMAIL, INQUIRY.plus(Duration.ofDays(30)))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.REPLY_TO_CUSTOMER);
  }

  @Test
  void section5_2_aReplyASecondAfterTheThirtyDayWindowIsDenied() {
    Instant late = INQUIRY.plus(Duration.ofDays(30)).plusSeconds(1);

    assertThat(decide(INQUIRED_BY_EMAIL, outreach(Purpose.REPLY, Channel.EMAIL, late)))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_OPEN_INQUIRY);
  }

  @Test
  void section5_2_aReplyBeforeTheInquiryIsDenied() {
    assertThat(decide(INQUIRED_BY_EMAIL, outreach(Purpose.REPLY, Channel.EMAIL, INQUIRY.minusSeconds(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_OPEN_INQUIRY);
  }

  @Test
  void section5_2_aReplyOnAnotherChannelThanTheInquiryIsDenied() {
    assertThat(decide(INQUIRED_BY_EMAIL, outreach(Purpose.REPLY, Channel.SMS, day(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_OPEN_INQUIRY);
  }

  @Test
  void section5_2_theReplyWindowIsAnOption() {
    PolicyOptions weekWindow = PolicyOptions.builder().replyWindow(Duration.ofDays(7)).build();

    assertThat(decide(weekWindow, INQUIRED_BY_EMAIL, outreach(Purpose.REPLY, Channel.EMAIL, day(7))))
        .isAllowed();
    assertThat(
            decide(weekWindow, INQUIRED_BY_EMAIL, outreach(Purpose.REPLY, Channel.EMAIL, day(7).plusSeconds(1))))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_OPEN_INQUIRY);
  }

  @Test
  void section5_2_aLaterInquiryReopensTheWindow() {
    Ledger twoInquiries = ledger(inquiry("i1", day(0), Channel.EMAIL), inquiry("i2", day(25), Channel.EMAIL));

    assertThat(decide(twoInquiries, outreach(Purpose.REPLY, Channel.EMAIL, day(50)))).isAllowed();
  }

  @Test
  void section5_2_withdrawalAndObjectionDoNotStopAReply() {
    Ledger closed =
        ledger(
            grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL),
            inquiry("i1", day(1), Channel.EMAIL),
            withdrawalOfEverything("w1", day(2)),
            objection("o1", day(3)));

    assertThat(decide(closed, outreach(Purpose.REPLY, Channel.EMAIL, day(4))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.REPLY_TO_CUSTOMER);
  }

  @Test
  void section5_2_transactionalWithPromotionIsAllowedWithBothReasonsWhenPromotionIsDeclared() {
    Ledger promotion = ledger(grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL));

    assertThat(decide(promotion, planned(Purpose.TRANSACTIONAL, Channel.EMAIL, day(1)).containsPromotion(true).build()))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.TRANSACTIONAL, ReasonCode.DECLARED_INTENT)
        .hasOnlyObligations(
            ObligationCode.INCLUDE_UNSUBSCRIBE,
            ObligationCode.ONE_CLICK_UNSUBSCRIBE,
            ObligationCode.IDENTIFY_SENDER);
  }

  @Test
  void section5_2_transactionalWithPromotionIsDeniedBeyondADealsOnlyDeclaration() {
    Ledger dealsOnly = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(decide(dealsOnly, planned(Purpose.TRANSACTIONAL, Channel.EMAIL, day(1)).containsPromotion(true).build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_2_transactionalWithPromotionIsDeniedWithoutAnyDeclaration() {
    assertThat(decide(ledger(), planned(Purpose.TRANSACTIONAL, Channel.EMAIL, day(1)).containsPromotion(true).build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_2_transactionalWithPromotionIsStoppedByAnObjection() {
    Ledger objected = ledger(grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL), objection("o1", day(1)));

    assertThat(decide(objected, planned(Purpose.TRANSACTIONAL, Channel.EMAIL, day(2)).containsPromotion(true).build()))
        .isDenied()
        .hasOnlyReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_2_aReplyWithPromotionIsAllowedWithBothReasons() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL), inquiry("i1", day(1), Channel.EMAIL));

    assertThat(decide(ledger, planned(Purpose.REPLY, Channel.EMAIL, day(2)).containsPromotion(true).build()))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.REPLY_TO_CUSTOMER, ReasonCode.DECLARED_INTENT)
        .hasOnlyObligations(
            ObligationCode.INCLUDE_UNSUBSCRIBE,
            ObligationCode.ONE_CLICK_UNSUBSCRIBE,
            ObligationCode.IDENTIFY_SENDER);
  }

  @Test
  void section5_2_aReplyWithPromotionAfterAnObjectionIsDenied() {
    Ledger ledger =
        ledger(
            grant("g1", day(0), Intent.PROMOTION, Channel.EMAIL),
            inquiry("i1", day(1), Channel.EMAIL),
            objection("o1", day(2)));

    assertThat(decide(ledger, planned(Purpose.REPLY, Channel.EMAIL, day(3)).containsPromotion(true).build()))
        .isDenied()
        .hasReasons(ReasonCode.OBJECTED);
  }

  @Test
  void section5_2_aServiceMessageWithPromotionNeedsBothDeclarations() {
    Ledger supportOnly = ledger(grant("g1", day(0), Intent.SUPPORT, Channel.EMAIL));
    Outreach service = planned(Purpose.SERVICE, Channel.EMAIL, day(1)).containsPromotion(true).build();

    assertThat(decide(supportOnly, service))
        .isDenied()
        .hasOnlyReasons(ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_2_aServiceMessageWithPromotionIsAllowedWithBothDeclarations() {
    Ledger both =
        ledger(
            grant("g1", day(0), Intent.SUPPORT, Channel.EMAIL),
            grant("g2", day(0), Intent.PROMOTION, Channel.EMAIL));
    Outreach service = planned(Purpose.SERVICE, Channel.EMAIL, day(1)).containsPromotion(true).build();

    assertThat(decide(both, service))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT)
        .hasOnlyObligations(
            ObligationCode.INCLUDE_UNSUBSCRIBE,
            ObligationCode.ONE_CLICK_UNSUBSCRIBE,
            ObligationCode.IDENTIFY_SENDER);
  }

  @Test
  void section5_2_onAMarketingPurposeThePromotionFlagChangesNothing() {
    Ledger dealsOnly = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));
    Outreach offer = planned(Purpose.OFFER, Channel.EMAIL, day(1)).containsPromotion(true).build();

    assertThat(decide(dealsOnly, offer))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT)
        .isEqualTo(decide(dealsOnly, outreach(Purpose.OFFER, Channel.EMAIL, day(1))));
  }
}
