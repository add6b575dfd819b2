package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.decideImplied;
import static dev.rapport.crm.policy.LawFixtures.doNotCall;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.inquiry;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.policy.LawFixtures.writtenGrant;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Registry;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The US pack ({@code law.md} US): automated calls and texts need prior express written consent
 * (47 CFR 64.1200(a)(2), (f)(9)); the do-not-call registry with its written-consent and
 * relationship exceptions (47 CFR 64.1200(c)(2), (f)(5)); implied consent on email and post only.
 * Every outreach goes at noon local time, inside calling hours.
 */
final class UnitedStatesPackTest {
  private static final String ZONE = "America/Chicago";
  private static final CustomerProfile TEXAN = customer("US-TX", ZONE);
  private static final Instant JOINED = utc("2026-01-05T15:00:00Z");
  private static final Instant NOON = local(ZONE, "2026-06-10T12:00");

  private static Decision plain(Outreach.Builder outreach, LedgerEvent... events) {
    return decide(ledger(TEXAN, events), outreach);
  }

  private static Decision implied(Outreach.Builder outreach, LedgerEvent... events) {
    return decideImplied(ledger(TEXAN, events), outreach);
  }

  private static Outreach.Builder automated(Purpose purpose, Channel channel) {
    return outreach(purpose, channel, NOON).automated(true);
  }

  // ---- automated calls and texts ------------------------------------------------------------

  @ParameterizedTest(name = "law.md US an automated marketing {0} with a written grant is allowed")
  @EnumSource(value = Channel.class, names = {"CALL", "SMS"})
  void automatedWithWrittenConsentIsAllowed(Channel channel) {
    Decision decision =
        plain(automated(Purpose.OFFER, channel), writtenGrant("g-written", JOINED, Intent.DEALS, channel));

    assertThat(decision).isAllowed();
  }

  @ParameterizedTest(name = "law.md US an automated marketing {0} with an unwritten grant needs written consent")
  @EnumSource(value = Channel.class, names = {"CALL", "SMS"})
  void automatedWithoutWrittenConsentIsDenied(Channel channel) {
    Decision decision = plain(automated(Purpose.OFFER, channel), grant("g-plain", JOINED, Intent.DEALS, channel));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.WRITTEN_CONSENT_REQUIRED);
    assertThat(reason(decision, ReasonCode.WRITTEN_CONSENT_REQUIRED).message()).contains("47 CFR 64.1200");
  }

  @Test
  @DisplayName("law.md US a written grant on email does not cover an automated text")
  void aWrittenGrantOnAnotherChannelDoesNotCount() {
    Decision decision =
        plain(
            automated(Purpose.OFFER, Channel.SMS),
            writtenGrant("g-written-email", JOINED, Intent.DEALS, Channel.EMAIL),
            grant("g-plain-sms", JOINED, Intent.DEALS, Channel.SMS));

    assertThat(decision).hasOnlyReasons(ReasonCode.WRITTEN_CONSENT_REQUIRED);
  }

  @Test
  @DisplayName("law.md US an existing relationship is no substitute for written consent on an automated text")
  void aRelationshipIsNoSubstituteForWrittenConsent() {
    Decision decision =
        implied(
            automated(Purpose.OFFER, Channel.SMS),
            grant("g-plain", JOINED, Intent.DEALS, Channel.SMS),
            purchase("b-recent", NOON.minus(Duration.ofDays(10))));

    assertThat(decision).hasReason(ReasonCode.WRITTEN_CONSENT_REQUIRED);
  }

  @Test
  @DisplayName("law.md US an automated marketing email needs no written consent")
  void automatedEmailIsNotCovered() {
    Decision decision = plain(automated(Purpose.OFFER, Channel.EMAIL), grant("g-plain", JOINED, Intent.DEALS, Channel.EMAIL));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US an automated non-marketing SERVICE text needs no written consent")
  void automatedServiceTextIsNotCovered() {
    Decision decision = plain(automated(Purpose.SERVICE, Channel.SMS), grant("g-support", JOINED, Intent.SUPPORT, Channel.SMS));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US, model 5.2 an automated SERVICE text carrying promotion needs written consent")
  void automatedServiceTextWithPromotionNeedsWrittenConsent() {
    Decision decision =
        plain(
            automated(Purpose.SERVICE, Channel.SMS).containsPromotion(true),
            grant("g-support", JOINED, Intent.SUPPORT, Channel.SMS),
            grant("g-promo", JOINED, Intent.PROMOTION, Channel.SMS));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.WRITTEN_CONSENT_REQUIRED);
  }

  // ---- do-not-call registry -----------------------------------------------------------------

  @ParameterizedTest(name = "law.md US a number on the DNC registry gets no marketing {0} on an unwritten grant alone")
  @EnumSource(value = Channel.class, names = {"CALL", "SMS"})
  void doNotCallDeniesWithoutAnException(Channel channel) {
    Decision decision =
        plain(outreach(Purpose.OFFER, channel, NOON), grant("g-plain", JOINED, Intent.DEALS, channel), doNotCall("r-dnc", JOINED));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.DO_NOT_CALL_REGISTRY);
    assertThat(reason(decision, ReasonCode.DO_NOT_CALL_REGISTRY).message()).contains("47 CFR 64.1200(c)(2)");
    assertThat(reason(decision, ReasonCode.DO_NOT_CALL_REGISTRY).event()).contains("r-dnc");
  }

  @Test
  @DisplayName("law.md US DNC: a covering grant with written evidence is an exception")
  void doNotCallWithWrittenConsentIsAllowed() {
    Decision decision =
        plain(outreach(Purpose.OFFER, Channel.CALL, NOON), writtenGrant("g-written", JOINED, Intent.DEALS, Channel.CALL), doNotCall("r-dnc", JOINED));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US DNC: a recent purchase is an exception even with implied consent off")
  void doNotCallWithARecentPurchaseIsAllowedWhateverTheOption() {
    Decision decision =
        plain(
            outreach(Purpose.OFFER, Channel.CALL, NOON),
            grant("g-plain", JOINED, Intent.DEALS, Channel.CALL),
            doNotCall("r-dnc", JOINED),
            purchase("b-recent", NOON.minus(Duration.ofDays(30))));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US DNC: a recent inquiry is an exception even with implied consent off")
  void doNotCallWithARecentInquiryIsAllowed() {
    Decision decision =
        plain(
            outreach(Purpose.OFFER, Channel.SMS, NOON),
            grant("g-plain", JOINED, Intent.DEALS, Channel.SMS),
            doNotCall("r-dnc", JOINED),
            inquiry("i-recent", NOON.minus(Duration.ofDays(30))));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US DNC: a purchase from another entity is no exception")
  void doNotCallWithAnotherEntitysPurchaseIsDenied() {
    Decision decision =
        plain(
            outreach(Purpose.OFFER, Channel.CALL, NOON),
            grant("g-plain", JOINED, Intent.DEALS, Channel.CALL),
            doNotCall("r-dnc", JOINED),
            purchase("b-other", NOON.minus(Duration.ofDays(30)), "sister-co", true));

    assertThat(decision).hasOnlyReasons(ReasonCode.DO_NOT_CALL_REGISTRY);
  }

  @Test
  @DisplayName("law.md US DNC: a relationship does not replace the declared grant a marketing call needs")
  void doNotCallRelationshipWithoutAGrantIsStillDenied() {
    Decision decision =
        plain(outreach(Purpose.OFFER, Channel.CALL, NOON), doNotCall("r-dnc", JOINED), purchase("b-recent", NOON.minus(Duration.ofDays(30))));

    assertThat(decision)
        .isDenied()
        .hasReason(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  @DisplayName("law.md US DNC: a registration after the outreach's instant does not apply")
  void aLaterRegistrationDoesNotApply() {
    Decision decision =
        plain(outreach(Purpose.OFFER, Channel.CALL, NOON), grant("g-plain", JOINED, Intent.DEALS, Channel.CALL), doNotCall("r-dnc", NOON.plusSeconds(1)));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US DNC: a registration at the outreach's instant applies (at or before at)")
  void aRegistrationAtTheSameInstantApplies() {
    Decision decision =
        plain(outreach(Purpose.OFFER, Channel.CALL, NOON), grant("g-plain", JOINED, Intent.DEALS, Channel.CALL), doNotCall("r-dnc", NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.DO_NOT_CALL_REGISTRY);
  }

  @Test
  @DisplayName("law.md US DNC does not hold email")
  void doNotCallDoesNotHoldEmail() {
    Decision decision =
        plain(outreach(Purpose.OFFER, Channel.EMAIL, NOON), grant("g-plain", JOINED, Intent.DEALS, Channel.EMAIL), doNotCall("r-dnc", JOINED));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US DNC does not hold a non-marketing SERVICE call")
  void doNotCallDoesNotHoldServiceCalls() {
    Decision decision =
        plain(outreach(Purpose.SERVICE, Channel.CALL, NOON), grant("g-support", JOINED, Intent.SUPPORT, Channel.CALL), doNotCall("r-dnc", JOINED));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("model.md 4 a UK_TPS registration has no effect in format 1")
  void theUkRegistryHasNoEffect() {
    Registered tps = Registered.builder().id("r-tps").at(JOINED).registry(Registry.UK_TPS).build();

    Decision decision = plain(outreach(Purpose.OFFER, Channel.CALL, NOON), grant("g-plain", JOINED, Intent.DEALS, Channel.CALL), tps);

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("law.md US an automated call to a DNC number on an unwritten grant is denied for both reasons")
  void automatedAndDoNotCallBothDeny() {
    Decision decision =
        plain(automated(Purpose.OFFER, Channel.CALL), grant("g-plain", JOINED, Intent.DEALS, Channel.CALL), doNotCall("r-dnc", JOINED));

    assertThat(decision).hasOnlyReasons(ReasonCode.WRITTEN_CONSENT_REQUIRED, ReasonCode.DO_NOT_CALL_REGISTRY);
  }

  // ---- implied consent ------------------------------------------------------------------------

  @ParameterizedTest(name = "law.md US implied consent stands in on {0}")
  @EnumSource(value = Channel.class, names = {"EMAIL", "POST"})
  void impliedConsentOnEmailAndPost(Channel channel) {
    Decision decision = implied(outreach(Purpose.PROMOTION, channel, NOON), purchase("b-recent", NOON.minus(Duration.ofDays(30))));

    assertThat(decision)
        .isAllowed()
        .hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }

  @ParameterizedTest(name = "law.md US no implied consent on {0}: texts and calls need consent")
  @EnumSource(value = Channel.class, names = {"SMS", "CALL"})
  void noImpliedConsentOnTextsOrCalls(Channel channel) {
    Decision decision = implied(outreach(Purpose.OFFER, channel, NOON), purchase("b-recent", NOON.minus(Duration.ofDays(30))));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  @DisplayName("law.md US implied consent covers OFFER and PROMOTION only, not CONTENT")
  void noImpliedConsentForContent() {
    Decision decision = implied(outreach(Purpose.CONTENT, Channel.EMAIL, NOON), purchase("b-recent", NOON.minus(Duration.ofDays(30))));

    assertThat(decision).isDenied();
  }

  @Test
  @DisplayName("law.md US implied consent needs the option: off, a recent purchase implies nothing")
  void noImpliedConsentWithTheOptionOff() {
    Decision decision = plain(outreach(Purpose.OFFER, Channel.EMAIL, NOON), purchase("b-recent", NOON.minus(Duration.ofDays(30))));

    assertThat(decision).hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  @DisplayName("law.md US implied consent: a purchase from another entity gives OTHER_ENTITY")
  void impliedConsentFromAnotherEntity() {
    Decision decision =
        implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON).entity("acme-us"), purchase("b-other", NOON.minus(Duration.ofDays(30)), "acme-ca", true));

    assertThat(decision)
        .hasReason(ReasonCode.OTHER_ENTITY)
        .doesNotHaveReasons(ReasonCode.IMPLIED_CONSENT_EXPIRED);
  }

  @Test
  @DisplayName("law.md US implied consent: a newer inquiry restarts the clock after an old purchase")
  void aNewerInquiryRestartsTheClock() {
    Decision decision =
        implied(
            outreach(Purpose.OFFER, Channel.EMAIL, NOON),
            purchase("b-old", NOON.minus(Duration.ofDays(1000))),
            inquiry("i-new", NOON.minus(Duration.ofDays(20))));

    assertThat(decision).hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
    assertThat(reason(decision, ReasonCode.IMPLIED_CONSENT).event()).contains("i-new");
  }

  @Test
  @DisplayName("law.md US implied consent: too old gives IMPLIED_CONSENT_EXPIRED with the TCPA citation")
  void tooOldIsExpired() {
    Decision decision = implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON), purchase("b-old", NOON.minus(Duration.ofDays(1000))));

    assertThat(reason(decision, ReasonCode.IMPLIED_CONSENT_EXPIRED).message()).contains("47 CFR 64.1200");
  }
}
