package dev.rapport.crm.benchmarks;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jol.info.GraphLayout;

/**
 * Appending 1,000,000 events one at a time, as a journal replay does: a score is events per
 * second, and {@code gc.alloc.rate.norm} (with {@code -prof gc}) is bytes allocated per event.
 * The events are built once, before anything is measured: per ten, a grant, a confirmation of
 * that grant, and eight purchases, ids unique.
 *
 * <ul>
 *   <li>{@code oneLedger}: all of them to one ledger (its index grows to a million ids).
 *   <li>{@code interleaved}: 1,000 ledgers of 1,000 events, appended round-robin (one event to
 *       each ledger in turn), as a journal of many customers is replayed.
 *   <li>{@code build}: building the same events again from their parts (each event's own
 *       validation at construction), for the cost of validation beside the append.
 *   <li>{@code control}: the least an append can do, in plain Java: the event into an {@code
 *       ArrayList} and its id into a {@code HashMap<String, Integer>}.
 * </ul>
 *
 * <p>Setup prints the bytes a one-ledger line of 1,000,000 events keeps beyond the events and a
 * plain array of them (JOL): its index of ids, the slack of its array, the last ledger; per event.
 *
 * <pre>
 * mvn -B -q -pl crm-core -Pbenchmarks -DskipTests verify -Djmh.args="LedgerAppendBenchmark -prof gc"
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class LedgerAppendBenchmark {
  private static final int EVENTS = 1_000_000;
  private static final int LEDGERS = 1_000;
  private static final int PER_LEDGER = EVENTS / LEDGERS;
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private final Evidence evidence =
      Evidence.builder()
          .source(Source.PREFERENCE_CENTER)
          .actor(Actor.CUSTOMER)
          .notice("prefs-v3")
          .putDetails("ip", "203.0.113.77")
          .build();
  private CustomerProfile[] customers;
  private String[] ids;
  private LedgerEvent[] events;

  /** Builds the events and checks that both appends hold all of them. */
  @Setup(Level.Trial)
  public void setUp() {
    customers = new CustomerProfile[LEDGERS];
    for (int k = 0; k < LEDGERS; k++) {
      customers[k] = CustomerProfile.of("c-" + k, Jurisdiction.of("AU"), ZoneId.of("Australia/Sydney"));
    }
    ids = new String[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      ids[i] = "evt-" + Integer.toHexString(i * 0x9E3779B1) + "-" + i;
    }
    events = makeEvents();
    Ledger one = oneLedger();
    Ledger[] many = interleaved();
    if (one.version() != EVENTS
        || !one.event(ids[EVENTS - 1]).orElseThrow().equals(events[EVENTS - 1])
        || many[LEDGERS - 1].version() != PER_LEDGER
        || !many[LEDGERS - 1].event(ids[EVENTS - 1]).orElseThrow().equals(events[EVENTS - 1])) {
      throw new IllegalStateException("an append lost events");
    }
    long line = GraphLayout.parseInstance(one).totalSize();
    long alone = GraphLayout.parseInstance((Object) events, customers[0]).totalSize();
    System.out.printf(
        "%nkept by a one-ledger line beyond its events and an array of them: %.1f B/event%n", (line - alone) / (double) EVENTS);
  }

  private LedgerEvent[] makeEvents() {
    LedgerEvent[] built = new LedgerEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      Instant at = T0.plusSeconds(i);
      if (i % 10 == 0) {
        built[i] =
            Granted.builder()
                .id(ids[i])
                .at(at)
                .addIntents(Intent.DEALS)
                .addChannels(Channel.EMAIL)
                .evidence(evidence)
                .build();
      } else if (i % 10 == 1) {
        built[i] = Confirmed.builder().id(ids[i]).at(at).grant(ids[i - 1]).evidence(evidence).build();
      } else {
        built[i] = Purchased.builder().id(ids[i]).at(at).entity("shop").build();
      }
    }
    return built;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public Ledger oneLedger() {
    Ledger ledger = Ledger.of(customers[0]);
    for (LedgerEvent event : events) {
      ledger = ledger.append(event);
    }
    return ledger;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public Ledger[] interleaved() {
    Ledger[] ledgers = new Ledger[LEDGERS];
    for (int k = 0; k < LEDGERS; k++) {
      ledgers[k] = Ledger.of(customers[k]);
    }
    for (int i = 0; i < PER_LEDGER; i++) {
      for (int k = 0; k < LEDGERS; k++) {
        ledgers[k] = ledgers[k].append(events[k * PER_LEDGER + i]);
      }
    }
    return ledgers;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public LedgerEvent[] build() {
    return makeEvents();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public Object control() {
    List<LedgerEvent> list = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (LedgerEvent event : events) {
      index.putIfAbsent(event.id(), list.size());
      list.add(event);
    }
    return index.size() == list.size() ? list : index;
  }
}
