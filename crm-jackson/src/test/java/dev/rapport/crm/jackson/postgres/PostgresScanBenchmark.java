package dev.rapport.crm.jackson.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.store.InMemoryLedgerStore;
import dev.rapport.crm.store.LedgerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * The campaign gate's scan in a store of {@value #CUSTOMERS} customers of 3 events each: pages of
 * {@value #PAGE} ledgers per second from a random place (customers per second = score x {@value
 * #PAGE}). Side by side: the PostgreSQL store's keyset paging ({@code postgres}), the SPI's
 * default scan on the same server ({@code postgres-read-each}: every id, then one read per
 * ledger), and the default scan on the in-memory store ({@code memory}). The PostgreSQL rows are
 * loaded in bulk, with the store's own encoding, into a schema dropped afterwards.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PostgresScanBenchmark {
  static final int CUSTOMERS = 100_000;
  static final int PAGE = 1_000;

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @State(Scope.Benchmark)
  public static class Store {
    @Param({"postgres", "postgres-read-each", "memory"})
    public String store;

    LedgerStore ledgers;
    HikariDataSource pool;
    final List<String> schemas = new ArrayList<>();
    final List<String> ids = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws SQLException {
      for (int c = 0; c < CUSTOMERS; c++) {
        ids.add(String.format("c-%06d", c));
      }
      if (store.equals("memory")) {
        InMemoryLedgerStore memory = new InMemoryLedgerStore();
        for (String id : ids) {
          memory.create(profile(id));
          memory.append(id, 0, events());
        }
        ledgers = memory;
        return;
      }
      pool = TestDatabase.pool(2);
      String schema = TestDatabase.freshSchema();
      schemas.add(schema);
      PostgresLedgerStore postgres = PostgresLedgerStore.builder().schema(schema).open(pool);
      bulkLoad(schema);
      ledgers = store.equals("postgres") ? postgres : new DefaultScan(postgres);
    }

    private void bulkLoad(String schema) throws SQLException {
      RowCodec codec = new RowCodec();
      List<String> events = new ArrayList<>();
      for (LedgerEvent event : events()) {
        events.add(codec.writeEvent(event));
      }
      try (Connection connection = pool.getConnection();
          PreparedStatement customer =
              connection.prepareStatement(
                  "INSERT INTO " + schema + ".rapport_customer (customer_id, profile, version)"
                      + " VALUES (?, ?::jsonb, 3)");
          PreparedStatement event =
              connection.prepareStatement(
                  "INSERT INTO " + schema + ".rapport_event (customer_id, position, event_id, event)"
                      + " VALUES (?, ?, ?, ?::jsonb)")) {
        connection.setAutoCommit(false);
        for (int c = 0; c < ids.size(); c++) {
          String id = ids.get(c);
          customer.setString(1, id);
          customer.setString(2, codec.writeProfile(profile(id)));
          customer.addBatch();
          for (int e = 0; e < events.size(); e++) {
            event.setString(1, id);
            event.setInt(2, e + 1);
            event.setString(3, events().get(e).id());
            event.setString(4, events.get(e));
            event.addBatch();
          }
          if (c % 2_000 == 1_999) {
            customer.executeBatch();
            event.executeBatch();
          }
        }
        customer.executeBatch();
        event.executeBatch();
        connection.commit();
        try (PreparedStatement analyze = connection.prepareStatement("ANALYZE " + schema + ".rapport_event")) {
          analyze.execute();
        }
        connection.commit();
      }
    }

    @TearDown(Level.Trial)
    public void drop() throws SQLException {
      if (pool != null) {
        TestDatabase.drop(pool, schemas);
        pool.close();
      }
    }
  }

  @Benchmark
  public List<Ledger> pageFromARandomPlace(Store store) {
    String after = store.ids.get(ThreadLocalRandom.current().nextInt(CUSTOMERS - PAGE));
    List<Ledger> page = store.ledgers.scan(after, PAGE);
    if (page.size() != PAGE) {
      throw new IllegalStateException("a page of " + page.size() + " ledgers after " + after);
    }
    return page;
  }

  private static CustomerProfile profile(String id) {
    return CustomerProfile.of(id, Jurisdiction.of("GB"), ZoneId.of("Europe/London"));
  }

  private static List<LedgerEvent> events() {
    Evidence evidence =
        Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3").build();
    return List.of(
        Granted.builder()
            .id("g1")
            .at(T0)
            .addIntents(Intent.DEALS)
            .addChannels(Channel.EMAIL, Channel.SMS)
            .evidence(evidence)
            .build(),
        Purchased.builder().id("p1").at(T0.plusSeconds(3600)).channel(Channel.EMAIL).build(),
        Withdrawn.builder()
            .id("w1")
            .at(T0.plusSeconds(7200))
            .addIntents(Intent.DEALS)
            .addChannels(Channel.SMS)
            .evidence(evidence)
            .build());
  }

  /** The PostgreSQL store without its own scan: the SPI's default, for comparison. */
  private static final class DefaultScan implements LedgerStore {
    private final LedgerStore store;

    DefaultScan(LedgerStore store) {
      this.store = store;
    }

    @Override
    public Optional<Ledger> read(String customerId) {
      return store.read(customerId);
    }

    @Override
    public Ledger create(CustomerProfile customer) {
      return store.create(customer);
    }

    @Override
    public Ledger append(String customerId, int expectedVersion, List<? extends LedgerEvent> events) {
      return store.append(customerId, expectedVersion, events);
    }

    @Override
    public Set<String> customerIds() {
      return store.customerIds();
    }
  }
}
