package dev.rapport.crm.examples.guide;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.store.InMemoryLedgerStore;
import dev.rapport.crm.store.LedgerStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick start of the top-level README, line for line; keep the two in step. */
final class QuickStartTest {

  @Test
  void the_readme_quick_start_compiles_and_answers_as_the_readme_says() {
    // --- README: quick start -------------------------------------------------------------
    // 1. Record what the customer declared, with the evidence of it.
    LedgerStore store = new InMemoryLedgerStore();
    CustomerProfile customer =
        CustomerProfile.of("c-0101", Jurisdiction.of("GB"), ZoneId.of("Europe/London"));
    Ledger ledger = store.create(customer);
    store.append("c-0101", ledger.version(), List.of(
        Granted.builder()
            .id("e1").at(Instant.parse("2026-03-02T10:00:00Z"))
            .addIntents(Intent.DEALS).addChannels(Channel.EMAIL)
            .evidence(Evidence.builder()
                .source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3")
                .build())
            .build()));

    // 2. Before anything goes out, ask.
    PolicyEngine engine = PolicyEngine.withDefaults();
    Outreach newsletter = Outreach.builder()
        .purpose(Purpose.PROMOTION).channel(Channel.EMAIL)
        .at(Instant.parse("2026-03-10T17:00:00Z"))
        .build();
    Decision decision = engine.decide(store, "c-0101", List.of(), newsletter);

    // 3. Read the answer and its reasons.
    System.out.println(decision.verdict());   // DENY
    for (Reason reason : decision.reasons()) {
      System.out.println(reason.code() + ": " + reason.message());
    }
    // BEYOND_DECLARED_RELATIONSHIP: Declared DEALS only (2026-03-02, preference center,
    //   notice prefs-v3); PROMOTION is beyond it.

    Outreach offer = Outreach.builder()
        .purpose(Purpose.OFFER).channel(Channel.EMAIL)
        .at(Instant.parse("2026-03-10T17:00:00Z"))
        .build();
    Decision allowed = engine.decide(store, "c-0101", List.of(), offer);
    System.out.println(allowed);
    // ALLOW [DECLARED_INTENT] obligations [INCLUDE_UNSUBSCRIBE, ONE_CLICK_UNSUBSCRIBE, IDENTIFY_SENDER]
    // --- end of the README's code -----------------------------------------------------------

    assertThat(decision).isDenied();
    assertThat(decision.reasons()).singleElement().satisfies(r -> {
      assertThat(r.code()).isEqualTo(ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
      assertThat(r.message()).isEqualTo(
          "Declared DEALS only (2026-03-02, preference center, notice prefs-v3); PROMOTION is beyond it.");
    });
    assertThat(allowed).hasToString(
        "ALLOW [DECLARED_INTENT] obligations [INCLUDE_UNSUBSCRIBE, ONE_CLICK_UNSUBSCRIBE, IDENTIFY_SENDER]");
  }
}
