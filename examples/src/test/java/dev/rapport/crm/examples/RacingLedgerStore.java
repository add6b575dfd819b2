package dev.rapport.crm.examples;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.store.VersionConflictException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A real store with a rival writer: while races are left, each append is preceded by the
 * rival's own append of {@code rival.apply(version)}, so the writer under test meets a genuine
 * {@link VersionConflictException} and must read again.
 */
public final class RacingLedgerStore implements LedgerStore {
  private final LedgerStore delegate;
  private final IntFunction<LedgerEvent> rival;
  private int races;
  private int conflicts;

  /** A store over {@code delegate} whose rival appends {@code rival.apply(version)}. */
  public RacingLedgerStore(LedgerStore delegate, IntFunction<LedgerEvent> rival) {
    this.delegate = delegate;
    this.rival = rival;
  }

  /** Lets the rival win the next {@code count} appends. */
  public synchronized void race(int count) {
    races = count;
  }

  /** How many appends lost to the rival so far. */
  public synchronized int conflicts() {
    return conflicts;
  }

  @Override
  public Optional<Ledger> read(String customerId) {
    return delegate.read(customerId);
  }

  @Override
  public Ledger create(CustomerProfile customer) {
    return delegate.create(customer);
  }

  @Override
  public synchronized Ledger append(String customerId, int expectedVersion, List<? extends LedgerEvent> events) {
    if (races > 0) {
      races--;
      int version = delegate.read(customerId).orElseThrow().version();
      delegate.append(customerId, version, List.of(rival.apply(version)));
      try {
        return delegate.append(customerId, expectedVersion, events);
      } catch (VersionConflictException conflict) {
        conflicts++;
        throw conflict;
      }
    }
    return delegate.append(customerId, expectedVersion, events);
  }

  @Override
  public Set<String> customerIds() {
    return delegate.customerIds();
  }
}
