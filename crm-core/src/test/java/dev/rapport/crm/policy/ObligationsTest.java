package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.grantOfEverything;
import static dev.rapport.crm.testing.Fixtures.inquiry;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.planned;
import static dev.rapport.crm.testing.Fixtures.preferences;
import static dev.rapport.crm.testing.Fixtures.profiling;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code RULES.md} 5 (profiling and tracking) and 5.7 (obligations on ALLOW). */
final class ObligationsTest {
  /** 5.7: channels on which every purpose but TRANSACTIONAL and REPLY must include an unsubscribe. */
  private static final Set<Channel> UNSUBSCRIBE_CHANNELS =
      EnumSet.of(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.SOCIAL);

  /** Everything granted on every channel, and an inquiry open on every channel. */
  private static final Ledger EVERYTHING = everythingGrantedAndInquired();

  private static Ledger everythingGrantedAndInquired() {
    List<LedgerEvent> events = new ArrayList<>();
    events.add(grantOfEverything("g1", day(0)));
    for (Channel channel : Channel.values()) {
      events.add(inquiry("i-" + channel, day(0), channel));
    }
    return ledger(events.toArray(LedgerEvent[]::new));
  }

  @ParameterizedTest(name = "section 5.7: {0} on {1} must honour {2}")
  @MethodSource("obligationTable")
  void section5_7_anAllowedOutreachCarriesExactlyItsObligations(
      Purpose purpose, Channel channel, Set<ObligationCode> expected) {
    Outreach outreach = planned(purpose, channel, day(1)).staff("jane").build();

    assertThat(decide(EVERYTHING, outreach))
        .isAllowed()
        .hasOnlyObligations(expected.toArray(ObligationCode[]::new));
  }

  static Stream<Arguments> obligationTable() {
    return Arrays.stream(Purpose.values())
        .flatMap(p -> Arrays.stream(Channel.values()).map(c -> Arguments.of(p, c, expectedObligations(p, c))));
  }

  /** The three bullets of 5.7, as written. */
  private static Set<ObligationCode> expectedObligations(Purpose purpose, Channel channel) {
    Set<ObligationCode> expected = EnumSet.noneOf(ObligationCode.class);
    boolean unsubscribe =
        purpose != Purpose.TRANSACTIONAL && purpose != Purpose.REPLY && UNSUBSCRIBE_CHANNELS.contains(channel);
    if (unsubscribe) {
      expected.add(ObligationCode.INCLUDE_UNSUBSCRIBE);
    }
    if (unsubscribe && channel == Channel.EMAIL) {
      expected.add(ObligationCode.ONE_CLICK_UNSUBSCRIBE);
    }
    if (purpose.isMarketing()) {
      expected.add(ObligationCode.IDENTIFY_SENDER);
    }
    return expected;
  }

  @ParameterizedTest(name = "section 5.7: a {0} on {1} carrying promotion gets a PROMOTION''s obligations")
  @CsvSource({"TRANSACTIONAL, EMAIL", "REPLY, SMS", "SERVICE, POST", "RESEARCH, PUSH"})
  void section5_7_aNonMarketingOutreachWithPromotionGetsThePromotionsObligations(Purpose purpose, Channel channel) {
    Outreach withPromotion = planned(purpose, channel, day(1)).containsPromotion(true).build();

    assertThat(decide(EVERYTHING, withPromotion))
        .isAllowed()
        .hasOnlyObligations(expectedObligations(Purpose.PROMOTION, channel).toArray(ObligationCode[]::new));
  }

  @ParameterizedTest(name = "section 5.6: {1} content for a customer at {0} is limited to {0}")
  @CsvSource({
    "NONE, BASIC",
    "NONE, INFERRED",
    "BASIC, DECLARED",
    "DECLARED, INFERRED"
  })
  void section5_6_personalizationAboveTheCustomersLevelIsLimitedWithTheAllowedLevel(
      Profiling customerLevel, Profiling contentLevel) {
    Ledger ledger = ledger(profiling("p1", day(0), customerLevel), grant("g1", day(0), Intent.PROMOTION, Channel.POST));

    assertThat(decide(ledger, planned(Purpose.PROMOTION, Channel.POST, day(1)).personalization(contentLevel).build()))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT)
        .hasObligation(ObligationCode.LIMIT_PERSONALIZATION, customerLevel.name());
  }

  @ParameterizedTest(name = "section 5.6: {1} content for a customer at {0} needs no limit")
  @CsvSource({"NONE, NONE", "BASIC, BASIC", "INFERRED, DECLARED", "INFERRED, INFERRED"})
  void section5_6_personalizationAtOrBelowTheCustomersLevelNeedsNoLimit(Profiling customerLevel, Profiling contentLevel) {
    Ledger ledger = ledger(profiling("p1", day(0), customerLevel), grant("g1", day(0), Intent.PROMOTION, Channel.POST));

    assertThat(decide(ledger, planned(Purpose.PROMOTION, Channel.POST, day(1)).personalization(contentLevel).build()))
        .isAllowed()
        .hasOnlyObligations(ObligationCode.IDENTIFY_SENDER);
  }

  @Test
  void section5_6_aCustomerWhoNeverDeclaredProfilingIsAtNone() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.PROMOTION, Channel.POST));

    assertThat(decide(ledger, planned(Purpose.PROMOTION, Channel.POST, day(1)).personalization(Profiling.BASIC).build()))
        .isAllowed()
        .hasObligation(ObligationCode.LIMIT_PERSONALIZATION, "NONE");
  }

  @Test
  void section5_6_aPreferencesEventReplacesEarlierPreferencesWhole() {
    Ledger ledger =
        ledger(
            profiling("p1", day(0), Profiling.INFERRED),
            preferences("p2", day(1), Preferences.builder().coolOffAfterPurchase(Duration.ofDays(14)).build()),
            grant("g1", day(0), Intent.PROMOTION, Channel.POST));

    assertThat(decide(ledger, planned(Purpose.PROMOTION, Channel.POST, day(2)).personalization(Profiling.BASIC).build()))
        .isAllowed()
        .hasObligation(ObligationCode.LIMIT_PERSONALIZATION, "NONE");
  }

  @ParameterizedTest(name = "section 5.6: tracking for a customer at {0} must be stripped")
  @CsvSource({"NONE", "BASIC", "DECLARED"})
  void section5_6_trackingWithoutInferredGivesNoTracking(Profiling customerLevel) {
    Ledger ledger = ledger(profiling("p1", day(0), customerLevel), grant("g1", day(0), Intent.PROMOTION, Channel.POST));

    assertThat(decide(ledger, planned(Purpose.PROMOTION, Channel.POST, day(1)).tracking(true).build()))
        .isAllowed()
        .hasOnlyObligations(ObligationCode.IDENTIFY_SENDER, ObligationCode.NO_TRACKING);
  }

  @Test
  void section5_6_trackingWithInferredProfilingIsAllowedAsIs() {
    Ledger ledger = ledger(profiling("p1", day(0), Profiling.INFERRED), grant("g1", day(0), Intent.PROMOTION, Channel.POST));

    assertThat(decide(ledger, planned(Purpose.PROMOTION, Channel.POST, day(1)).tracking(true).build()))
        .isAllowed()
        .hasOnlyObligations(ObligationCode.IDENTIFY_SENDER);
  }

  @Test
  void section5_6_aPreferencesEventAfterTheOutreachDoesNotCount() {
    Ledger ledger = ledger(grant("g1", day(0), Intent.PROMOTION, Channel.POST), profiling("p1", day(5), Profiling.INFERRED));

    assertThat(decide(ledger, planned(Purpose.PROMOTION, Channel.POST, day(1)).tracking(true).build()))
        .isAllowed()
        .hasOnlyObligations(ObligationCode.IDENTIFY_SENDER, ObligationCode.NO_TRACKING);
  }

  @Test
  void section5_7_aDenialCarriesNoObligations() {
    Outreach offer = planned(Purpose.OFFER, Channel.EMAIL, day(1)).tracking(true).personalization(Profiling.INFERRED).build();

    assertThat(decide(ledger(), offer)).isDenied().hasNoObligations();
  }
}
