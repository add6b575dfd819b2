package dev.rapport.crm.store;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where ledgers live. The SPI fits an in-memory map ({@link InMemoryLedgerStore}), an
 * append-only file (the durable store of {@code crm-jackson}) and a database alike.
 *
 * <p>Writes use optimistic concurrency: a writer states the {@linkplain Ledger#version()
 * version} of the ledger it read, and a stale writer gets a {@link VersionConflictException}
 * instead of losing somebody else's event. A refused event ({@link
 * dev.rapport.crm.ledger.RejectedEventException}) leaves the stored ledger unchanged.
 *
 * <p>Implementations are safe for concurrent use by many threads.
 *
 * <pre>{@code
 * Ledger ledger = store.read("c-1").orElseThrow();
 * store.append("c-1", ledger.version(), List.of(withdrawal));
 * }</pre>
 */
public interface LedgerStore {
  /** The customer's ledger, or empty when the store has no profile of that customer. */
  Optional<Ledger> read(String customerId);

  /**
   * Records a new customer with an empty ledger.
   *
   * @throws IllegalArgumentException if the store already knows a customer with that id
   */
  Ledger create(CustomerProfile customer);

  /**
   * Appends {@code events} to the customer's ledger, all or nothing, if the stored ledger is
   * still at {@code expectedVersion}. Returns the new ledger once the events are stored (for a
   * durable store: on disk).
   *
   * @throws VersionConflictException if the stored version is not {@code expectedVersion}
   * @throws java.util.NoSuchElementException if the customer is unknown
   * @throws dev.rapport.crm.ledger.RejectedEventException if an event is refused
   */
  Ledger append(String customerId, int expectedVersion, List<? extends LedgerEvent> events);

  /** The ids of every customer the store knows, in no particular order. */
  Set<String> customerIds();
}
