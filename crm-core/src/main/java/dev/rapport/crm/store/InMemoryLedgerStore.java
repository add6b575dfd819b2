package dev.rapport.crm.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link LedgerStore} in memory, safe for concurrent use. Appends to one customer are
 * serialized; appends to different customers run in parallel. An erased customer is kept as
 * its {@linkplain Erasure tombstone}. Nothing survives the process:
 * use it for tests and for applications that keep their ledgers elsewhere.
 */
public final class InMemoryLedgerStore implements LedgerStore {
  private final ConcurrentMap<String, Ledger> ledgers = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryLedgerStore() {}

  @Override
  public Optional<Ledger> read(String customerId) {
    return Optional.ofNullable(ledgers.get(checkNotNull(customerId, "customerId")));
  }

  @Override
  public Ledger create(CustomerProfile customer) {
    Ledger empty = Ledger.of(customer);
    Ledger existing = ledgers.putIfAbsent(customer.id(), empty);
    checkArgument(existing == null, "the store already knows customer %s", customer.id());
    return empty;
  }

  @Override
  public Ledger append(String customerId, int expectedVersion, List<? extends LedgerEvent> events) {
    checkNotNull(events, "events");
    Ledger updated =
        ledgers.computeIfPresent(
            customerId,
            (id, current) -> {
              if (current.version() != expectedVersion) {
                throw new VersionConflictException(id, expectedVersion, current.version());
              }
              return Erasure.apply(current.append(events));
            });
    if (updated == null) {
      throw new NoSuchElementException("the store knows no customer " + customerId);
    }
    return updated;
  }

  @Override
  public Set<String> customerIds() {
    return ImmutableSet.copyOf(ledgers.keySet());
  }
}
