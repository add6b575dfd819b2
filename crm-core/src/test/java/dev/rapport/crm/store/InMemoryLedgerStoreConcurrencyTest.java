package dev.rapport.crm.store;

import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many writers on one store: each re-reads and retries on a version conflict, as the
 * {@code LedgerStore} contract tells them to. No event is lost and no ledger's order breaks.
 */
final class InMemoryLedgerStoreConcurrencyTest {
  private static final int THREADS = 8;
  private static final int EVENTS_PER_THREAD = 200;
  private static final String SHARED = "c-shared";

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentWritersWhoRetryOnConflictLoseNoEventAndKeepEachLedgersOrder() throws Exception {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.create(profile(SHARED));
    for (int t = 0; t < THREADS; t++) {
      store.create(profile(own(t)));
    }
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    appendWithRetry(store, SHARED, purchase(id(thread, i), day(i % 7)), conflicts);
                    appendWithRetry(store, own(thread), purchase(id(thread, i), day(i % 7)), conflicts);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(50, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    Ledger shared = store.read(SHARED).orElseThrow();
    assertThat(shared.version()).isEqualTo(THREADS * EVENTS_PER_THREAD);
    assertThat(shared.events()).extracting(LedgerEvent::id).doesNotHaveDuplicates();
    assertEachThreadsEventsInAppendOrder(shared);
    for (int t = 0; t < THREADS; t++) {
      Ledger own = store.read(own(t)).orElseThrow();
      assertThat(own.events())
          .extracting(LedgerEvent::id)
          .as("ledger of %s", own(t))
          .containsExactlyElementsOf(idsOf(t));
    }
  }

  private static void appendWithRetry(
      LedgerStore store, String customerId, LedgerEvent event, AtomicInteger conflicts) {
    while (true) {
      Ledger read = store.read(customerId).orElseThrow();
      try {
        store.append(customerId, read.version(), List.of(event));
        return;
      } catch (VersionConflictException conflict) {
        conflicts.incrementAndGet();
      }
    }
  }

  private static void assertEachThreadsEventsInAppendOrder(Ledger ledger) {
    Map<Integer, Integer> next = new HashMap<>();
    for (LedgerEvent event : ledger.events()) {
      String[] parts = event.id().split("-");
      int thread = Integer.parseInt(parts[1]);
      int index = Integer.parseInt(parts[2]);
      assertThat(index).as("position of %s", event.id()).isEqualTo(next.getOrDefault(thread, 0));
      next.put(thread, index + 1);
    }
  }

  private static List<String> idsOf(int thread) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < EVENTS_PER_THREAD; i++) {
      ids.add(id(thread, i));
    }
    return ids;
  }

  private static String id(int thread, int index) {
    return "e-" + thread + "-" + index;
  }

  private static String own(int thread) {
    return "c-own-" + thread;
  }

  private static CustomerProfile profile(String id) {
    return CustomerProfile.of(id, Jurisdiction.of("AU"), ZoneId.of("Australia/Sydney"));
  }
}
