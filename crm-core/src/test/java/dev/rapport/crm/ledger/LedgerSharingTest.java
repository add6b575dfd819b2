package dev.rapport.crm.ledger;

import static dev.rapport.crm.testing.Fixtures.PERSONAL_EMAIL;
import static dev.rapport.crm.testing.Fixtures.PERSONAL_IP;
import static dev.rapport.crm.testing.Fixtures.confirmation;
import static dev.rapport.crm.testing.Fixtures.customer;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.evidence;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A ledger shares its events with the ledgers appended to it, so that appending takes time in the
 * new events only ({@code RULES.md}, the ledger); every ledger stays an immutable value.
 */
final class LedgerSharingTest {
  @Test
  void aLedgerKeepsItsEventsWhenANewerLedgerIsAppendedTo() {
    Ledger one = Ledger.of(customer()).append(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));
    Ledger two = one.append(purchase("p1", day(1)));
    Ledger three = two.append(purchase("p2", day(2)));

    assertThat(one.events()).extracting(LedgerEvent::id).containsExactly("g1");
    assertThat(two.events()).extracting(LedgerEvent::id).containsExactly("g1", "p1");
    assertThat(three.events()).extracting(LedgerEvent::id).containsExactly("g1", "p1", "p2");
    assertThat(one.event("p1")).isEmpty();
    assertThat(two.event("p2")).isEmpty();
    assertThat(three.event("p2")).isPresent();
  }

  @Test
  void appendingToAnOlderLedgerAgainForksItWithoutTouchingTheNewerOne() {
    Ledger one = Ledger.of(customer()).append(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));
    Ledger two = one.append(purchase("p1", day(1)));

    Ledger other = one.append(purchase("x1", day(1)));
    Ledger reused = one.append(purchase("p1", day(3))); // the id p1 is free in one's branch

    assertThat(two.events()).extracting(LedgerEvent::id).containsExactly("g1", "p1");
    assertThat(other.events()).extracting(LedgerEvent::id).containsExactly("g1", "x1");
    assertThat(reused.event("p1").orElseThrow().at()).isEqualTo(day(3));
    assertThat(two.event("p1").orElseThrow().at()).isEqualTo(day(1));
    assertThat(other.event("p1")).isEmpty();
    assertThat(two.append(purchase("p2", day(2))).version()).isEqualTo(3);
  }

  @Test
  void aRefusedBatchLeavesTheSharedEventsAsTheyWere() {
    Ledger one = Ledger.of(customer()).append(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThatThrownBy(() -> one.append(List.of(purchase("p1", day(1)), purchase("g1", day(1)))))
        .isInstanceOf(RejectedEventException.class);
    Ledger two = one.append(purchase("p1", day(1)));

    assertThat(two.events()).extracting(LedgerEvent::id).containsExactly("g1", "p1");
  }

  @Test
  void aConfirmationMayNameAGrantOfTheSameBatchButNotOfAnotherBranch() {
    Ledger empty = Ledger.of(customer());
    Ledger granted = empty.append(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));

    assertThat(empty.append(List.of(grant("g2", day(0), Intent.DEALS, Channel.EMAIL), confirmation("c2", day(1), "g2"))).version())
        .isEqualTo(2);
    assertThatThrownBy(() -> empty.append(confirmation("c1", day(1), "g1")))
        .isInstanceOf(RejectedEventException.class);
    assertThat(granted.append(confirmation("c1", day(1), "g1")).version()).isEqualTo(2);
  }

  @Test
  void eventsCannotBeChangedThroughTheList() {
    Ledger ledger = Ledger.of(customer()).append(purchase("p1", day(1)));

    assertThatThrownBy(() -> ledger.events().add(purchase("p2", day(2))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ledger.events().get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void readersOfAnOlderLedgerSeeItWholeWhileAnotherThreadAppends() throws Exception {
    Ledger base = Ledger.of(customer()).append(purchase("p0", day(0)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Ledger> writer =
          pool.submit(
              () -> {
                Ledger ledger = base;
                for (int i = 1; i < 20_000; i++) {
                  ledger = ledger.append(purchase("p" + i, day(0)));
                }
                return ledger;
              });
      Future<Integer> reader =
          pool.submit(
              () -> {
                int reads = 0;
                while (!writer.isDone()) {
                  assertThat(base.events()).hasSize(1);
                  assertThat(base.events().get(0).id()).isEqualTo("p0");
                  reads++;
                }
                return reads;
              });
      Ledger last = writer.get(60, TimeUnit.SECONDS);
      reader.get(60, TimeUnit.SECONDS);
      assertThat(last.version()).isEqualTo(20_000);
      List<String> ids = new ArrayList<>();
      last.events().forEach(e -> ids.add(e.id()));
      assertThat(ids.get(19_999)).isEqualTo("p19999");
    } finally {
      pool.shutdownNow();
    }
  }

  /** RULES.md, erasure: only the suppression tombstone remains. */
  @Test
  void theTombstoneOfAnErasedLedgerIsTheProfileAndTheErasedEventWithoutDetails() {
    Erased erasure =
        Erased.builder().id("x1").at(day(5)).evidence(evidence().putDetails("phone", "+44 20 7946 0000").build()).build();
    Ledger ledger =
        Ledger.of(customer())
            .append(List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), purchase("p1", day(1)), erasure));

    Ledger tombstone = ledger.tombstone();

    assertThat(tombstone.customer()).isEqualTo(ledger.customer());
    assertThat(tombstone.events()).hasSize(1);
    Erased kept = tombstone.erased().orElseThrow();
    assertThat(kept.id()).isEqualTo("x1");
    assertThat(kept.at()).isEqualTo(day(5));
    Evidence evidence = kept.evidence().orElseThrow();
    assertThat(evidence.details()).isEmpty();
    assertThat(evidence.source()).isEqualTo(erasure.evidence().orElseThrow().source());
    assertThat(evidence.notice()).isEqualTo(erasure.evidence().orElseThrow().notice());
    assertThat(tombstone.toString() + evidence).doesNotContain(PERSONAL_IP, PERSONAL_EMAIL, "7946");
    assertThatThrownBy(() -> Ledger.of(customer()).tombstone()).isInstanceOf(IllegalStateException.class);
  }
}
