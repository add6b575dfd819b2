package dev.rapport.crm.store;

import static dev.rapport.crm.testing.Fixtures.customer;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.evidence;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a store keeps of an erased customer ({@code RULES.md}, "1. Erasure and unknown customers"). */
final class ErasureTest {
  @Test
  void aLedgerWithoutErasureIsKeptAsItIs() {
    Ledger ledger = Ledger.of(customer(), List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)));

    assertThat(Erasure.apply(ledger)).isSameAs(ledger);
  }

  @Test
  void anErasedLedgerKeepsTheProfileAndTheErasureWithItsEvidenceButNotItsDetails() {
    Evidence proof =
        evidence()
            .actor(Actor.STAFF)
            .staff("jane")
            .source(Source.PHONE)
            .written(true)
            .capturedAt(day(2))
            .build();
    Erased erased = Erased.builder().id("x1").at(day(3)).evidence(proof).build();
    Ledger ledger =
        Ledger.of(customer(), List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), purchase("p1", day(1)), erased));

    Ledger tombstone = Erasure.apply(ledger);

    assertThat(tombstone.customer()).isEqualTo(customer());
    assertThat(tombstone.version()).isEqualTo(1);
    Erased kept = tombstone.erased().orElseThrow();
    assertThat(kept.id()).isEqualTo("x1");
    assertThat(kept.at()).isEqualTo(day(3));
    Evidence keptProof = kept.evidence().orElseThrow();
    assertThat(proof.details()).isNotEmpty();
    assertThat(keptProof.details()).isEmpty();
    assertThat(keptProof)
        .isEqualTo(
            Evidence.builder()
                .source(Source.PHONE)
                .actor(Actor.STAFF)
                .staff("jane")
                .notice(proof.notice())
                .written(true)
                .capturedAt(day(2))
                .build());
  }

  @Test
  void anErasureWithoutEvidenceStaysWithoutEvidence() {
    Ledger ledger = Ledger.of(customer(), List.of(Erased.builder().id("x1").at(day(3)).build()));

    assertThat(Erasure.apply(ledger)).isEqualTo(ledger);
  }
}
