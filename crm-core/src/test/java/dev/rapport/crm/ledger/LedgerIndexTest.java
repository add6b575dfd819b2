package dev.rapport.crm.ledger;

import static dev.rapport.crm.testing.Fixtures.confirmation;
import static dev.rapport.crm.testing.Fixtures.customer;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.erasure;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.testing.PropertyRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A ledger finds its events by id ({@code RULES.md} "The ledger": ids are unique per ledger, a
 * confirmation names a grant of the ledger, appending is all-or-nothing), whichever version of a
 * shared line of ledgers is asked, after any sequence of appends, forks and refusals.
 */
final class LedgerIndexTest {
  private static final String HELD = "ledger of customer c-1 already holds an event ";

  /**
   * Random appends of batches of 1 to 20 events, to the newest ledger or to an older one (a
   * fork), with duplicate ids, confirmations of grants of the ledger, of the same batch or of
   * nothing, and now and then an erasure, against a model of plain lists and a {@code HashMap}:
   * every append is accepted or refused as the model says, and every version finds every id as
   * the model does.
   */
  @TestFactory
  Stream<DynamicTest> everyVersionFindsItsEventsAsAHashMapModelDoes() {
    return PropertyRun.tries(40)
        .coverage(
            s -> {
              assertThat(s.count("outcome", "accepted")).isGreaterThan(40 * 100);
              assertThat(s.count("outcome", "duplicate")).isGreaterThan(400);
              assertThat(s.count("outcome", "no grant")).isGreaterThan(100);
              assertThat(s.count("outcome", "erased")).isGreaterThan(10);
              assertThat(s.count("append", "fork")).isGreaterThan(1000);
              assertThat(s.count("batch", "scanned")).isGreaterThan(1000);
              assertThat(s.count("batch", "mapped")).isGreaterThan(1000);
              assertThat(s.count("confirms", "in batch")).isGreaterThan(100);
            })
        .check(
            t -> {
              RandomGenerator random = t.random();
              List<Ledger> versions = new ArrayList<>(List.of(Ledger.of(customer())));
              List<List<LedgerEvent>> models = new ArrayList<>(List.of(List.of()));
              List<String> used = new ArrayList<>(); // every id drawn, in any branch
              int tip = 0; // the newest version not erased
              for (int op = 0; op < 300; op++) {
                boolean fork = random.nextInt(10) < 3;
                int base = fork ? random.nextInt(versions.size()) : tip;
                List<LedgerEvent> model = models.get(base);
                List<LedgerEvent> batch = batch(random, used, model, op);
                String expected = outcome(model, batch);
                t.collect("append", fork ? "fork" : "newest");
                t.collect("batch", batch.size() == 1 ? "one" : batch.size() <= 8 ? "scanned" : "mapped");
                t.collect("outcome", expected);
                if (expected.equals("accepted") && confirmsInBatch(batch)) {
                  t.collect("confirms", "in batch");
                }
                String what = "op " + op + ": append " + ids(batch) + " to version " + base + " " + ids(model);
                if (expected.equals("accepted")) {
                  Ledger appended = versions.get(base).append(batch);
                  List<LedgerEvent> after = new ArrayList<>(model);
                  after.addAll(batch);
                  assertThat(appended.events()).as(what).containsExactlyElementsOf(after);
                  versions.add(appended);
                  models.add(after);
                  if (appended.erased().isEmpty()) {
                    tip = versions.size() - 1;
                  }
                } else {
                  assertThatThrownBy(() -> versions.get(base).append(batch))
                      .as(what)
                      .isInstanceOf(RejectedEventException.class);
                }
                if (op % 50 == 49) {
                  findsAsTheModel(versions, models, used);
                }
              }
              findsAsTheModel(versions, models, used);
            });
  }

  /** A batch: mostly one event, else up to 8 (checked by a scan) or up to 20 (by a map). */
  private static List<LedgerEvent> batch(
      RandomGenerator random, List<String> used, List<LedgerEvent> model, int op) {
    int roll = random.nextInt(10);
    int size = roll < 5 ? 1 : roll < 8 ? 2 + random.nextInt(7) : 9 + random.nextInt(12);
    List<LedgerEvent> batch = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int kind = random.nextInt(100);
      String id;
      if (kind < 3 && !model.isEmpty()) {
        id = model.get(random.nextInt(model.size())).id(); // a duplicate of the ledger
      } else if (kind < 5 && !batch.isEmpty()) {
        id = batch.get(random.nextInt(batch.size())).id(); // a duplicate of the batch
      } else if (kind < 20 && !used.isEmpty()) {
        id = used.get(random.nextInt(used.size())); // maybe of this branch, maybe of another
      } else {
        id = "e" + used.size();
        used.add(id);
      }
      int type = random.nextInt(1000);
      if (type < 300) {
        batch.add(grant(id, day(op), Intent.DEALS, Channel.EMAIL));
      } else if (type < 500) {
        batch.add(confirmation(id, day(op), grantToName(random, used, model, batch)));
      } else if (type < 503) {
        batch.add(erasure(id, day(op)));
      } else {
        batch.add(purchase(id, day(op)));
      }
    }
    return batch;
  }

  /** The id a confirmation names: a grant of the ledger, one earlier in the batch, or any id. */
  private static String grantToName(
      RandomGenerator random, List<String> used, List<LedgerEvent> model, List<LedgerEvent> batch) {
    int roll = random.nextInt(20);
    List<LedgerEvent> from = roll < 12 ? model : roll < 17 ? batch : List.of();
    List<LedgerEvent> grants = from.stream().filter(e -> e instanceof Granted).toList();
    return grants.isEmpty()
        ? used.get(random.nextInt(used.size()))
        : grants.get(random.nextInt(grants.size())).id();
  }

  /** What the rules say of appending {@code batch} to a ledger holding {@code model}. */
  private static String outcome(List<LedgerEvent> model, List<LedgerEvent> batch) {
    Map<String, LedgerEvent> byId = new HashMap<>();
    boolean erased = false;
    for (LedgerEvent event : model) {
      byId.putIfAbsent(event.id(), event);
      erased |= event instanceof Erased;
    }
    for (LedgerEvent event : batch) {
      if (erased) {
        return "erased";
      }
      if (byId.containsKey(event.id())) {
        return "duplicate";
      }
      if (event instanceof Confirmed && !(byId.get(((Confirmed) event).grant()) instanceof Granted)) {
        return "no grant";
      }
      byId.put(event.id(), event);
      erased = event instanceof Erased;
    }
    return "accepted";
  }

  /** Every version finds every id drawn (and one never drawn) as its model does. */
  private static void findsAsTheModel(
      List<Ledger> versions, List<List<LedgerEvent>> models, List<String> used) {
    for (int v = 0; v < versions.size(); v++) {
      Map<String, LedgerEvent> byId = new HashMap<>();
      models.get(v).forEach(e -> byId.putIfAbsent(e.id(), e));
      for (int i = 0; i <= used.size(); i++) {
        String id = i < used.size() ? used.get(i) : "never";
        Optional<LedgerEvent> found = versions.get(v).event(id);
        if (!found.equals(Optional.ofNullable(byId.get(id)))) { // assertThat only on a mismatch: fast
          assertThat(found).as("version %s of %s, id %s", v, ids(models.get(v)), id).isEqualTo(Optional.ofNullable(byId.get(id)));
        }
      }
    }
  }

  /** Whether a confirmation of the batch names a grant earlier in the batch. */
  private static boolean confirmsInBatch(List<LedgerEvent> batch) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i) instanceof Confirmed) {
        String grant = ((Confirmed) batch.get(i)).grant();
        if (batch.subList(0, i).stream().anyMatch(e -> e.id().equals(grant))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> ids(List<LedgerEvent> events) {
    return events.stream().map(LedgerEvent::id).toList();
  }

  @Test
  void aRefusedBatchLeavesNoTraceOfItsIdsForTheNextAppendToTheSameVersion() {
    Ledger one = Ledger.of(customer()).append(List.of(grant("g1", day(0), Intent.DEALS, Channel.EMAIL), purchase("p0", day(0))));
    List<LedgerEvent> short_ = List.of(purchase("p1", day(1)), purchase("p2", day(1)), purchase("p0", day(1)));
    List<LedgerEvent> long_ = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      long_.add(purchase("q" + i, day(1)));
    }
    long_.add(confirmation("c1", day(1), "p1"));

    assertThat(catchThrowableOfType(RejectedEventException.class, () -> one.append(short_)))
        .hasMessage(HELD + "p0");
    assertThat(catchThrowableOfType(RejectedEventException.class, () -> one.append(long_)))
        .hasMessage("confirmed event c1 names grant p1, which is not a granted event of this ledger");

    assertThat(one.version()).isEqualTo(2);
    assertThat(one.events()).extracting(LedgerEvent::id).containsExactly("g1", "p0");
    assertThat(one.event("p1")).isEmpty();
    assertThat(one.event("q1")).isEmpty();
    Purchased x = purchase("x", day(2));
    Purchased p2 = purchase("p2", day(3));
    Purchased p1 = purchase("p1", day(4));
    Purchased q1 = purchase("q1", day(5));
    Ledger after = one.append(List.of(x, p2, p1, q1));
    assertThat(after.sharesLogWith(one)).as("the log did not grow, so the append did not fork").isTrue();
    assertThat(after.event("x")).contains(x);
    assertThat(after.event("p1")).contains(p1);
    assertThat(after.event("p2")).contains(p2);
    assertThat(after.event("q1")).contains(q1);
    assertThat(after.event("q2")).isEmpty();
    assertThat(after.event("c1")).isEmpty();
  }

  /** Ids whose hashCodes are all equal ("Aa" and "BB" hash alike) still find their own events. */
  @Test
  void idsWithTheSameHashCodeStayApart() {
    List<String> ids = new ArrayList<>();
    for (int bits = 0; bits < 1 << 10; bits++) {
      StringBuilder id = new StringBuilder();
      for (int b = 0; b < 10; b++) {
        id.append((bits >> b & 1) == 0 ? "Aa" : "BB");
      }
      ids.add(id.toString());
    }
    assertThat(ids.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
    Map<String, LedgerEvent> appended = new HashMap<>();
    Ledger ledger = Ledger.of(customer());
    Ledger early = ledger;
    for (String id : ids.subList(0, 512)) { // one at a time
      LedgerEvent event = id.endsWith("Aa") ? grant(id, day(0), Intent.DEALS, Channel.EMAIL) : purchase(id, day(0));
      ledger = ledger.append(event);
      appended.put(id, event);
      if (ledger.version() == 100) {
        early = ledger; // an older version of the same line
      }
    }
    for (int from = 512; from < 768; from += 16) { // batches checked through a map
      List<LedgerEvent> batch = new ArrayList<>();
      for (String id : ids.subList(from, from + 16)) {
        batch.add(purchase(id, day(1)));
      }
      ledger = ledger.append(batch);
      batch.forEach(e -> appended.put(e.id(), e));
    }
    Ledger full = ledger;

    for (String id : ids) {
      assertThat(full.event(id)).as(id).isEqualTo(Optional.ofNullable(appended.get(id)));
    }
    for (String id : List.of(ids.get(0), ids.get(511), ids.get(767))) {
      assertThat(catchThrowableOfType(RejectedEventException.class, () -> full.append(purchase(id, day(2)))))
          .hasMessage(HELD + id);
    }
    String grant = ids.get(510); // ends in Aa: a grant
    assertThat(full.event(grant).orElseThrow()).isInstanceOf(Granted.class);
    assertThat(full.append(confirmation(ids.get(800), day(2), grant)).event(ids.get(800))).isPresent();
    assertThat(early.event(ids.get(200))).isEmpty();
    assertThat(early.append(purchase(ids.get(200), day(3))).event(ids.get(200)).orElseThrow().at()).isEqualTo(day(3));
    assertThat(full.indexesCollidingIds())
        .as("ids sharing one hash move the index to a map, whose tree bounds each lookup")
        .isTrue();
  }

  /**
   * The index moves to a map only once a probe meets more than eight ids of its own hash: ids of
   * ordinary, different hashes never move it, and nine ids sharing one hash do.
   */
  @Test
  void onlyIdsSharingAHashMoveTheIndexToAMap() {
    Ledger plain = Ledger.of(customer());
    for (int i = 0; i < 5_000; i++) {
      plain = plain.append(purchase("e" + i, day(0)));
    }
    assertThat(plain.indexesCollidingIds()).isFalse();

    Ledger colliding = Ledger.of(customer());
    String[] sameHash = {"AaAaAaAa", "AaAaAaBB", "AaAaBBAa", "AaAaBBBB", "AaBBAaAa", "AaBBAaBB", "AaBBBBAa",
        "AaBBBBBB", "BBAaAaAa", "BBAaAaBB"};
    for (int i = 0; i < sameHash.length; i++) {
      colliding = colliding.append(purchase(sameHash[i], day(0)));
      assertThat(colliding.indexesCollidingIds()).as("after %d ids of one hash", i + 1).isEqualTo(i + 1 > 9);
    }
    for (String id : sameHash) {
      assertThat(colliding.event(id)).isPresent();
    }
    assertThat(colliding.event("BBBBBBBB")).isEmpty();
  }

  /** A version appended to again forks; lookups in the older line stay as they were. */
  @Test
  void anOlderVersionOfALineDoesNotSeeTheIdsAppendedAfterIt() {
    Ledger base = Ledger.of(customer()).append(purchase("p0", day(0)));
    Ledger tip = base;
    for (int i = 1; i < 200; i++) {
      tip = tip.append(purchase("p" + i, day(0)));
    }
    Ledger fork = base.append(purchase("p150", day(9)));

    assertThat(base.event("p150")).isEmpty();
    assertThat(tip.event("p150").orElseThrow().at()).isEqualTo(day(0));
    assertThat(fork.event("p150").orElseThrow().at()).isEqualTo(day(9));
    assertThat(fork.event("p151")).isEmpty();
    assertThat(fork.append(purchase("p151", day(9))).version()).isEqualTo(3);
  }
}
