package dev.rapport.crm.examples.law;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.TeamCode;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A team adds Australia's law to an engine through its builder (the pack interface of {@code
 * RULES.md}, the law): the same ledgers decide differently with and without the pack, and the
 * pack governs Australian customers only.
 */
final class AustralianSpamActPackTest {
  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  private static final PolicyOptions IMPLIED = PolicyOptions.builder().impliedConsent(true).build();
  private static final PolicyEngine WITH_PACK =
      PolicyEngine.builder().options(IMPLIED).addPack(new AustralianSpamActPack()).build();
  private static final PolicyEngine WITHOUT_PACK = PolicyEngine.builder().options(IMPLIED).build();
  private static final Evidence FORM =
      Evidence.builder().source(Source.WEB_FORM).actor(Actor.CUSTOMER).notice("signup-v2").build();

  private static Instant sydney(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), SYDNEY).toInstant();
  }

  private static Ledger ledger(String jurisdiction, ZoneId zone, LedgerEvent... events) {
    return Ledger.of(CustomerProfile.of("c-au-1", Jurisdiction.of(jurisdiction), zone), List.of(events));
  }

  private static Outreach email(Purpose purpose, Instant at) {
    return Outreach.builder().purpose(purpose).channel(Channel.EMAIL).at(at).build();
  }

  @Test
  void aPurchaseImpliesConsentToAPromotionByEmailOnlyWithThePack() {
    Ledger ledger =
        ledger("AU", SYDNEY, Purchased.builder().id("p1").at(sydney("2026-02-01T10:00")).build());
    Outreach promotion = email(Purpose.PROMOTION, sydney("2026-03-10T10:00"));

    Decision with = WITH_PACK.decide(ledger, List.of(), promotion);
    Decision without = WITHOUT_PACK.decide(ledger, List.of(), promotion);

    assertThat(with)
        .isAllowed()
        .hasOnlyReasons(ReasonCode.IMPLIED_CONSENT);
    assertThat(with.reasons().get(0).event()).contains("p1");
    assertThat(without)
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void withoutAnyRelationshipThePackSaysWhyInItsOwnCode() {
    Ledger ledger = ledger("AU", SYDNEY);

    Decision decision = WITH_PACK.decide(ledger, List.of(), email(Purpose.OFFER, sydney("2026-03-10T10:00")));

    assertThat(decision).isDenied();
    assertThat(decision.reasonCodes())
        .containsExactly(ReasonCode.NO_DECLARED_RELATIONSHIP, TeamCode.of(AustralianSpamActPack.NO_INFERRED_CONSENT));
    assertThat(decision.reasons().get(1).message()).contains("Spam Act 2003");
  }

  @Test
  void anEveningMarketingCallWaitsForTelemarketingHours() {
    Ledger ledger =
        ledger(
            "AU",
            SYDNEY,
            Granted.builder()
                .id("g1")
                .at(sydney("2026-01-05T09:00"))
                .addIntents(Intent.PROMOTION)
                .addChannels(Channel.CALL)
                .evidence(FORM)
                .build());
    Outreach call =
        Outreach.builder().purpose(Purpose.OFFER).channel(Channel.CALL).at(sydney("2026-03-10T20:30")).build();

    Decision with = WITH_PACK.decide(ledger, List.of(), call);
    Decision without = WITHOUT_PACK.decide(ledger, List.of(), call);

    assertThat(with).isDeferredUntil(sydney("2026-03-11T09:00"));
    assertThat(with.reasonCodes()).containsExactly(TeamCode.of(AustralianSpamActPack.TELEMARKETING_HOURS));
    assertThat(without).isAllowed();
  }

  @Test
  void thePackGovernsAustralianCustomersOnly() {
    Ledger german =
        ledger("DE", ZoneId.of("Europe/Berlin"), Purchased.builder().id("p1").at(sydney("2026-02-01T10:00")).build());
    Outreach promotion = email(Purpose.PROMOTION, sydney("2026-03-10T10:00"));

    assertThat(WITH_PACK.decide(german, List.of(), promotion))
        .isEqualTo(WITHOUT_PACK.decide(german, List.of(), promotion));
  }
}
