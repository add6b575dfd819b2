package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.store.LedgerStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One benchmark thread's writes: one purchase per append, to a customer of the thread's own, and
 * a new customer (its creation counted in) every {@code appendsPerCustomer} appends. The journal's
 * and the PostgreSQL store's append benchmarks both extend it, so that they measure the same
 * writes.
 */
public class AppendingWriter {
  private String customer;
  private int version;

  /** Appends the next purchase to {@code store}, numbering new customers from {@code customers}. */
  protected final Ledger appendPurchase(
      LedgerStore store, AtomicInteger customers, int appendsPerCustomer) {
    if (customer == null || version == appendsPerCustomer) {
      customer = "c-" + customers.incrementAndGet();
      store.create(Fixtures.customer(customer));
      version = 0;
    }
    Ledger ledger = store.append(customer, version, List.of(Fixtures.purchase("e" + version)));
    version++;
    return ledger;
  }
}
