package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Ordering;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.internal.Access;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A customer's append-only ledger ({@code RULES.md} "The ledger"): the profile and every event
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
  static {
    // The engine reaches a ledger's kept reading through crm-core's unexported internal package.
    Access.<Ledger>setReadings(Ledger.class, Standing::reading);
  }

  /** The longest batch whose ids are checked against each other by a scan rather than a map. */
  private static final int SCANNED_BATCH = 8;

  private static final Ordering<LedgerEvent> BY_TIME =
      Ordering.natural().onResultOf(LedgerEvent::at);

  private final CustomerProfile customer;
  /** Shared by this ledger and the ledgers appended to it; this ledger sees its first size. */
  private final Log log;
  private volatile @Nullable Standing standing;
  /** A reader's own form of {@link #standing}, made on first use: see {@link Standing#reading}. */
  private volatile @Nullable Object reading;

  private final int size;
  /** The position of the {@link Erased} event, or -1. */
  private final int erasedAt;
  /**
   * The latest instant of an event as seconds and nanoseconds ({@code latestSecond} is {@link
   * Long#MIN_VALUE} for no event): whether the fold of every event is the standing at an instant.
   */
  private final long latestSecond;
  private final int latestNano;

  /**
   * {@link #events()}, made on first use (most ledgers of a replay are never read): a racy cache
   * that is safe because a {@link View} is immutable, its fields final.
   */
  private @Nullable List<LedgerEvent> events;

  private Ledger(
      CustomerProfile customer, Log log, int size, int erasedAt, long latestSecond, int latestNano) {
    this.customer = customer;
    this.log = log;
    this.size = size;
    this.erasedAt = erasedAt;
    this.latestSecond = latestSecond;
    this.latestNano = latestNano;
  }

  /** An empty ledger for the customer: a known customer with no relationship yet. */
  public static Ledger of(CustomerProfile customer) {
    return new Ledger(checkNotNull(customer, "customer"), new Log(0), 0, -1, Long.MIN_VALUE, 0);
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

  /** Every event in ledger (append) order; an unmodifiable list that never changes. */
  public List<LedgerEvent> events() {
    List<LedgerEvent> view = events;
    if (view == null) {
      view = new View(log, size);
      events = view;
    }
    return view;
  }

  /** The number of events; the version used for optimistic concurrency by stores. */
  public int version() {
    return size;
  }

  /** The event with this id, if the ledger holds one. */
  public Optional<LedgerEvent> event(String id) {
    int position = log.position(checkNotNull(id, "id"));
    return position >= 0 && position < size ? Optional.of(log.get(position)) : Optional.empty();
  }

  /** The {@link Erased} event, if the customer was erased. */
  public Optional<Erased> erased() {
    return erasedAt < 0 ? Optional.empty() : Optional.of((Erased) log.get(erasedAt));
  }

  /**
   * The suppression tombstone of an erased customer ({@code RULES.md}, erasure): a ledger of the
   * profile and the {@link Erased} event alone, whose evidence keeps its source, actor, staff,
   * notice and flags but no free-form details. Every earlier event is dropped, so every
   * decision about the customer is denied.
   *
   * @throws IllegalStateException if the customer was not erased
   */
  public Ledger tombstone() {
    Erased erased =
        erased().orElseThrow(() -> new IllegalStateException("customer " + customer.id() + " was not erased"));
    Erased kept =
        ImmutableErased.builder()
            .from(erased)
            .evidence(
                erased.evidence().map(e -> ImmutableEvidence.builder().from(e).details(ImmutableMap.of()).build()))
            .build();
    return of(customer, ImmutableList.of(kept));
  }

  /**
   * The events at or before {@code at}, ordered by {@code at}, ties by ledger position: the
   * state of the relationship at that instant ({@code RULES.md} "The ledger").
   */
  public List<LedgerEvent> asOf(Instant at) {
    checkNotNull(at, "at");
    return BY_TIME.immutableSortedCopy(
        events().stream().filter(e -> !e.at().isAfter(at)).collect(ImmutableList.toImmutableList()));
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

  /** Whether an event lies after {@code at}: if not, {@link #standing()} is the standing at {@code at}. */
  boolean hasEventAfter(Instant at) {
    return latestSecond != Long.MIN_VALUE
        && (latestSecond > at.getEpochSecond()
            || (latestSecond == at.getEpochSecond() && latestNano > at.getNano()));
  }

  /** The form {@code derive} makes of {@link #standing()}, made on first use and kept. */
  <T> T reading(Class<T> type, Function<? super Standing, ? extends T> derive) {
    Object kept = reading;
    if (type.isInstance(kept)) {
      return type.cast(kept);
    }
    T derived = checkNotNull(derive.apply(standing()), "derived reading");
    reading = derived;
    return derived;
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
   * A new ledger with {@code newEvents} appended in order, all or nothing. Takes time in the
   * number of new events, not in the size of the ledger: the new ledger shares this one's
   * events.
   *
   * @throws RejectedEventException if any event is refused; no event is appended
   */
  public Ledger append(List<? extends LedgerEvent> newEvents) {
    checkNotNull(newEvents, "events");
    List<LedgerEvent> batch = ImmutableList.copyOf(newEvents); // the list itself if immutable
    if (batch.isEmpty()) {
      return this;
    }
    synchronized (log) {
      // A ledger appended to twice (an older version appended again) forks its own copy.
      Log target = log.size() == size ? log : log.copyOf(size);
      // The batch's earlier events by id, for a batch too long to scan.
      @Nullable Map<String, LedgerEvent> inBatch = batch.size() > SCANNED_BATCH ? new HashMap<>() : null;
      boolean erased = erasedAt >= 0;
      int erasedPosition = erasedAt;
      long second = latestSecond;
      int nano = latestNano;
      for (int i = 0; i < batch.size(); i++) {
        LedgerEvent event = batch.get(i);
        check(event, target, batch, i, inBatch, erased);
        if (inBatch != null) {
          inBatch.put(event.id(), event);
        }
        if (event instanceof Erased && !erased) {
          erased = true;
          erasedPosition = size + i;
        }
        Instant at = event.at();
        if (at.getEpochSecond() > second || (at.getEpochSecond() == second && at.getNano() > nano)) {
          second = at.getEpochSecond();
          nano = at.getNano();
        }
      }
      target.addAll(batch); // only once every event passed: nothing of a refused batch is kept
      return new Ledger(customer, target, size + batch.size(), erasedPosition, second, nano);
    }
  }

  /**
   * Refuses {@code batch.get(i)} if the ledger or the batch before it already holds its id, if it
   * confirms no grant of either, or if it follows an erasure. Called holding the log's monitor.
   */
  private void check(
      LedgerEvent event,
      Log target,
      List<LedgerEvent> batch,
      int i,
      @Nullable Map<String, LedgerEvent> inBatch,
      boolean erased) {
    checkNotNull(event, "event");
    if (erased) {
      throw new RejectedEventException(
          event.id(),
          "customer "
              + customer.id()
              + " was erased; no event may follow (event "
              + event.id()
              + ")");
    }
    if (held(target, event.id()) != null || earlier(event.id(), batch, i, inBatch) != null) {
      throw new RejectedEventException(
          event.id(), "ledger of customer " + customer.id() + " already holds an event " + event.id());
    }
    if (event instanceof Confirmed) {
      String grant = ((Confirmed) event).grant();
      LedgerEvent named = held(target, grant);
      if (named == null) {
        named = earlier(grant, batch, i, inBatch);
      }
      if (!(named instanceof Granted)) {
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

  /** This ledger's event with this id, if any; called holding the monitor of {@code target}. */
  private @Nullable LedgerEvent held(Log target, String id) {
    int position = target.indexOf(id);
    return position >= 0 && position < size ? target.get(position) : null;
  }

  /**
   * The event with this id among the first {@code end} of the batch: from {@code inBatch} when
   * there is one, else by a scan (a short batch).
   */
  private static @Nullable LedgerEvent earlier(
      String id, List<LedgerEvent> batch, int end, @Nullable Map<String, LedgerEvent> inBatch) {
    if (inBatch != null) {
      return inBatch.get(id);
    }
    for (int j = 0; j < end; j++) {
      if (batch.get(j).id().equals(id)) {
        return batch.get(j);
      }
    }
    return null;
  }

  /** Whether this ledger's id index moved to a map, its ids sharing hashes ({@link Log#COLLISIONS}). */
  boolean indexesCollidingIds() {
    return log.collided();
  }

  /** Whether this ledger and {@code other} share one log: one was appended to the other in place. */
  boolean sharesLogWith(Ledger other) {
    return log == other.log;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Ledger
        && ((Ledger) other).customer.equals(customer)
        && ((Ledger) other).events().equals(events());
  }

  @Override
  public int hashCode() {
    return 31 * customer.hashCode() + events().hashCode();
  }

  /** The customer id and the number of events; never the events' content. */
  @Override
  public String toString() {
    return "Ledger{customer=" + customer.id() + ", events=" + size + "}";
  }

  /**
   * The events of a line of ledgers, each appended to the last: it only grows, and a ledger of
   * version {@code n} sees its first {@code n} events, which never change. Appends hold the
   * log's monitor; readers of the events read without locking.
   *
   * <p>The index of event ids is open addressing, guarded by the monitor: a slot is two ints of
   * {@code slots}, the id's hash and its position plus one (0 is an empty slot), found from the
   * hash by linear probing; an id is compared through the events only where the hash is equal, so
   * a probe rarely leaves the table. It is kept at most three quarters full. A position at or past
   * a ledger's size is not that ledger's.
   *
   * <p>Ids can be made to share a {@link String#hashCode} ("Aa" and "BB" do), and a probe walks
   * past every id of its hash: a ledger of such ids would cost time quadratic in its size. Once a
   * probe meets more than {@link #COLLISIONS} of them, the log moves its index to a {@link
   * HashMap}, which keeps the ids of one hash in a tree, and uses it from then on.
   */
  private static final class Log {
    /** Ids of one hash a probe may meet before the index moves to a map. */
    static final int COLLISIONS = 8;

    private volatile LedgerEvent[] events;
    /** The index once ids collided, in place of {@code slots}; guarded by this. */
    private @Nullable HashMap<String, Integer> collided;
    /** Ids of the probed id's hash that the last probe met; guarded by this. */
    private int met;
    private int[] slots; // guarded by this: slot s is slots[2s] (hash) and slots[2s + 1] (position + 1)
    private int indexed; // guarded by this: the ids in slots
    private int size; // guarded by this

    Log(int capacity) {
      this.events = new LedgerEvent[Math.max(capacity, 4)];
      this.slots = new int[2 * slotsFor(capacity)];
    }

    int size() {
      return size;
    }

    /** The position of the event with this id, or -1. */
    synchronized int position(String id) {
      return indexOf(id);
    }

    /** The position of the event with this id, or -1; called holding this log's monitor. */
    int indexOf(String id) {
      if (collided != null) {
        Integer position = collided.get(id);
        return position == null ? -1 : position;
      }
      int slot = slotOf(id, id.hashCode(), events);
      return slot < 0 ? -1 : slots[2 * slot + 1] - 1;
    }

    LedgerEvent get(int position) {
      return events[position];
    }

    Log copyOf(int length) { // called holding this log's monitor; the copy is not yet shared
      Log copy = new Log(length + 4);
      LedgerEvent[] source = events;
      for (int i = 0; i < length; i++) {
        copy.events[i] = source[i];
        copy.index(copy.events, i);
      }
      copy.size = length;
      return copy;
    }

    void addAll(List<LedgerEvent> batch) {
      LedgerEvent[] target = events;
      if (size + batch.size() > target.length) {
        target = Arrays.copyOf(target, Math.max(target.length * 2, size + batch.size()));
      }
      for (LedgerEvent event : batch) {
        target[size] = event;
        index(target, size);
        size++;
      }
      events = target; // publishes the new events to readers of the array
    }

    /** Indexes the event at {@code position} of {@code in} unless its id is indexed: the first wins. */
    private void index(LedgerEvent[] in, int position) {
      if (collided != null) {
        collided.putIfAbsent(in[position].id(), position);
        return;
      }
      if ((indexed + 1) * 4 > (slots.length >> 1) * 3) {
        rehash(slots.length); // twice as many slots: slots holds two ints a slot
      }
      String id = in[position].id();
      int hash = id.hashCode();
      int slot = slotOf(id, hash, in);
      if (slot < 0 && met > COLLISIONS) {
        collide(in, position);
      } else if (slot < 0) {
        int empty = -(slot + 1);
        slots[2 * empty] = hash;
        slots[2 * empty + 1] = position + 1;
        indexed++;
      }
    }

    /** Moves the index to a map: the ids up to {@code position} of {@code in}, the first wins. */
    private void collide(LedgerEvent[] in, int position) {
      HashMap<String, Integer> map = new HashMap<>();
      for (int i = 0; i <= position; i++) {
        map.putIfAbsent(in[i].id(), i);
      }
      collided = map;
      slots = new int[0];
    }

    /** Whether the index moved to a map ({@link #COLLISIONS}). */
    synchronized boolean collided() {
      return collided != null;
    }

    /**
     * The slot holding {@code id} (whose hash is {@code hash}), compared through the events
     * {@code in}; or, if none does, {@code -(s + 1)} for the empty slot {@code s} where it goes.
     */
    private int slotOf(String id, int hash, LedgerEvent[] in) {
      int[] table = slots;
      int mask = (table.length >> 1) - 1;
      met = 0;
      for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
        int entry = table[2 * slot + 1];
        if (entry == 0) {
          return -(slot + 1);
        }
        if (table[2 * slot] == hash) {
          if (in[entry - 1].id().equals(id)) {
            return slot;
          }
          met++;
        }
      }
    }

    /** Moves every id to a table of {@code count} slots, by the hashes it holds. */
    private void rehash(int count) {
      int[] table = new int[2 * count];
      int mask = count - 1;
      for (int from = 0; from < slots.length; from += 2) {
        if (slots[from + 1] != 0) {
          int slot = spread(slots[from]) & mask;
          while (table[2 * slot + 1] != 0) {
            slot = (slot + 1) & mask;
          }
          table[2 * slot] = slots[from];
          table[2 * slot + 1] = slots[from + 1];
        }
      }
      slots = table;
    }

    /** Slots for {@code ids} ids at most three quarters full: a power of two, at least 8. */
    private static int slotsFor(int ids) {
      int count = 8;
      while (count * 3 < ids * 4) {
        count <<= 1;
      }
      return count;
    }

    /** Mixes the hash so that ids with close hashes (e1, e2, ...) spread over the slots. */
    private static int spread(int hash) {
      int mixed = hash * 0x9E3779B9;
      return mixed ^ (mixed >>> 16);
    }
  }

  /** A ledger's events: the first {@code size} of its log. */
  private static final class View extends AbstractList<LedgerEvent> implements RandomAccess {
    private final Log log;
    private final int size;

    View(Log log, int size) {
      this.log = log;
      this.size = size;
    }

    @Override
    public LedgerEvent get(int index) {
      checkElementIndex(index, size);
      return log.get(index);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
