package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.grant;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening (replaying) a journal: {@code shape} is customers x events per customer, one event
 * per append line, the customers' appends interleaved; each customer's first event is a grant
 * with evidence, the rest purchases. The {@code events} counter is replayed events per second.
 * The journal is written once per trial under {@code java.io.tmpdir} (or {@code -Djournal.dir}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JournalOpenBenchmark {
  @Param({"1000x1000", "1x20000", "1x1000000"})
  public String shape;

  private Path dir;
  private Path journal;
  private long events;

  /** Events replayed; JMH reports them per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long events;
  }

  @Setup(Level.Trial)
  public void write() throws IOException {
    String[] parts = shape.split("x");
    int customers = Integer.parseInt(parts[0]);
    int perCustomer = Integer.parseInt(parts[1]);
    Path base = Path.of(System.getProperty("journal.dir", System.getProperty("java.io.tmpdir")));
    dir = Files.createTempDirectory(base, "journal-open-bench");
    journal = dir.resolve("bench.journal");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(journal), 1 << 16)) {
      JournalLines lines = new JournalLines(out);
      for (int c = 0; c < customers; c++) {
        lines.create(customer("c-" + c));
      }
      for (int i = 0; i < perCustomer; i++) {
        for (int c = 0; c < customers; c++) {
          String id = "c-" + c;
          lines.append(id, i, List.of(i == 0 ? grant(id + "-" + i) : purchase(id + "-" + i)));
        }
      }
    }
    events = (long) customers * perCustomer;
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public Object open(Counters counters) throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      counters.events += events;
      return store.recovery();
    }
  }
}
