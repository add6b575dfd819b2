package dev.rapport.crm.testing;

import static dev.rapport.crm.testing.Fixtures.byStaff;
import static dev.rapport.crm.testing.Fixtures.confirmation;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.imported;
import static dev.rapport.crm.testing.Fixtures.inquiry;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.preferences;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static dev.rapport.crm.testing.Fixtures.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.customer.CustomerKind;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Registry;
import dev.rapport.crm.ledger.RejectedEventException;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.store.VersionConflictException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link LedgerStore}: what every store, Rapport's and a user's own, must do.
 * Extend it in a test of your store and return a new, empty store from {@link #newStore()}; every
 * test here then runs against it.
 *
 * <pre>{@code
 * class MyLedgerStoreTest extends LedgerStoreContract {
 *   @Override
 *   protected LedgerStore newStore() {
 *     return new MyLedgerStore(...);   // empty
 *   }
 * }
 * }</pre>
 *
 * <p>It covers creation, reading, appending, version conflicts, all-or-nothing appends,
 * concurrent writers, event order, erasure ({@code RULES.md}, "1. Erasure and unknown
 * customers", and {@link dev.rapport.crm.store.Erasure}) and the paged scan. A store that writes
 * somewhere a test can read as text (a database, a file) should also override {@link
 * #storedText()}, so that the erasure tests search it for the erased personal data.
 *
 * <p>The suite needs JUnit Jupiter and AssertJ on the test class path; it is in crm-core's test
 * jar ({@code <type>test-jar</type>}, {@code <scope>test</scope>}).
 */
public abstract class LedgerStoreContract {
  /** Personal data in the evidence of the customer who will be erased. */
  private static final String ERASED_EMAIL = "mira.erased@example.org";

  private static final String ERASED_IP = "198.51.100.23";

  /** The store under test, new for each test. */
  protected LedgerStore store;

  /**
   * A new, empty store. Called before each test; a store that must be closed is the subclass's to
   * close (in its own {@code @AfterEach}).
   */
  protected abstract LedgerStore newStore() throws Exception;

  /**
   * Everything the store under test has written, as text, if the test can see it: the rows of a
   * database, the content of a file. Empty (the default) when it cannot; the erasure tests then
   * check what the store reads back only.
   */
  protected Optional<String> storedText() throws Exception {
    return Optional.empty();
  }

  /**
   * Writers per concurrency test; each appends {@link #eventsPerWriter()} events to a shared
   * ledger and as many to its own.
   */
  protected int writers() {
    return 6;
  }

  /** Events each concurrent writer appends to each of its two ledgers. */
  protected int eventsPerWriter() {
    return 40;
  }

  @BeforeEach
  final void openStore() throws Exception {
    store = newStore();
    assertThat(store.customerIds()).as("customers of a new store").isEmpty();
  }

  // ---- create and read ----------------------------------------------------------------------

  @Test
  void aCreatedCustomerHasAnEmptyLedger() {
    Ledger created = store.create(profile("c-1"));

    assertThat(created).isEqualTo(Ledger.of(profile("c-1")));
    assertThat(store.read("c-1")).contains(created);
  }

  @Test
  void theProfileIsStoredWhole() {
    CustomerProfile company =
        CustomerProfile.builder()
            .id("c-acme")
            .jurisdiction(Jurisdiction.of("US-CA"))
            .zone(ZoneId.of("America/Los_Angeles"))
            .kind(CustomerKind.CORPORATE)
            .build();

    store.create(company);

    assertThat(store.read("c-acme").orElseThrow().customer()).isEqualTo(company);
  }

  @Test
  void anUnknownCustomerReadsAsEmpty() {
    store.create(profile("c-1"));

    assertThat(store.read("c-404")).isEmpty();
  }

  @Test
  void creatingAKnownCustomerAgainIsRefusedAndChangesNothing() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)));

    assertThatThrownBy(() -> store.create(profileIn("c-1", "GB", "Europe/London")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c-1");

    Ledger ledger = store.read("c-1").orElseThrow();
    assertThat(ledger.customer()).isEqualTo(profile("c-1"));
    assertThat(ledger.version()).isEqualTo(1);
  }

  @Test
  void theStoreListsTheCustomersItKnows() {
    store.create(profile("c-1"));
    store.create(profile("c-2"));

    assertThat(store.customerIds()).containsExactlyInAnyOrder("c-1", "c-2");
  }

  // ---- append --------------------------------------------------------------------------------

  @Test
  void everyKindOfEventIsStoredAndReadBackEqual() {
    store.create(profile("c-1"));
    List<LedgerEvent> events = everyKindOfEvent();

    Ledger appended = store.append("c-1", 0, events);

    assertThat(appended.events()).containsExactlyElementsOf(events);
    assertThat(store.read("c-1")).contains(appended);
  }

  @Test
  void anAppendAtTheReadVersionIsStoredAndReturned() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)));

    Ledger appended =
        store.append("c-1", 1, List.of(purchase("p1", day(1)), objection("o1", day(2))));

    assertThat(appended.version()).isEqualTo(3);
    assertThat(ids(appended)).containsExactly("g1", "p1", "o1");
    assertThat(store.read("c-1")).contains(appended);
  }

  @Test
  void appendingNoEventsChangesNothing() {
    store.create(profile("c-1"));
    Ledger before = store.append("c-1", 0, List.of(purchase("p1", day(1))));

    assertThat(store.append("c-1", 1, List.of())).isEqualTo(before);
    assertThat(store.read("c-1")).contains(before);
  }

  @Test
  void appendingToAnUnknownCustomerIsRefused() {
    assertThatThrownBy(() -> store.append("c-404", 0, List.of(purchase("p1", day(1)))))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("c-404");
    assertThat(store.customerIds()).isEmpty();
  }

  // ---- version conflicts ---------------------------------------------------------------------

  @Test
  void anAppendAtAStaleVersionConflictsAndWritesNothing() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)));

    VersionConflictException conflict =
        catchThrowableOfType(
            VersionConflictException.class,
            () -> store.append("c-1", 0, List.of(objection("o1", day(1)))));

    assertThat(conflict).as("a stale append must conflict").isNotNull();
    assertThat(conflict.customerId()).isEqualTo("c-1");
    assertThat(conflict.expectedVersion()).isZero();
    assertThat(conflict.actualVersion()).isEqualTo(1);
    assertThat(ids(store.read("c-1").orElseThrow())).containsExactly("g1");
  }

  @Test
  void anAppendAtAVersionFromTheFutureConflictsAndWritesNothing() {
    store.create(profile("c-1"));

    assertThatThrownBy(() -> store.append("c-1", 5, List.of(purchase("p1", day(1)))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.read("c-1").orElseThrow().version()).isZero();
  }

  @Test
  void aConflictNamesTheVersionThatReadingAgainShows() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(purchase("p1", day(1)), purchase("p2", day(2))));

    VersionConflictException conflict =
        catchThrowableOfType(
            VersionConflictException.class,
            () -> store.append("c-1", 1, List.of(purchase("p3", day(3)))));

    assertThat(conflict.actualVersion()).isEqualTo(store.read("c-1").orElseThrow().version());
  }

  // ---- all or nothing ------------------------------------------------------------------------

  @Test
  void aBatchWithOneRefusedEventStoresNoneOfIt() {
    store.create(profile("c-1"));
    Ledger before = store.append("c-1", 0, List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)));

    assertThatThrownBy(
            () ->
                store.append(
                    "c-1",
                    1,
                    List.of(
                        purchase("p1", day(1)),
                        objection("o1", day(2)),
                        confirmation("c1", day(3), "g404"))))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageContaining("g404");

    assertThat(store.read("c-1")).contains(before);
    Ledger after = store.append("c-1", 1, List.of(purchase("p1", day(1))));
    assertThat(ids(after)).containsExactly("g1", "p1");
  }

  @Test
  void anEventIdAlreadyInTheLedgerIsRefused() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(purchase("p1", day(1))));

    assertThatThrownBy(() -> store.append("c-1", 1, List.of(purchase("p2", day(2)), purchase("p1", day(3)))))
        .isInstanceOf(RejectedEventException.class);
    assertThatThrownBy(() -> store.append("c-1", 1, List.of(purchase("p3", day(2)), purchase("p3", day(3)))))
        .isInstanceOf(RejectedEventException.class);

    assertThat(ids(store.read("c-1").orElseThrow())).containsExactly("p1");
  }

  // ---- order ---------------------------------------------------------------------------------

  @Test
  void eventsReadBackInAppendOrderNotTimeOrder() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(purchase("p-late", day(9)), purchase("p-early", day(1))));
    store.append("c-1", 2, List.of(purchase("p-backfilled", day(0))));
    store.append("c-1", 3, List.of(purchase("p-same", day(1))));

    Ledger ledger = store.read("c-1").orElseThrow();

    assertThat(ids(ledger)).containsExactly("p-late", "p-early", "p-backfilled", "p-same");
    assertThat(ledger.asOf(day(9)))
        .extracting(LedgerEvent::id)
        .containsExactly("p-backfilled", "p-early", "p-same", "p-late");
  }

  @Test
  void aLongLedgerKeepsEveryEventInOrder() {
    store.create(profile("c-1"));
    List<String> appended = new ArrayList<>();
    int version = 0;
    for (int batch = 0; batch < 30; batch++) {
      List<LedgerEvent> events = new ArrayList<>();
      for (int i = 0; i <= batch % 4; i++) {
        String id = "p-" + batch + "-" + i;
        events.add(purchase(id, day(60 - batch, i)));
        appended.add(id);
      }
      version = store.append("c-1", version, events).version();
    }

    assertThat(ids(store.read("c-1").orElseThrow())).containsExactlyElementsOf(appended);
    assertThat(version).isEqualTo(appended.size());
  }

  // ---- concurrency ---------------------------------------------------------------------------

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentWritersWhoRetryOnConflictLoseNoEventAndDuplicateNone() throws Exception {
    int writers = writers();
    int events = eventsPerWriter();
    store.create(profile("c-shared"));
    for (int w = 0; w < writers; w++) {
      store.create(profile("c-own-" + w));
    }

    runConcurrently(
        writers,
        writer -> {
          for (int i = 0; i < events; i++) {
            LedgerEvent event = purchase("e-" + writer + "-" + i, day(i % 7));
            appendWithRetry("c-shared", event);
            appendWithRetry("c-own-" + writer, event);
          }
          return null;
        });

    Ledger shared = store.read("c-shared").orElseThrow();
    assertThat(shared.version()).isEqualTo(writers * events);
    assertThat(ids(shared)).doesNotHaveDuplicates();
    Map<String, Integer> next = new HashMap<>();
    for (String id : ids(shared)) {
      String[] parts = id.split("-");
      int index = Integer.parseInt(parts[2]);
      assertThat(index)
          .as("position of %s among its writer's events", id)
          .isEqualTo(next.getOrDefault(parts[1], 0));
      next.put(parts[1], index + 1);
    }
    for (int w = 0; w < writers; w++) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        expected.add("e-" + w + "-" + i);
      }
      assertThat(ids(store.read("c-own-" + w).orElseThrow()))
          .as("ledger of c-own-%s", w)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void writersRacingAtOneVersionSucceedExactlyOnce() throws Exception {
    int writers = writers();
    store.create(profile("c-1"));

    List<Object> outcomes =
        runConcurrently(
            writers,
            writer -> {
              try {
                return store.append("c-1", 0, List.of(purchase("p-" + writer, day(1)))).version();
              } catch (VersionConflictException conflict) {
                return conflict;
              }
            });

    assertThat(outcomes).filteredOn(Integer.class::isInstance).containsExactly(1);
    assertThat(outcomes).filteredOn(VersionConflictException.class::isInstance).hasSize(writers - 1);
    assertThat(store.read("c-1").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void creatorsRacingForOneIdSucceedExactlyOnce() throws Exception {
    int writers = writers();

    List<Object> outcomes =
        runConcurrently(
            writers,
            writer -> {
              try {
                return store.create(profileIn("c-1", "AU", zoneOf(writer))).customer();
              } catch (IllegalArgumentException refused) {
                return refused;
              }
            });

    List<Object> created = outcomes.stream().filter(CustomerProfile.class::isInstance).collect(Collectors.toList());
    assertThat(created).hasSize(1);
    assertThat(outcomes).filteredOn(IllegalArgumentException.class::isInstance).hasSize(writers - 1);
    assertThat(store.read("c-1").orElseThrow().customer()).isEqualTo(created.get(0));
  }

  // ---- erasure -------------------------------------------------------------------------------

  @Test
  void anErasedCustomerReadsAsTheTombstoneAlone() throws Exception {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(personalGrant("g1"), purchase("p1", day(1))));
    Erased erased = personalErasure("x1");

    Ledger returned = store.append("c-1", 2, List.of(erased));

    Ledger tombstone = Ledger.of(profile("c-1"), List.of(withoutDetails(erased)));
    assertThat(returned).isEqualTo(tombstone);
    assertThat(store.read("c-1")).contains(tombstone);
    assertThat(store.customerIds()).containsExactly("c-1");
  }

  @Test
  void anErasureLastInABatchKeepsOnlyTheTombstone() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(personalGrant("g1")));

    store.append("c-1", 1, List.of(purchase("p1", day(1)), personalErasure("x1")));

    Ledger read = store.read("c-1").orElseThrow();
    assertThat(read.version()).isEqualTo(1);
    assertThat(ids(read)).containsExactly("x1");
    Evidence kept = read.erased().orElseThrow().evidence().orElseThrow();
    assertThat(kept.source()).isEqualTo(Source.WEB_FORM);
    assertThat(kept.actor()).isEqualTo(Actor.CUSTOMER);
    assertThat(kept.notice()).contains("erasure-v1");
    assertThat(kept.details()).isEmpty();
  }

  @Test
  void anErasedCustomerCannotBeCreatedAgain() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(personalErasure("x1")));

    assertThatThrownBy(() -> store.create(profile("c-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c-1");
    assertThat(ids(store.read("c-1").orElseThrow())).containsExactly("x1");
  }

  @Test
  void nothingMayBeAppendedToATombstone() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(personalGrant("g1"), purchase("p1", day(1))));
    Ledger tombstone = store.append("c-1", 2, List.of(personalErasure("x1")));

    assertThatThrownBy(() -> store.append("c-1", tombstone.version(), List.of(purchase("p2", day(5)))))
        .isInstanceOf(RejectedEventException.class)
        .hasMessageContaining("erased");
    assertThatThrownBy(() -> store.append("c-1", 2, List.of(purchase("p2", day(5)))))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.append("c-1", 3, List.of(personalGrant("g2"))))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.read("c-1")).contains(tombstone);
  }

  @Test
  void anErasedCustomersPersonalDataIsLeftNowhereInStorage() throws Exception {
    store.create(profile("c-1"));
    store.create(profile("c-2"));
    store.append("c-1", 0, List.of(personalGrant("g1"), purchase("p1", day(1))));
    store.append("c-2", 0, List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL)));
    Optional<String> before = storedText();
    before.ifPresent(
        text ->
            assertThat(text)
                .as("what the store wrote before the erasure (else searching it proves nothing)")
                .contains(ERASED_EMAIL, ERASED_IP, "g1"));

    store.append("c-1", 2, List.of(personalErasure("x1")));

    assertThat(store.read("c-1").orElseThrow().events()).hasSize(1);
    assertThat(store.read("c-2").orElseThrow().version()).isEqualTo(1);
    Optional<String> after = storedText();
    after.ifPresent(
        text ->
            assertThat(text)
                .as("what the store holds after erasing c-1")
                .doesNotContain(ERASED_EMAIL, ERASED_IP, "erasure ticket")
                .contains("x1", "erasure-v1"));
  }

  // ---- scan ----------------------------------------------------------------------------------

  @Test
  void aScanOfAnEmptyStoreIsEmpty() {
    assertThat(store.scan("", 10)).isEmpty();
  }

  @Test
  void aScanVisitsEveryCustomerOnceInIdOrder() {
    // Mixed case, digits, accents, and characters on both sides of the UTF-16 surrogates, whose
    // order by code point differs from String.compareTo.
    List<String> ids =
        List.of("c-10", "c-9", "C-1", "c-1", "c-é", "c-\uE000", "c-\uD83D\uDE00", "d", "c-");
    for (String id : ids) {
      store.create(profile(id));
    }
    store.append("c-9", 0, List.of(purchase("p1", day(1))));

    List<Ledger> scanned = scanAll(2);

    TreeSet<String> expected = new TreeSet<>(LedgerStore.CUSTOMER_ID_ORDER);
    expected.addAll(ids);
    assertThat(scanned).extracting(l -> l.customer().id()).containsExactlyElementsOf(expected);
    for (Ledger ledger : scanned) {
      assertThat(store.read(ledger.customer().id())).contains(ledger);
    }
    assertThat(expected.headSet("c-\uE000")).contains("c-é").doesNotContain("c-\uD83D\uDE00");
  }

  @Test
  void aScanPageStartsAfterTheGivenIdAndHoldsAtMostTheLimit() {
    for (int i = 0; i < 7; i++) {
      store.create(profile("c-" + i));
    }

    assertThat(store.scan("c-2", 3)).extracting(l -> l.customer().id()).containsExactly("c-3", "c-4", "c-5");
    assertThat(store.scan("c-5", 3)).extracting(l -> l.customer().id()).containsExactly("c-6");
    assertThat(store.scan("c-6", 3)).isEmpty();
    assertThat(store.scan("c-2x", 1)).extracting(l -> l.customer().id()).containsExactly("c-3");
  }

  @Test
  void aScanShowsAnErasedCustomerAsItsTombstone() {
    store.create(profile("c-1"));
    store.append("c-1", 0, List.of(personalGrant("g1"), personalErasure("x1")));

    assertThat(store.scan("", 10)).containsExactly(store.read("c-1").orElseThrow());
    assertThat(store.scan("", 10).get(0).version()).isEqualTo(1);
  }

  @Test
  void aScanPageOfAnImpossibleSizeIsRefused() {
    assertThatThrownBy(() -> store.scan("", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.scan("", LedgerStore.MAX_SCAN_PAGE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.scan("", LedgerStore.MAX_SCAN_PAGE)).isEmpty();
  }

  @Test
  void aRandomMixOfCustomersAndPageSizesScansEveryoneOnce() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Set<String> created = new TreeSet<>(LedgerStore.CUSTOMER_ID_ORDER);
    int customers = 20 + random.nextInt(60);
    for (int i = 0; i < customers; i++) {
      String id = "c-" + Integer.toString(random.nextInt(100_000), 36);
      if (created.add(id)) {
        store.create(profile(id));
      }
    }
    int pageSize = 1 + random.nextInt(15);

    assertThat(scanAll(pageSize))
        .as("scan with page size %s (seed %s)", pageSize, seed)
        .extracting(l -> l.customer().id())
        .containsExactlyElementsOf(created);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Customer {@code id} in {@code AU}, zone {@code Australia/Sydney}. */
  protected static CustomerProfile profile(String id) {
    return profileIn(id, "AU", "Australia/Sydney");
  }

  private static CustomerProfile profileIn(String id, String jurisdiction, String zone) {
    return CustomerProfile.of(id, Jurisdiction.of(jurisdiction), ZoneId.of(zone));
  }

  private static String zoneOf(int writer) {
    List<String> zones =
        List.of("Australia/Sydney", "Australia/Perth", "Australia/Darwin", "Australia/Hobart");
    return zones.get(writer % zones.size());
  }

  private List<Ledger> scanAll(int pageSize) {
    List<Ledger> all = new ArrayList<>();
    String after = "";
    for (List<Ledger> page; !(page = store.scan(after, pageSize)).isEmpty(); ) {
      assertThat(page.size()).isLessThanOrEqualTo(pageSize);
      all.addAll(page);
      after = page.get(page.size() - 1).customer().id();
    }
    return all;
  }

  private void appendWithRetry(String customerId, LedgerEvent event) {
    while (true) {
      Ledger read = store.read(customerId).orElseThrow();
      try {
        store.append(customerId, read.version(), List.of(event));
        return;
      } catch (VersionConflictException conflict) {
        // read again and retry, as the SPI says
      }
    }
  }

  /** Runs {@code task} on {@code threads} threads started together; their results in order. */
  private static List<Object> runConcurrently(int threads, Task task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<Object> call =
            () -> {
              start.await();
              return task.run(thread);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> future : futures) {
        results.add(future.get(100, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One thread's work in {@link #runConcurrently}. */
  private interface Task {
    Object run(int thread) throws Exception;
  }

  private static List<String> ids(Ledger ledger) {
    return ledger.events().stream().map(LedgerEvent::id).collect(Collectors.toList());
  }

  private static Evidence personalEvidence(String notice) {
    return Evidence.builder()
        .source(Source.WEB_FORM)
        .actor(Actor.CUSTOMER)
        .notice(notice)
        .putDetails("email", ERASED_EMAIL)
        .putDetails("ip", ERASED_IP)
        .build();
  }

  private static Granted personalGrant(String id) {
    return Granted.builder()
        .id(id)
        .at(day(0))
        .addIntents(Intent.DEALS)
        .addChannels(Channel.EMAIL)
        .evidence(personalEvidence("prefs-v3"))
        .build();
  }

  private static Erased personalErasure(String id) {
    Evidence evidence =
        Evidence.builder()
            .source(Source.WEB_FORM)
            .actor(Actor.CUSTOMER)
            .notice("erasure-v1")
            .putDetails("email", ERASED_EMAIL)
            .putDetails("ip", ERASED_IP)
            .putDetails("ticket", "erasure ticket 4711")
            .build();
    return Erased.builder().id(id).at(day(3)).evidence(evidence).build();
  }

  private static Erased withoutDetails(Erased erased) {
    Evidence evidence = erased.evidence().orElseThrow();
    return Erased.builder()
        .id(erased.id())
        .at(erased.at())
        .evidence(
            Evidence.builder()
                .source(evidence.source())
                .actor(evidence.actor())
                .notice(evidence.notice())
                .build())
        .build();
  }

  /** One event of every type, with evidence of every kind, in a valid order. */
  private static List<LedgerEvent> everyKindOfEvent() {
    Granted g1 = grant("g1", day(0), Intent.DEALS, Channel.EMAIL, Channel.SMS);
    Granted g2 =
        Granted.builder()
            .id("g2")
            .at(day(0, 2))
            .addIntents(Intent.PROMOTION, Intent.ONE_TO_ONE)
            .addChannels(Channel.CALL)
            .evidence(byStaff("jane", Source.PHONE))
            .expiresAt(day(400))
            .entity("acme-retail")
            .build();
    Granted g3 =
        Granted.builder()
            .id("g3")
            .at(day(0, 3))
            .addIntents(Intent.KNOWLEDGE)
            .addChannels(Channel.POST)
            .evidence(imported(day(-90)))
            .build();
    Preferences preferences =
        Preferences.builder()
            .profiling(Profiling.BASIC)
            .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0)))
            .addCaps(
                FrequencyCap.builder()
                    .addPurposes(Purpose.OFFER, Purpose.PROMOTION)
                    .max(2)
                    .per(Duration.ofDays(7))
                    .build())
            .coolOffAfterPurchase(Duration.ofDays(14))
            .build();
    Registered registered =
        Registered.builder().id("r1").at(day(6)).registry(Registry.US_DNC).build();
    return List.of(
        g1,
        g2,
        g3,
        confirmation("c1", day(1), "g1"),
        preferences("pr1", day(1, 1), preferences),
        purchase("p1", day(2)),
        inquiry("i1", day(3), Channel.EMAIL),
        withdrawal("w1", day(4), Intent.DEALS, Channel.SMS),
        objection("o1", day(5)),
        registered);
  }
}
