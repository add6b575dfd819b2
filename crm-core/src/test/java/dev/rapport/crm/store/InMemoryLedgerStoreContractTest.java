package dev.rapport.crm.store;

import dev.rapport.crm.testing.LedgerStoreContract;

/**
 * The in-memory store passes the contract every {@link LedgerStore} must pass, with more writers
 * and events in the concurrency tests than the contract's defaults, since they cost little here.
 */
final class InMemoryLedgerStoreContractTest extends LedgerStoreContract {
  @Override
  protected LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }

  @Override
  protected int writers() {
    return 8;
  }

  @Override
  protected int eventsPerWriter() {
    return 200;
  }
}
