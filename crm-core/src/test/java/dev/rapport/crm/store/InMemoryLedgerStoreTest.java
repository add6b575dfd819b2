package dev.rapport.crm.store;

import static dev.rapport.crm.testing.Fixtures.CUSTOMER_ID;
import static dev.rapport.crm.testing.Fixtures.confirmation;
import static dev.rapport.crm.testing.Fixtures.customer;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static dev.rapport.crm.testing.RapportAssertions.assertThatThrownBy;
import static dev.rapport.crm.testing.RapportAssertions.catchThrowableOfType;

import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.RejectedEventException;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The in-memory store and its optimistic concurrency ({@code LedgerStore}). */
final class InMemoryLedgerStoreTest {
  private static final Granted G1 = grant("g1", day(0), Intent.DEALS, Channel.EMAIL);

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();

  @Test
  void aCreatedCustomerHasAnEmptyLedger() {
    Ledger created = store.create(customer());

    assertThat(created).isEqualTo(Ledger.of(customer()));
    assertThat(store.read(CUSTOMER_ID)).contains(created);
  }

  @Test
  void anUnknownCustomerReadsAsEmpty() {
    assertThat(store.read("c-404")).isEmpty();
  }

  @Test
  void creatingAKnownCustomerAgainIsRefused() {
    store.create(customer());

    assertThatThrownBy(() -> store.create(customer()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the store already knows customer c-1");
  }

  @Test
  void appendingToAnUnknownCustomerIsRefused() {
    assertThatThrownBy(() -> store.append("c-404", 0, List.of(G1)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("the store knows no customer c-404");
  }

  @Test
  void anAppendAtTheReadVersionIsStoredAndReturned() {
    store.create(customer());

    Ledger appended = store.append(CUSTOMER_ID, 0, List.of(G1, objection("o1", day(1))));

    assertThat(appended.version()).isEqualTo(2);
    assertThat(store.read(CUSTOMER_ID)).contains(appended);
  }

  @Test
  void anAppendAtAStaleVersionConflictsAndWritesNothing() {
    store.create(customer());
    store.append(CUSTOMER_ID, 0, List.of(G1));

    VersionConflictException conflict =
        catchThrowableOfType(
            VersionConflictException.class,
            () -> store.append(CUSTOMER_ID, 0, List.of(objection("o1", day(1)))));

    assertThat(conflict)
        .hasMessage("ledger of customer c-1 is at version 1, not the expected 0: read it again and retry");
    assertThat(conflict.customerId()).isEqualTo(CUSTOMER_ID);
    assertThat(conflict.expectedVersion()).isZero();
    assertThat(conflict.actualVersion()).isEqualTo(1);
    assertThat(store.read(CUSTOMER_ID).orElseThrow().events()).containsExactly(G1);
  }

  @Test
  void anAppendAtAVersionFromTheFutureConflicts() {
    store.create(customer());

    assertThatThrownBy(() -> store.append(CUSTOMER_ID, 5, List.of(G1)))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void aRejectedEventLeavesTheStoredLedgerUnchanged() {
    store.create(customer());
    Ledger before = store.append(CUSTOMER_ID, 0, List.of(G1));

    assertThatThrownBy(
            () ->
                store.append(
                    CUSTOMER_ID,
                    1,
                    List.of(purchase("p1", day(1)), confirmation("c1", day(2), "g404"))))
        .isInstanceOf(RejectedEventException.class);

    assertThat(store.read(CUSTOMER_ID)).contains(before);
  }

  @Test
  void theStoreListsTheCustomersItKnows() {
    store.create(customer());

    assertThat(store.customerIds()).containsExactly(CUSTOMER_ID);
  }
}
