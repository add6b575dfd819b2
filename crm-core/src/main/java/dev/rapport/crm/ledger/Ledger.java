package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Ordering;
import dev.rapport.crm.customer.CustomerProfile;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A customer's append-only ledger ({@code model.md} section 4): the profile and every event
 * ever recorded, in the order they were appended. A ledger is an immutable value; appending
 * returns a new ledger and never changes this one.
 *
 * <p>Appending validates each event against the ledger: its id must be new, a {@link Confirmed}
 * event must name a {@link Granted} event the ledger holds, and nothing may follow an
 * {@link Erased} event. Appending several events is all-or-nothing.
 *
 * <p>Events may be appended out of time order (a back-filled import); {@link #asOf(Instant)}
 * orders them by {@code at}, ties by ledger position.
 *
 * <pre>{@code
 * Ledger ledger = Ledger.of(profile).append(grant);
 * List<LedgerEvent> march = ledger.asOf(Instant.parse("2026-03-31T23:59:59Z"));
 * }</pre>
 */
public final class Ledger {
  private static final Ordering<LedgerEvent> BY_TIME =
      Ordering.natural().onResultOf(LedgerEvent::at);

  private final CustomerProfile customer;
  private final ImmutableList<LedgerEvent> events;
  private final ImmutableMap<String, LedgerEvent> byId;
  private volatile @Nullable Standing standing;

  private Ledger(CustomerProfile customer, ImmutableList<LedgerEvent> events) {
    this.customer = customer;
    this.events = events;
    this.byId = ImmutableMap.copyOf(indexById(events));
  }

  /** An empty ledger for the customer: a known customer with no relationship yet. */
  public static Ledger of(CustomerProfile customer) {
    return new Ledger(checkNotNull(customer, "customer"), ImmutableList.of());
  }

  /**
   * A ledger holding {@code events} in this order, each validated as if appended one by one.
   *
   * @throws RejectedEventException if an event is refused
   */
  public static Ledger of(CustomerProfile customer, List<? extends LedgerEvent> events) {
    return of(customer).append(events);
  }

  /** The customer this ledger is about. */
  public CustomerProfile customer() {
    return customer;
  }

  /** Every event in ledger (append) order. */
  public List<LedgerEvent> events() {
    return events;
  }

  /** The number of events; the version used for optimistic concurrency by stores. */
  public int version() {
    return events.size();
  }

  /** The event with this id, if the ledger holds one. */
  public Optional<LedgerEvent> event(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The {@link Erased} event, if the customer was erased. */
  public Optional<Erased> erased() {
    return events.stream()
        .filter(Erased.class::isInstance)
        .map(Erased.class::cast)
        .findFirst();
  }

  /**
   * The events at or before {@code at}, ordered by {@code at}, ties by ledger position: the
   * state of the relationship at that instant ({@code model.md} section 4).
   */
  public List<LedgerEvent> asOf(Instant at) {
    checkNotNull(at, "at");
    return BY_TIME.immutableSortedCopy(
        events.stream().filter(e -> !e.at().isAfter(at)).collect(ImmutableList.toImmutableList()));
  }

  /** The fold of every event, computed on first use and kept: see {@link Standing#of}. */
  Standing standing() {
    Standing folded = standing;
    if (folded == null) {
      folded = Standing.fold(this);
      standing = folded;
    }
    return folded;
  }

  /**
   * A new ledger with {@code event} appended.
   *
   * @throws RejectedEventException if the event is refused; this ledger is unchanged
   */
  public Ledger append(LedgerEvent event) {
    return append(ImmutableList.of(event));
  }

  /**
   * A new ledger with {@code newEvents} appended in order, all or nothing.
   *
   * @throws RejectedEventException if any event is refused; no event is appended
   */
  public Ledger append(List<? extends LedgerEvent> newEvents) {
    checkNotNull(newEvents, "events");
    Map<String, LedgerEvent> seen = new HashMap<>(byId);
    boolean erased = erased().isPresent();
    for (LedgerEvent event : newEvents) {
      checkNotNull(event, "event");
      check(event, seen, erased);
      seen.put(event.id(), event);
      erased |= event instanceof Erased;
    }
    return new Ledger(
        customer, ImmutableList.<LedgerEvent>builder().addAll(events).addAll(newEvents).build());
  }

  private void check(LedgerEvent event, Map<String, LedgerEvent> seen, boolean erased) {
    if (!event.getClass().getPackageName().equals(Ledger.class.getPackageName())) {
      throw new RejectedEventException(
          event.id(), "event " + event.id() + " is not one of Rapport's event types");
    }
    if (erased) {
      throw new RejectedEventException(
          event.id(),
          "customer "
              + customer.id()
              + " was erased; no event may follow (event "
              + event.id()
              + ")");
    }
    if (seen.containsKey(event.id())) {
      throw new RejectedEventException(
          event.id(), "ledger of customer " + customer.id() + " already holds an event " + event.id());
    }
    if (event instanceof Confirmed) {
      String grant = ((Confirmed) event).grant();
      if (!(seen.get(grant) instanceof Granted)) {
        throw new RejectedEventException(
            event.id(),
            "confirmed event "
                + event.id()
                + " names grant "
                + grant
                + ", which is not a granted event of this ledger");
      }
    }
  }

  private static Map<String, LedgerEvent> indexById(List<LedgerEvent> events) {
    Map<String, LedgerEvent> index = new HashMap<>();
    events.forEach(e -> index.put(e.id(), e));
    return index;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Ledger
        && ((Ledger) other).customer.equals(customer)
        && ((Ledger) other).events.equals(events);
  }

  @Override
  public int hashCode() {
    return 31 * customer.hashCode() + events.hashCode();
  }

  /** The customer id and the number of events; never the events' content. */
  @Override
  public String toString() {
    return "Ledger{customer=" + customer.id() + ", events=" + events.size() + "}";
  }
}
