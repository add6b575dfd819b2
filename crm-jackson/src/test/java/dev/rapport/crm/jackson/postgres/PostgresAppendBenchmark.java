package dev.rapport.crm.jackson.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.crm.jackson.journal.AppendingWriter;
import dev.rapport.crm.jackson.journal.JournalLedgerStore;
import dev.rapport.crm.store.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Committed appends per second on the PostgreSQL store (local server, see {@link TestDatabase};
 * a pool of 8 connections), from 1 and 8 threads, one event per append, each thread on its own
 * customers, a new customer every {@value #APPENDS_PER_CUSTOMER} appends (its creation counted in).
 * The control, side by side: the embedded journal ({@code journal}, group commit, under {@code
 * java.io.tmpdir}) on the same workload. Each append of either store returns once durable.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PostgresAppendBenchmark {
  /** Appends per customer before a thread moves to a fresh one: ledgers of a typical size. */
  static final int APPENDS_PER_CUSTOMER = 20;

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @State(Scope.Benchmark)
  public static class Store {
    @Param({"postgres", "journal"})
    public String store;

    LedgerStore ledgers;
    HikariDataSource pool;
    final List<String> schemas = new ArrayList<>();
    JournalLedgerStore journal;
    Path dir;
    final AtomicInteger customers = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws IOException {
      if (store.equals("postgres")) {
        pool = TestDatabase.pool(8);
        String schema = TestDatabase.freshSchema();
        schemas.add(schema);
        ledgers = PostgresLedgerStore.builder().schema(schema).open(pool);
      } else {
        dir = Files.createTempDirectory("rapport-bench");
        journal = JournalLedgerStore.open(dir.resolve("bench.journal"));
        ledgers = journal;
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
      if (pool != null) {
        TestDatabase.drop(pool, schemas);
        pool.close();
      }
      if (journal != null) {
        journal.close();
        Files.deleteIfExists(dir.resolve("bench.journal"));
        Files.deleteIfExists(dir.resolve("bench.journal.lock"));
        Files.deleteIfExists(dir);
      }
    }
  }

  @State(Scope.Thread)
  public static class Writer extends AppendingWriter {
    Object append(Store store) {
      return appendPurchase(store.ledgers, store.customers, APPENDS_PER_CUSTOMER);
    }
  }

  @Benchmark
  @Threads(1)
  public Object appendOneThread(Store store, Writer writer) {
    return writer.append(store);
  }

  @Benchmark
  @Threads(8)
  public Object appendEightThreads(Store store, Writer writer) {
    return writer.append(store);
  }
}
