package dev.rapport.crm.campaign;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.store.LedgerStore;
import java.util.List;
import java.util.function.Function;

/**
 * The customers of a campaign, in the order their decisions come out: from any {@link
 * LedgerStore} (every customer it knows, by id) or from ledgers the caller holds.
 */
public final class CustomerSource {
  private static final int SCAN_PAGE = 1_000;

  private final ImmutableList<CampaignCustomer> customers;

  private CustomerSource(ImmutableList<CampaignCustomer> customers) {
    this.customers = customers;
  }

  /**
   * Every customer of {@code store}, read with its paged {@link LedgerStore#scan} in the order of
   * their ids ({@link LedgerStore#CUSTOMER_ID_ORDER}), with the history {@code history} gives for
   * each id. Each ledger is as fresh as its page (see {@code scan}).
   */
  public static CustomerSource of(LedgerStore store, Function<String, List<HistoryEntry>> history) {
    checkNotNull(store, "store");
    checkNotNull(history, "history");
    ImmutableList.Builder<CampaignCustomer> customers = ImmutableList.builder();
    String after = "";
    for (List<Ledger> page; !(page = store.scan(after, SCAN_PAGE)).isEmpty(); ) {
      for (Ledger ledger : page) {
        String id = ledger.customer().id();
        customers.add(CampaignCustomer.of(ledger, checkNotNull(history.apply(id), "history of %s", id)));
      }
      after = page.get(page.size() - 1).customer().id();
    }
    return new CustomerSource(customers.build());
  }

  /** The customers of {@code ledgers}, in their order, each with the history {@code history} gives. */
  public static CustomerSource of(Iterable<Ledger> ledgers, Function<String, List<HistoryEntry>> history) {
    checkNotNull(ledgers, "ledgers");
    checkNotNull(history, "history");
    ImmutableList.Builder<CampaignCustomer> customers = ImmutableList.builder();
    for (Ledger ledger : ledgers) {
      String id = ledger.customer().id();
      customers.add(CampaignCustomer.of(ledger, checkNotNull(history.apply(id), "history of %s", id)));
    }
    return new CustomerSource(customers.build());
  }

  /** The customers given, in their order. */
  public static CustomerSource of(Iterable<CampaignCustomer> customers) {
    return new CustomerSource(ImmutableList.copyOf(checkNotNull(customers, "customers")));
  }

  /** The customers, in order. */
  public List<CampaignCustomer> customers() {
    return customers;
  }

  /** How many customers. */
  public int size() {
    return customers.size();
  }
}
