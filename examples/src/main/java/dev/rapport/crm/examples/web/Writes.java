package dev.rapport.crm.examples.web;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.RejectedEventException;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.store.VersionConflictException;
import java.util.List;
import java.util.function.Function;

/**
 * Appends with optimistic concurrency: read, build the events against what was read, append with
 * that version as expected; on a {@link VersionConflictException} read again and rebuild, up to
 * {@value #ATTEMPTS} times. The builder sees the fresh ledger each time, so a replay check or a
 * comparison with what is on file is always made against the stored state.
 */
final class Writes {
  static final int ATTEMPTS = 5;

  private Writes() {}

  /**
   * Builds events from the stored ledger and appends them; an empty list appends nothing.
   * Returns the ledger as stored.
   */
  static Ledger append(LedgerStore store, String customerId, Function<Ledger, List<LedgerEvent>> events)
      throws HttpProblem {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Ledger ledger = store.read(customerId).orElseThrow(() -> new HttpProblem(404, "we have no customer " + customerId + " on file"));
      List<LedgerEvent> built = events.apply(ledger);
      if (built.isEmpty()) {
        return ledger;
      }
      try {
        return store.append(customerId, ledger.version(), built);
      } catch (VersionConflictException conflict) {
        // somebody else wrote meanwhile: read again and rebuild against what they wrote
      } catch (RejectedEventException rejected) {
        throw new HttpProblem(409, "this change cannot be recorded: " + rejected.getMessage());
      }
    }
    throw new HttpProblem(503, "the record kept changing while we saved; please try again");
  }
}
