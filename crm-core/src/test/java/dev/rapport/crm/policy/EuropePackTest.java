package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.decideImplied;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.inquiry;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.objection;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.purchaseWithoutOptOut;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The EU, EEA and GB pack ({@code law.md}): soft opt-in with no time limit, needing an opt-out
 * offered and the same entity (ePrivacy Directive 2002/58/EC Art. 13(2); UK PECR reg. 22(3)), and
 * objection covering every channel, post included (GDPR Art. 21(2)-(3)).
 */
final class EuropePackTest {
  private static final String ZONE = "Europe/Paris";
  private static final Instant NOON = local(ZONE, "2026-06-10T12:00");
  private static final Instant LONG_AGO = NOON.minus(Duration.ofDays(3650));
  private static final String SOFT_OPT_IN = "ePrivacy Directive 2002/58/EC Art. 13(2)";

  private static Decision implied(Outreach.Builder outreach, LedgerEvent... events) {
    return decideImplied(ledger(customer("FR", ZONE), events), outreach);
  }

  @ParameterizedTest(name = "law.md EU/EEA/GB soft opt-in applies in {0}")
  @ValueSource(strings = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "GB"})
  void softOptInAppliesInEveryMemberState(String country) {
    Decision decision =
        decideImplied(ledger(customer(country, ZONE), purchase("b1", LONG_AGO)), outreach(Purpose.OFFER, Channel.SMS, NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }

  @Test
  @DisplayName("law.md EU soft opt-in has no time limit: a purchase ten years ago still counts")
  void softOptInHasNoTimeLimit() {
    Decision decision = implied(outreach(Purpose.PROMOTION, Channel.EMAIL, NOON), purchase("b-old", LONG_AGO));

    assertThat(decision)
        .isAllowed()
        .hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }

  @Test
  @DisplayName("law.md EU soft opt-in: an inquiry with the opt-out offered counts too")
  void anInquiryCounts() {
    assertThat(implied(outreach(Purpose.OFFER, Channel.POST, NOON), inquiry("i1", LONG_AGO)).verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("law.md EU soft opt-in: an event at the outreach's very instant counts (at or before at)")
  void anEventAtTheSameInstantCounts() {
    assertThat(implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON), purchase("b-now", NOON)).verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  @DisplayName("law.md EU soft opt-in: an event one second after the outreach does not count")
  void aLaterEventDoesNotCount() {
    assertThat(implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON), purchase("b-later", NOON.plusSeconds(1))).verdict())
        .isEqualTo(Verdict.DENY);
  }

  @Test
  @DisplayName("law.md EU soft opt-in needs optOutOffered: NO_OPT_OUT_OFFERED citing the ePrivacy Directive")
  void softOptInNeedsTheOptOut() {
    Decision decision = implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON), purchaseWithoutOptOut("b1", LONG_AGO));

    assertThat(decision)
        .isDenied()
        .hasReason(ReasonCode.NO_OPT_OUT_OFFERED).doesNotHaveReasons(ReasonCode.OTHER_ENTITY);
    assertThat(reason(decision, ReasonCode.NO_OPT_OUT_OFFERED).message()).contains(SOFT_OPT_IN);
  }

  @Test
  @DisplayName("law.md GB soft opt-in failures cite UK PECR reg. 22(3)")
  void britishFailuresCitePecr() {
    Decision decision =
        decideImplied(
            ledger(customer("GB", "Europe/London"), purchaseWithoutOptOut("b1", LONG_AGO)),
            outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(reason(decision, ReasonCode.NO_OPT_OUT_OFFERED).message()).contains("PECR reg. 22(3)");
  }

  @Test
  @DisplayName("law.md EU soft opt-in needs the same entity: OTHER_ENTITY citing the ePrivacy Directive")
  void softOptInNeedsTheSameEntity() {
    Decision decision =
        implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON).entity("acme-fr"), purchase("b1", LONG_AGO, "acme-de", true));

    assertThat(decision).hasReason(ReasonCode.OTHER_ENTITY).doesNotHaveReasons(ReasonCode.NO_OPT_OUT_OFFERED);
    assertThat(reason(decision, ReasonCode.OTHER_ENTITY).message()).contains(SOFT_OPT_IN);
  }

  @Test
  @DisplayName("law.md EU an event failing both ways gives both NO_OPT_OUT_OFFERED and OTHER_ENTITY")
  void anEventFailingBothWaysGivesBothCodes() {
    Decision decision = implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON), purchase("b1", LONG_AGO, "acme-de", false));

    assertThat(decision).hasReasons(ReasonCode.NO_OPT_OUT_OFFERED, ReasonCode.OTHER_ENTITY);
  }

  @Test
  @DisplayName("law.md EU every failing condition of every event is listed")
  void everyEventsFailuresAreListed() {
    Decision decision =
        implied(
            outreach(Purpose.OFFER, Channel.EMAIL, NOON),
            purchaseWithoutOptOut("b-no-offer", LONG_AGO),
            purchase("b-other", LONG_AGO.plusSeconds(60), "acme-de", true));

    assertThat(decision.reasons())
        .filteredOn(r -> r.code() == ReasonCode.NO_OPT_OUT_OFFERED)
        .extracting(r -> r.event().orElseThrow())
        .containsExactly("b-no-offer");
    assertThat(decision.reasons())
        .filteredOn(r -> r.code() == ReasonCode.OTHER_ENTITY)
        .extracting(r -> r.event().orElseThrow())
        .contains("b-other");
  }

  @Test
  @DisplayName("law.md EU one qualifying event is enough, whatever the others")
  void oneQualifyingEventIsEnough() {
    Decision decision =
        implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON), purchaseWithoutOptOut("b-no-offer", LONG_AGO), inquiry("i-ok", LONG_AGO.plusSeconds(60)));

    assertThat(decision).hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }

  @ParameterizedTest(name = "law.md EU no soft opt-in on {0}")
  @EnumSource(value = Channel.class, names = {"CALL", "PUSH", "SOCIAL"})
  void noSoftOptInOnOtherChannels(Channel channel) {
    assertThat(implied(outreach(Purpose.OFFER, channel, NOON), purchase("b1", LONG_AGO)).verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  @DisplayName("law.md EU, model 5.4 no soft opt-in for CONTENT")
  void noSoftOptInForContent() {
    assertThat(implied(outreach(Purpose.CONTENT, Channel.EMAIL, NOON), purchase("b1", LONG_AGO)).verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  @DisplayName("law.md EU, model 5.4 no soft opt-in with the option off")
  void noSoftOptInWithTheOptionOff() {
    Decision decision = decide(ledger(customer("FR", ZONE), purchase("b1", LONG_AGO)), outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  @DisplayName("law.md EU objection is absolute and covers POST (GDPR Art. 21(2)-(3))")
  void objectionCoversPost() {
    Decision decision =
        decide(
            ledger(customer("FR", ZONE), grant("g-promo", LONG_AGO, Intent.PROMOTION, Channel.POST), objection("o1", NOON.minus(Duration.ofDays(1)))),
            outreach(Purpose.PROMOTION, Channel.POST, NOON));

    assertThat(decision)
        .isDenied()
        .hasReason(ReasonCode.OBJECTED);
    assertThat(reason(decision, ReasonCode.OBJECTED).message()).contains("GDPR Art. 21");
  }

  @Test
  @DisplayName("law.md EU objection ends soft opt-in on post as well")
  void objectionEndsSoftOptInOnPost() {
    Decision decision =
        implied(outreach(Purpose.OFFER, Channel.POST, NOON), purchase("b1", LONG_AGO), objection("o1", NOON.minus(Duration.ofDays(1))));

    assertThat(decision)
        .isDenied()
        .doesNotHaveReasons(ReasonCode.IMPLIED_CONSENT);
  }
}
