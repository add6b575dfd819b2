package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.decideImplied;
import static dev.rapport.crm.policy.LawFixtures.evidence;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.grantBuilder;
import static dev.rapport.crm.policy.LawFixtures.inquiry;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.objection;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Canadian pack ({@code law.md} CA, CASL): express consent does not expire until withdrawn;
 * implied consent from a purchase within 2 years or an inquiry within 6 months, same entity, for
 * {@code OFFER}/{@code PROMOTION} on email, text and post (CASL s.10(9)(a), s.10(10)). The
 * customer lives in Quebec: a subdivision inherits its country's pack.
 */
final class CanadaPackTest {
  private static final String ZONE = "America/Toronto";
  private static final Instant NOON = local(ZONE, "2026-06-10T12:00");
  private static final Instant LAST_MONTH = NOON.minus(Duration.ofDays(30));

  private static Decision implied(Outreach.Builder outreach, LedgerEvent... events) {
    return decideImplied(ledger(customer("CA-QC", ZONE), events), outreach);
  }

  @ParameterizedTest(name = "law.md CA a recent purchase implies consent on {0} in CA-QC")
  @EnumSource(value = Channel.class, names = {"EMAIL", "SMS", "POST"})
  void aRecentPurchaseImpliesConsent(Channel channel) {
    Decision decision = implied(outreach(Purpose.PROMOTION, channel, NOON), purchase("b1", LAST_MONTH));

    assertThat(decision)
        .isAllowed()
        .hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }

  @ParameterizedTest(name = "law.md CA no implied consent on {0}")
  @EnumSource(value = Channel.class, names = {"CALL", "PUSH", "SOCIAL"})
  void noImpliedConsentOnOtherChannels(Channel channel) {
    Decision decision = implied(outreach(Purpose.OFFER, channel, NOON), purchase("b1", LAST_MONTH));

    assertThat(decision).isDenied();
  }

  @ParameterizedTest(name = "law.md CA, model 5.4 no implied consent for {0}")
  @EnumSource(value = Purpose.class, names = {"CONTENT", "ADVOCACY", "PERSONAL"})
  void noImpliedConsentForOtherPurposes(Purpose purpose) {
    Decision decision = implied(outreach(purpose, Channel.EMAIL, NOON).staff("s-1"), purchase("b1", LAST_MONTH));

    assertThat(decision).isDenied();
  }

  @Test
  @DisplayName("law.md CA, model 5.4 implied consent needs the option: off, only declarations count")
  void impliedConsentNeedsTheOption() {
    Decision decision = decide(ledger(customer("CA-QC", ZONE), purchase("b1", LAST_MONTH)), outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  @DisplayName("law.md CA express consent does not expire: a grant ten years old still covers")
  void expressConsentDoesNotExpire() {
    Decision decision =
        decide(
            ledger(customer("CA-ON", ZONE), grant("g-old", NOON.minus(Duration.ofDays(3650)), Intent.DEALS, Channel.EMAIL)),
            outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(decision).hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  @DisplayName("law.md CA a grant's own expiresAt still applies")
  void aGrantsOwnExpiryApplies() {
    Decision decision =
        decide(
            ledger(
                customer("CA-ON", ZONE),
                grantBuilder("g-until", NOON.minus(Duration.ofDays(100)), Intent.DEALS, Channel.EMAIL).expiresAt(NOON).build()),
            outreach(Purpose.OFFER, Channel.EMAIL, NOON));

    assertThat(decision).hasReason(ReasonCode.EXPIRED);
  }

  @Test
  @DisplayName("law.md CA too old: IMPLIED_CONSENT_EXPIRED citing CASL s.10(9)(a)")
  void tooOldIsExpiredWithCitation() {
    Decision decision = implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON), purchase("b-old", NOON.minus(Duration.ofDays(800))));

    assertThat(decision).isDenied();
    assertThat(reason(decision, ReasonCode.IMPLIED_CONSENT_EXPIRED).message()).contains("CASL s.10(9)(a)");
  }

  @Test
  @DisplayName("law.md CA only with another entity: OTHER_ENTITY citing CASL s.10(9)(a)")
  void anotherEntityIsNamedWithCitation() {
    Decision decision =
        implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON).entity("acme-qc"), purchase("b-other", LAST_MONTH, "acme-on", true));

    assertThat(decision)
        .isDenied()
        .hasReason(ReasonCode.OTHER_ENTITY).doesNotHaveReasons(ReasonCode.IMPLIED_CONSENT_EXPIRED);
    assertThat(reason(decision, ReasonCode.OTHER_ENTITY).message()).contains("CASL s.10(9)(a)");
  }

  @Test
  @DisplayName("law.md CA the same named entity implies consent")
  void theSameNamedEntityImpliesConsent() {
    Decision decision =
        implied(outreach(Purpose.OFFER, Channel.EMAIL, NOON).entity("acme-qc"), purchase("b-same", LAST_MONTH, "acme-qc", false));

    assertThat(decision).hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }

  @Test
  @DisplayName("law.md CA a newer inquiry restarts the clock after a purchase too old")
  void aNewerInquiryRestartsTheClock() {
    Decision decision =
        implied(
            outreach(Purpose.OFFER, Channel.EMAIL, NOON),
            purchase("b-old", NOON.minus(Duration.ofDays(800))),
            inquiry("i-new", NOON.minus(Duration.ofDays(100))));

    assertThat(decision).hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
  }

  @DisplayName("law.md CA, model 5.4 a withdrawal or an objection ends implied consent for good: a later purchase does not revive it")
  @ParameterizedTest(name = "after a {0}")
  @CsvSource({"withdrawal", "objection"})
  void aWithdrawalOrObjectionEndsImpliedConsent(String ending) {
    LedgerEvent end =
        ending.equals("withdrawal")
            ? Withdrawn.builder().id("w1").at(NOON.minus(Duration.ofDays(60))).addIntents(Intent.PROMOTION).addChannels(Channel.EMAIL).evidence(evidence().build()).build()
            : objection("o1", NOON.minus(Duration.ofDays(60)));

    Decision decision = implied(outreach(Purpose.PROMOTION, Channel.EMAIL, NOON), end, purchase("b-after", LAST_MONTH));

    assertThat(decision)
        .isDenied()
        .doesNotHaveReasons(ReasonCode.IMPLIED_CONSENT);
  }
}
