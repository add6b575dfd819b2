package dev.rapport.crm.jackson.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.store.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two application instances, one set of customers: two stores on one schema, each with its own
 * HikariCP pool (as two processes behind a load balancer would have), appending from several
 * threads each to the same customers, re-reading and retrying on conflict. Every acknowledged
 * event is stored exactly once, nothing unacknowledged is stored, and both instances read every
 * ledger alike.
 */
final class TwoInstancesTest {
  private static final int CUSTOMERS = 4;
  private static final int THREADS_PER_INSTANCE = 4;
  private static final int APPENDS_PER_THREAD = 30;
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private final String schema = TestDatabase.freshSchema();
  private final HikariDataSource poolA = TestDatabase.pool(THREADS_PER_INSTANCE);
  private final HikariDataSource poolB = TestDatabase.pool(THREADS_PER_INSTANCE);

  @AfterEach
  void dropSchema() throws Exception {
    TestDatabase.drop(poolA, new ArrayList<>(List.of(schema)));
    poolA.close();
    poolB.close();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyAcknowledgedEventIsStoredExactlyOnceInAnOrderBothInstancesRead() throws Exception {
    PostgresLedgerStore a = PostgresLedgerStore.builder().schema(schema).open(poolA);
    PostgresLedgerStore b = PostgresLedgerStore.builder().schema(schema).open(poolB);
    for (int c = 0; c < CUSTOMERS; c++) {
      (c % 2 == 0 ? a : b).create(profile(c));
    }
    long seed = System.nanoTime();
    Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
    List<Future<?>> writers = new ArrayList<>();
    try {
      for (int t = 0; t < 2 * THREADS_PER_INSTANCE; t++) {
        PostgresLedgerStore store = t < THREADS_PER_INSTANCE ? a : b;
        String writer = (t < THREADS_PER_INSTANCE ? "a" : "b") + t;
        Random random = new Random(seed + t);
        writers.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                    String customer = profile(random.nextInt(CUSTOMERS)).id();
                    List<LedgerEvent> batch = new ArrayList<>();
                    int size = 1 + random.nextInt(3);
                    for (int e = 0; e < size; e++) {
                      batch.add(purchase(writer + "-" + i + "-" + e));
                    }
                    while (true) {
                      Ledger read = store.read(customer).orElseThrow();
                      try {
                        store.append(customer, read.version(), batch);
                        break;
                      } catch (VersionConflictException conflict) {
                        conflicts.incrementAndGet();
                      }
                    }
                    batch.forEach(
                        event ->
                            acknowledged
                                .computeIfAbsent(customer, k -> ConcurrentHashMap.newKeySet())
                                .add(event.id()));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(100, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    int total = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      String customer = profile(c).id();
      Ledger seenByA = a.read(customer).orElseThrow();
      Ledger seenByB = b.read(customer).orElseThrow();
      List<String> ids = seenByA.events().stream().map(LedgerEvent::id).collect(Collectors.toList());
      assertThat(seenByB).as("%s read by both instances (seed %s)", customer, seed).isEqualTo(seenByA);
      assertThat(ids).as("events of %s (seed %s)", customer, seed).doesNotHaveDuplicates();
      assertThat(ids)
          .as("events of %s (seed %s)", customer, seed)
          .containsExactlyInAnyOrderElementsOf(acknowledged.getOrDefault(customer, Set.of()));
      assertBatchesStayTogetherInOrder(ids);
      assertThat(rowsOf(customer)).as("rows of %s", customer).isEqualTo(ids.size());
      total += ids.size();
    }
    assertThat(total).isGreaterThanOrEqualTo(2 * THREADS_PER_INSTANCE * APPENDS_PER_THREAD);
    System.out.printf(
        "two instances: %d events in %d appends, %d conflicts retried%n",
        total, 2 * THREADS_PER_INSTANCE * APPENDS_PER_THREAD, conflicts.get());
  }

  /** Each writer's appends are in its own order, and each batch's events sit side by side. */
  private static void assertBatchesStayTogetherInOrder(List<String> ids) {
    Map<String, Integer> lastAppend = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String[] parts = ids.get(i).split("-");
      int append = Integer.parseInt(parts[1]);
      int inBatch = Integer.parseInt(parts[2]);
      if (inBatch > 0) {
        assertThat(ids.get(i - 1)).isEqualTo(parts[0] + "-" + append + "-" + (inBatch - 1));
      } else {
        assertThat(append).as("append order of %s", parts[0]).isGreaterThan(lastAppend.getOrDefault(parts[0], -1));
        lastAppend.put(parts[0], append);
      }
    }
  }

  private int rowsOf(String customer) throws Exception {
    try (Connection connection = poolA.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM " + schema + ".rapport_event WHERE customer_id = ?")) {
      query.setString(1, customer);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static CustomerProfile profile(int customer) {
    return CustomerProfile.of("c-" + customer, Jurisdiction.of("GB"), ZoneId.of("Europe/London"));
  }

  private static LedgerEvent purchase(String id) {
    return Purchased.builder().id(id).at(T0).channel(Channel.EMAIL).build();
  }
}
