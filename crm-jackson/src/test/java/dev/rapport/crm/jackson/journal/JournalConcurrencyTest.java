package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.store.VersionConflictException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class JournalConcurrencyTest {
  private static final int THREADS = 8;
  private static final int APPENDS = 60;

  @TempDir Path dir;

  @ParameterizedTest(name = "group commit {0}")
  @ValueSource(booleans = {true, false})
  void manyThreadsAppendingLoseNoEventAndKeepEachLedgerInOrder(boolean groupCommit)
      throws Exception {
    Path journal = dir.resolve("ledgers.journal");
    Map<String, Ledger> seen;
    try (JournalLedgerStore store =
        JournalLedgerStore.builder().groupCommit(groupCommit).open(journal)) {
      store.create(customer("shared"));
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<Integer>> conflicts = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          conflicts.add(pool.submit(writer(store, "t" + t)));
        }
        for (Future<Integer> f : conflicts) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      seen =
          store.customerIds().stream()
              .collect(Collectors.toMap(Function.identity(), id -> store.read(id).orElseThrow()));
    }

    assertThat(seen).hasSize(THREADS + 1);
    Ledger shared = seen.get("shared");
    assertThat(shared.version()).isEqualTo(THREADS * APPENDS);
    for (int t = 0; t < THREADS; t++) {
      String thread = "t" + t;
      assertThat(seen.get(thread).events())
          .extracting(LedgerEvent::id)
          .containsExactlyElementsOf(ids(thread + "-own-"));
      assertThat(shared.events())
          .extracting(LedgerEvent::id)
          .filteredOn(id -> id.startsWith(thread + "-shared-"))
          .containsExactlyElementsOf(ids(thread + "-shared-"));
    }
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      assertThat(store.recovery().isClean()).isTrue();
      seen.forEach((id, ledger) -> assertThat(store.read(id)).contains(ledger));
    }
  }

  @Test
  void aWriteIsVisibleToReadersOnceItsAppendReturns() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(dir.resolve("ledgers.journal"))) {
      store.create(customer("c-1"));
      Ledger appended = store.append("c-1", 0, List.of(purchase("p1")));

      assertThat(store.read("c-1")).contains(appended);
    }
  }

  /** Appends to its own customer and, with retries on conflict, to the shared one. */
  private static Callable<Integer> writer(JournalLedgerStore store, String thread) {
    return () -> {
      store.create(customer(thread));
      int conflicts = 0;
      for (int i = 0; i < APPENDS; i++) {
        store.append(thread, i, List.of(purchase(thread + "-own-" + i)));
        while (true) {
          Ledger current = store.read("shared").orElseThrow();
          try {
            store.append("shared", current.version(), List.of(purchase(thread + "-shared-" + i)));
            break;
          } catch (VersionConflictException e) {
            conflicts++;
          }
        }
      }
      return conflicts;
    };
  }

  private static List<String> ids(String prefix) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < APPENDS; i++) {
      ids.add(prefix + i);
    }
    return ids;
  }
}
