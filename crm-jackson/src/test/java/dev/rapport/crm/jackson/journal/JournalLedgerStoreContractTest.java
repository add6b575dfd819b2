package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.testing.LedgerStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The journal passes the contract every {@link LedgerStore} must pass; a new journal per test. */
final class JournalLedgerStoreContractTest extends LedgerStoreContract {
  @TempDir Path dir;

  private JournalLedgerStore journal;

  @Override
  protected LedgerStore newStore() throws Exception {
    journal = JournalLedgerStore.open(dir.resolve("ledgers.journal"));
    return journal;
  }

  @AfterEach
  void close() throws Exception {
    if (journal != null) {
      journal.close();
    }
  }
}
