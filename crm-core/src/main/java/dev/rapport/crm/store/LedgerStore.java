package dev.rapport.crm.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Ordering;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import java.util.Comparator;
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
 * <p><b>Erasure.</b> Once a ledger holds an {@link dev.rapport.crm.ledger.Erased} event, the
 * store keeps only its {@linkplain Erasure tombstone}: {@link #read} returns the profile and the
 * erased event alone (version 1), without its evidence's free-form details, and no earlier
 * event is left in storage. Creating the customer again is refused as for any known customer;
 * appending to the tombstone is refused with a {@link
 * dev.rapport.crm.ledger.RejectedEventException} (or a {@link VersionConflictException} when
 * the writer's version is stale) and writes nothing.
 *
 * <p>Implementations are safe for concurrent use by many threads. Every implementation should
 * pass the contract suite {@code dev.rapport.crm.testing.LedgerStoreContract} of crm-core's
 * test jar.
 *
 * <pre>{@code
 * Ledger ledger = store.read("c-1").orElseThrow();
 * store.append("c-1", ledger.version(), List.of(withdrawal));
 * }</pre>
 */
public interface LedgerStore {
  /**
   * The order of a {@linkplain #scan scan}: customer ids by Unicode code point, which is the
   * order of their UTF-8 bytes (a database's binary or {@code "C"} collation).
   */
  Comparator<String> CUSTOMER_ID_ORDER = CodePointOrder.INSTANCE;

  /** The most ledgers one {@linkplain #scan page of a scan} may ask for. */
  int MAX_SCAN_PAGE = 10_000;

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

  /**
   * One page of a scan of every customer (keyset paging): the ledgers of up to {@code limit}
   * customers whose id comes after {@code after} in {@link #CUSTOMER_ID_ORDER}, in that order.
   * Start with {@code ""} (before every id) and pass the last id of each page to get the next;
   * an empty page is the end.
   *
   * <pre>{@code
   * String after = "";
   * for (List<Ledger> page; !(page = store.scan(after, 500)).isEmpty(); ) {
   *   page.forEach(gate::plan);
   *   after = page.get(page.size() - 1).customer().id();
   * }
   * }</pre>
   *
   * <p><b>Consistency.</b> Each ledger is one that {@link #read} returned or could have returned
   * at some moment during the call. Neither a page nor a whole scan is a snapshot of the store:
   * a ledger appended to after its page was read shows the earlier state, and a customer created
   * during a scan is included only if its id comes after the page being read. Customers are
   * never removed (an erased customer stays as its tombstone), so a scan sees every customer that
   * existed when it started, exactly once. A decision made from a scanned ledger is as fresh as
   * its page: read the ledger again right before acting on it if that matters.
   *
   * <p>The default implementation reads {@link #customerIds()} for each page and then each
   * ledger with {@link #read}, which costs a pass over every id per page; a store with an index
   * on the customer id (a database) should override it.
   *
   * @param after the last id of the previous page, or {@code ""} to start
   * @param limit how many ledgers at most, from 1 to {@value #MAX_SCAN_PAGE}
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  default List<Ledger> scan(String after, int limit) {
    checkScan(after, limit);
    List<String> ids =
        Ordering.from(CUSTOMER_ID_ORDER)
            .leastOf(
                customerIds().stream()
                    .filter(id -> CUSTOMER_ID_ORDER.compare(id, after) > 0)
                    .iterator(),
                limit);
    return ids.stream()
        .map(this::read)
        .flatMap(Optional::stream)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Checks the arguments of {@link #scan} as this interface defines them; for implementations
   * that override it.
   *
   * @throws NullPointerException if {@code after} is null
   * @throws IllegalArgumentException if {@code limit} is not from 1 to {@value #MAX_SCAN_PAGE}
   */
  static void checkScan(String after, int limit) {
    checkNotNull(after, "after");
    checkArgument(
        limit >= 1 && limit <= MAX_SCAN_PAGE,
        "a scan page holds 1 to %s ledgers, not %s",
        MAX_SCAN_PAGE,
        limit);
  }
}
