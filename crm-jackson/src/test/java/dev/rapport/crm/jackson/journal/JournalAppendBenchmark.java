package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends per second (each returns only once forced to disk), one event per append,
 * each thread on its own customers, without batching ({@code unbatched}: one force per append),
 * with group commit ({@code group}) and with group commit and a 1 ms batch delay ({@code
 * group-1ms}). The journal lives under {@code java.io.tmpdir} (or {@code -Djournal.dir}); run it
 * on the disk you mean to use, since a tmpfs makes every force free.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JournalAppendBenchmark {
  /** Appends per customer before a thread moves to a fresh one, so ledgers stay small. */
  private static final int APPENDS_PER_CUSTOMER = 500;

  @State(Scope.Benchmark)
  public static class Journal {
    @Param({"unbatched", "group", "group-1ms"})
    public String batching;

    JournalLedgerStore store;
    Path dir;
    final AtomicInteger customers = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws IOException {
      Path base = Path.of(System.getProperty("journal.dir", System.getProperty("java.io.tmpdir")));
      dir = Files.createTempDirectory(base, "journal-bench");
      JournalLedgerStore.Builder builder = JournalLedgerStore.builder();
      switch (batching) {
        case "unbatched":
          builder.groupCommit(false);
          break;
        case "group":
          break;
        case "group-1ms":
          builder.maxBatchDelay(Duration.ofMillis(1));
          break;
        default:
          throw new IllegalArgumentException(batching);
      }
      store = builder.open(dir.resolve("bench.journal"));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      store.close();
      Files.deleteIfExists(dir.resolve("bench.journal"));
      Files.deleteIfExists(dir.resolve("bench.journal.lock"));
      Files.deleteIfExists(dir);
    }
  }

  @State(Scope.Thread)
  public static class Writer extends AppendingWriter {
    Object append(Journal journal) {
      return appendPurchase(journal.store, journal.customers, APPENDS_PER_CUSTOMER);
    }
  }

  @Benchmark
  @Threads(1)
  public Object appendOneThread(Journal journal, Writer writer) {
    return writer.append(journal);
  }

  @Benchmark
  @Threads(4)
  public Object appendFourThreads(Journal journal, Writer writer) {
    return writer.append(journal);
  }
}
