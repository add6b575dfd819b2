package dev.rapport.crm.store;

import dev.rapport.crm.testing.LedgerStoreContract;

/** The in-memory store passes the contract every {@link LedgerStore} must pass. */
final class InMemoryLedgerStoreContractTest extends LedgerStoreContract {
  @Override
  protected LedgerStore newStore() {
    return new InMemoryLedgerStore();
  }
}
