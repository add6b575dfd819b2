package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.cap;
import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.decideImplied;
import static dev.rapport.crm.policy.LawFixtures.doNotCall;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.grantBuilder;
import static dev.rapport.crm.policy.LawFixtures.inquiry;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.objection;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.preferences;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.sent;
import static dev.rapport.crm.policy.LawFixtures.writtenGrant;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Readings of the rules made precise since the first engine: the declaration is the ceiling of
 * implied consent (RULES.md 3, implied consent; model 5.4), caps on a marketing purpose carrying
 * promotion (model 2, 5.2, 5.8), a consent request's covering grants and its reasons (model 5.9;
 * RULES.md "US"), and which relationship events count for CASL and US implied consent (RULES.md
 * "CA", "US"). Every decision's reasons are checked exactly: a reason that does not apply is as
 * wrong as a missing one.
 */
final class SharpenedReadingsTest {
  private static final String LONDON = "Europe/London";
  private static final CustomerProfile GB = customer("GB", LONDON);
  private static final Instant NOON = local(LONDON, "2026-06-10T12:00");
  private static final Instant LAST_MONTH = NOON.minus(Duration.ofDays(30));
  private static final Instant LAST_WEEK = NOON.minus(Duration.ofDays(7));

  private static Decision impliedGb(Outreach.Builder outreach, LedgerEvent... events) {
    return decideImplied(ledger(GB, events), outreach);
  }

  @Nested
  @DisplayName("model 5.4: implied consent never widens a declaration")
  final class DeclarationIsTheCeiling {

    @ParameterizedTest(name = "DEALS on EMAIL, then a purchase: no PROMOTION on {0}")
    @EnumSource(value = Channel.class, names = {"EMAIL", "SMS", "POST"})
    void aDealsOnlyCustomerWhoBoughtGetsNoPromotion(Channel channel) {
      Decision decision =
          impliedGb(
              outreach(Purpose.PROMOTION, channel, NOON),
              grant("g1", LAST_MONTH, Intent.DEALS, Channel.EMAIL),
              purchase("b1", LAST_WEEK));

      assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
    }

    @Test
    @DisplayName("DEALS on EMAIL, then a purchase without an opt-out: the declaration's reasons alone")
    void noImpliedConsentFailureIsListedBesideTheDeclaration() {
      Decision decision =
          impliedGb(
              outreach(Purpose.OFFER, Channel.SMS, NOON),
              grant("g1", LAST_MONTH, Intent.DEALS, Channel.EMAIL),
              LawFixtures.purchaseWithoutOptOut("b1", LAST_WEEK),
              purchase("b2", LAST_WEEK, "acme-bank", true));

      assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.CHANNEL_NOT_DECLARED);
    }

    @Test
    @DisplayName("a live grant of any intent, SUPPORT included, is a declaration")
    void aSupportOnlyCustomerWhoBoughtGetsNoPromotion() {
      Decision decision =
          impliedGb(
              outreach(Purpose.PROMOTION, Channel.EMAIL, NOON),
              grant("g1", LAST_MONTH, Intent.SUPPORT, Channel.CALL),
              purchase("b1", LAST_WEEK));

      assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
    }

    @Test
    @DisplayName("a grant for another entity leaves implied consent for this sender")
    void aGrantForAnotherEntityDoesNotCloseImpliedConsent() {
      Decision decision =
          impliedGb(
              outreach(Purpose.PROMOTION, Channel.EMAIL, NOON),
              grantBuilder("g1", LAST_MONTH, Intent.DEALS, Channel.EMAIL).entity("acme-bank").build(),
              purchase("b1", LAST_WEEK));

      assertThat(decision).isAllowed().hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
    }

    @Test
    @DisplayName("an expired grant is no live grant: implied consent is consulted")
    void anExpiredGrantDoesNotCloseImpliedConsent() {
      Decision decision =
          impliedGb(
              outreach(Purpose.PROMOTION, Channel.EMAIL, NOON),
              grantBuilder("g1", LAST_MONTH, Intent.DEALS, Channel.EMAIL).expiresAt(LAST_WEEK).build(),
              purchase("b1", LAST_WEEK));

      assertThat(decision).isAllowed().hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
    }

    @Test
    @DisplayName("model 5.9: a consent request is not opened by implied consent past a declaration")
    void aConsentRequestIsNotOpenedByImpliedConsentPastADeclaration() {
      Decision decision =
          impliedGb(
              outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, NOON),
              grant("g1", LAST_MONTH, Intent.SUPPORT, Channel.EMAIL),
              purchase("b1", LAST_WEEK));

      assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.CONSENT_REQUEST_IS_MARKETING);
    }

    @Test
    @DisplayName("RULES.md CA: a declared customer gets no IMPLIED_CONSENT_EXPIRED beside the declaration")
    void canadaListsTheDeclarationAlone() {
      CustomerProfile ontario = customer("CA-ON", "America/Toronto");
      Decision decision =
          decideImplied(
              ledger(
                  ontario,
                  grant("g1", LAST_MONTH, Intent.DEALS, Channel.EMAIL),
                  purchase("b1", NOON.minus(Duration.ofDays(800)))),
              outreach(Purpose.PROMOTION, Channel.EMAIL, NOON));

      assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
    }
  }

  @Nested
  @DisplayName("model 2, 5.2, 5.8: on a marketing purpose, containsPromotion changes nothing")
  final class PromotionFlagOnMarketing {
    private final List<HistoryEntry> twoPromotions =
        List.of(sent(LAST_WEEK, Purpose.PROMOTION, Channel.EMAIL), sent(NOON.minus(Duration.ofDays(2)), Purpose.PROMOTION, Channel.EMAIL));

    @Test
    void anOfferFlaggedAsPromotionIsNotHeldByAPromotionCap() {
      Decision decision =
          decide(
              ledger(
                  GB,
                  grant("g1", LAST_MONTH, Intent.PROMOTION, Channel.EMAIL),
                  preferences("p1", LAST_MONTH, Preferences.builder().addCaps(cap(2, Duration.ofDays(14), Purpose.PROMOTION)).build())),
              twoPromotions,
              outreach(Purpose.OFFER, Channel.EMAIL, NOON).containsPromotion(true));

      assertThat(decision).isAllowed().hasOnlyReasons(ReasonCode.DECLARED_INTENT);
    }

    @Test
    void aConsentRequestFlaggedAsPromotionIsNotHeldByAPromotionCap() {
      Decision decision =
          decide(
              ledger(
                  GB,
                  grant("g1", LAST_MONTH, Intent.DEALS, Channel.EMAIL),
                  preferences("p1", LAST_MONTH, Preferences.builder().addCaps(cap(2, Duration.ofDays(14), Purpose.PROMOTION)).build())),
              twoPromotions,
              outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, NOON).containsPromotion(true));

      assertThat(decision).isAllowed().hasOnlyReasons(ReasonCode.DECLARED_INTENT);
    }

    @Test
    @DisplayName("a receipt carrying promotion is still held as the PROMOTION it also is")
    void aTransactionalCarryingPromotionIsHeldByAPromotionCap() {
      Decision decision =
          decide(
              ledger(
                  GB,
                  grant("g1", LAST_MONTH, Intent.PROMOTION, Channel.EMAIL),
                  preferences("p1", LAST_MONTH, Preferences.builder().addCaps(cap(2, Duration.ofDays(14), Purpose.PROMOTION)).build())),
              twoPromotions,
              outreach(Purpose.TRANSACTIONAL, Channel.EMAIL, NOON).containsPromotion(true));

      assertThat(decision).hasVerdict(Verdict.DEFER).hasOnlyReasons(ReasonCode.FREQUENCY_CAP);
    }
  }

  @Nested
  @DisplayName("model 5.9, RULES.md US: a consent request's covering grants")
  final class ConsentRequestCoveringGrants {
    private final String chicago = "America/Chicago";
    private final CustomerProfile illinois = customer("US-IL", chicago);
    private final Instant noon = local(chicago, "2026-06-10T12:00");
    private final Instant earlier = noon.minus(Duration.ofDays(30));

    @Test
    @DisplayName("an automated text: a written PROMOTION grant covers although DEALS comes first")
    void anyWrittenMarketingGrantOnTheKeyCoversAnAutomatedText() {
      Decision decision =
          decide(
              ledger(
                  illinois,
                  grant("g1", earlier, Intent.DEALS, Channel.SMS),
                  writtenGrant("g2", earlier, Intent.PROMOTION, Channel.SMS)),
              outreach(Purpose.CONSENT_REQUEST, Channel.SMS, noon).automated(true));

      assertThat(decision).isAllowed().hasOnlyReasons(ReasonCode.DECLARED_INTENT);
    }

    @Test
    @DisplayName("a written ONE_TO_ONE grant covers a consent request on the do-not-call registry")
    void aWrittenOneToOneGrantCoversACallOnTheRegistry() {
      Decision decision =
          decide(
              ledger(
                  illinois,
                  doNotCall("r1", earlier),
                  grant("g1", earlier, Intent.DEALS, Channel.CALL),
                  writtenGrant("g2", earlier, Intent.ONE_TO_ONE, Channel.CALL)),
              outreach(Purpose.CONSENT_REQUEST, Channel.CALL, noon));

      assertThat(decision).isAllowed().hasOnlyReasons(ReasonCode.DECLARED_INTENT);
    }

    @Test
    @DisplayName("without a written grant, the automated text is still refused")
    void withoutAWrittenGrantTheAutomatedTextIsRefused() {
      Decision decision =
          decide(
              ledger(
                  illinois,
                  grant("g1", earlier, Intent.DEALS, Channel.SMS),
                  grant("g2", earlier, Intent.PROMOTION, Channel.SMS)),
              outreach(Purpose.CONSENT_REQUEST, Channel.SMS, noon).automated(true));

      assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.WRITTEN_CONSENT_REQUIRED);
    }
  }

  @Nested
  @DisplayName("model 5.9: asking an objector")
  final class ConsentRequestAndObjection {

    @Test
    @DisplayName("a live marketing grant on the key, then an objection: OBJECTED alone")
    void aLiveGrantUnderAnObjectionIsDeniedAsObjectedAlone() {
      Decision decision =
          decide(
              ledger(GB, grant("g1", LAST_MONTH, Intent.PROMOTION, Channel.EMAIL), objection("o1", LAST_WEEK)),
              outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, NOON));

      assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.OBJECTED).citesEvent(ReasonCode.OBJECTED, "o1");
    }

    @Test
    @DisplayName("no such grant and an objection: both reasons")
    void noGrantAndAnObjectionListsBoth() {
      Decision decision =
          decide(
              ledger(GB, grant("g1", LAST_MONTH, Intent.SUPPORT, Channel.EMAIL), objection("o1", LAST_WEEK)),
              outreach(Purpose.CONSENT_REQUEST, Channel.EMAIL, NOON));

      assertThat(decision)
          .isDenied()
          .hasOnlyReasons(ReasonCode.CONSENT_REQUEST_IS_MARKETING, ReasonCode.OBJECTED);
    }
  }

  @Nested
  @DisplayName("RULES.md CA and US: only the events with the outreach's entity count")
  final class ImpliedConsentEntities {

    @Test
    @DisplayName("CA: an old purchase of this sender and a new one of another: IMPLIED_CONSENT_EXPIRED alone")
    void canadaListsOnlyTheSendersOwnExpiredEvent() {
      CustomerProfile ontario = customer("CA-ON", "America/Toronto");
      Decision decision =
          decideImplied(
              ledger(
                  ontario,
                  purchase("b1", NOON.minus(Duration.ofDays(800))),
                  purchase("b2", LAST_WEEK, "acme-bank", true)),
              outreach(Purpose.PROMOTION, Channel.EMAIL, NOON));

      assertThat(decision)
          .isDenied()
          .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP, ReasonCode.IMPLIED_CONSENT_EXPIRED);
    }

    @Test
    @DisplayName("US: only another entity's events: OTHER_ENTITY")
    void unitedStatesListsOtherEntityWhenNoEventIsTheSenders() {
      CustomerProfile illinois = customer("US-IL", "America/Chicago");
      Decision decision =
          decideImplied(
              ledger(illinois, inquiry("q1", LAST_WEEK, "acme-bank")),
              outreach(Purpose.PROMOTION, Channel.EMAIL, NOON));

      assertThat(decision)
          .isDenied()
          .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP, ReasonCode.OTHER_ENTITY);
    }

    @Test
    @DisplayName("US: an old inquiry of this sender beside another's recent one: IMPLIED_CONSENT_EXPIRED alone")
    void unitedStatesListsOnlyTheSendersOwnExpiredEvent() {
      CustomerProfile illinois = customer("US-IL", "America/Chicago");
      Decision decision =
          decideImplied(
              ledger(
                  illinois,
                  inquiry("q1", NOON.minus(Duration.ofDays(200)), "acme-retail"),
                  purchase("b2", LAST_WEEK, "acme-bank", true)),
              outreach(Purpose.PROMOTION, Channel.EMAIL, NOON).entity("acme-retail"));

      assertThat(decision)
          .isDenied()
          .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP, ReasonCode.IMPLIED_CONSENT_EXPIRED);
    }
  }
}
