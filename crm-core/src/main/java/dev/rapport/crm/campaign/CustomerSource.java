package dev.rapport.crm.campaign;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.store.LedgerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The customers of a campaign, in the order their decisions come out: from any {@link
 * LedgerStore} (every customer it knows, by id) or from ledgers the caller holds.
 */
public final class CustomerSource {
  private final ImmutableList<CampaignCustomer> customers;

  private CustomerSource(ImmutableList<CampaignCustomer> customers) {
    this.customers = customers;
  }

  /**
   * Every customer of {@code store}, in the order of their ids, with the history {@code
   * history} gives for each id. A customer removed while the ids are read is kept, as unknown.
   */
  public static CustomerSource of(LedgerStore store, Function<String, List<HistoryEntry>> history) {
    checkNotNull(store, "store");
    checkNotNull(history, "history");
    List<String> ids = new ArrayList<>(store.customerIds());
    ids.sort(null);
    ImmutableList.Builder<CampaignCustomer> customers = ImmutableList.builderWithExpectedSize(ids.size());
    for (String id : ids) {
      Optional<Ledger> ledger = store.read(id);
      customers.add(
          ledger.isPresent()
              ? CampaignCustomer.of(ledger.get(), checkNotNull(history.apply(id), "history of %s", id))
              : CampaignCustomer.unknown(id));
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
