package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.byCustomer;
import static dev.rapport.crm.testing.Fixtures.imported;
import static dev.rapport.crm.testing.RandomLedgers.STEP;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.RejectedEventException;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.testing.Draw;
import dev.rapport.crm.testing.PropertyRun;
import dev.rapport.crm.testing.RandomLedgers;
import dev.rapport.crm.testing.RandomLedgers.Draft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Invariants of the decision ({@code RULES.md} "The ledger", "The model", 1, 3) over random ledgers, 300 seeded
 * tries each ({@link PropertyRun}: a failure prints the seed that reproduces it).
 *
 * <p>The generated ledgers carry no timing preferences and the customer's jurisdiction has no
 * pack, so with default options a verdict is ALLOW or DENY.
 */
final class DecisionPropertiesTest {
  private static final PolicyEngine ENGINE = PolicyEngine.withDefaults();

  private static final Purpose[] NEEDING_AN_INTENT = {
    Purpose.SERVICE, Purpose.RESEARCH, Purpose.OFFER, Purpose.PROMOTION, Purpose.PERSONAL, Purpose.CONTENT, Purpose.ADVOCACY
  };

  private static Ledger ledger(PropertyRun.Try t) {
    Ledger ledger = RandomLedgers.ledger(t.random());
    t.given("ledger", ledger.events());
    return ledger;
  }

  private static Outreach anything(PropertyRun.Try t) {
    return t.given("outreach", RandomLedgers.anyOutreach(t.random()));
  }

  /** (a) RULES.md "The ledger" and 3: a withdrawal or objection only ever closes. */
  @TestFactory
  Stream<DynamicTest> appendingAWithdrawalOrObjectionNeverTurnsADenyIntoAnAllowForMarketing() {
    return PropertyRun.tries(300)
        .coverage(statistics -> assertThat(statistics.percentage("before", Verdict.DENY)).isGreaterThan(50))
        .check(
            t -> {
              Ledger ledger = ledger(t);
              Outreach outreach = t.given("outreach", RandomLedgers.marketingOutreach(t.random()));
              Draft closing = RandomLedgers.closing(t.random());
              Ledger closed = RandomLedgers.append(ledger, "closing-", List.of(closing));
              t.given("closing", closed.events().subList(ledger.version(), closed.version()));
              Decision before = ENGINE.decide(ledger, List.of(), outreach);
              Decision after = ENGINE.decide(closed, List.of(), outreach);

              t.collect("before", before.verdict());
              if (before.verdict() == Verdict.DENY) {
                assertThat(after).isDenied();
              }
            });
  }

  /**
   * (b) RULES.md "The model": events after {@code at} are ignored, wherever they stand in the ledger. The
   * random ledger holds events on both sides of the outreach's instant; leaving out those after
   * it (and a confirmation whose grant is after it, which confirms nothing) changes nothing, and
   * neither does a later erasure.
   */
  @TestFactory
  Stream<DynamicTest> eventsAfterTheInstantNeverChangeTheDecision() {
    return PropertyRun.tries(300)
        .coverage(statistics -> assertThat(statistics.percentage("verdict", Verdict.ALLOW)).isGreaterThan(5))
        .coverage(statistics -> assertThat(statistics.percentage("events after the instant", true)).isGreaterThan(30))
        .check(
            t -> {
              Ledger ledger = ledger(t);
              Outreach outreach = anything(t);
              Instant at = outreach.at();
              List<LedgerEvent> past = new ArrayList<>();
              for (LedgerEvent event : ledger.events()) {
                boolean confirmsALaterGrant =
                    event instanceof Confirmed
                        && ledger.event(((Confirmed) event).grant()).orElseThrow().at().isAfter(at);
                if (!event.at().isAfter(at) && !confirmsALaterGrant) {
                  past.add(event);
                }
              }
              Ledger pastOnly = Ledger.of(ledger.customer(), past);
              Ledger thenErased = ledger.append(Erased.builder().id("erased").at(at.plusSeconds(1)).build());

              Decision decision = ENGINE.decide(ledger, List.of(), outreach);
              t.collect("verdict", decision.verdict());
              t.collect("events after the instant", past.size() < ledger.version());

              assertThat(ENGINE.decide(pastOnly, List.of(), outreach)).isEqualTo(decision);
              assertThat(ENGINE.decide(thenErased, List.of(), outreach)).isEqualTo(decision);
            });
  }

  /** (c) RULES.md 1: from the erasure on, everything is denied. */
  @TestFactory
  Stream<DynamicTest> afterErasureEverythingIsDenied() {
    return PropertyRun.tries(300)
        .check(
            t -> {
              Ledger ledger = ledger(t);
              Outreach outreach = anything(t);
              int stepsBefore = t.given("stepsBefore", Draw.between(t.random(), 0, 10));
              Instant erasedAt = outreach.at().minus(STEP.multipliedBy(stepsBefore));
              Ledger erased = ledger.append(Erased.builder().id("erased").at(erasedAt).build());

              assertThat(ENGINE.decide(erased, List.of(), outreach)).isDenied().hasReasons(ReasonCode.ERASED);
            });
  }

  /** (d) RULES.md "The model": the same inputs give the same decision, whatever the history's order. */
  @TestFactory
  Stream<DynamicTest> theSameInputsAlwaysGiveTheSameDecision() {
    return PropertyRun.tries(300)
        .check(
            t -> {
              Ledger ledger = ledger(t);
              Outreach outreach = anything(t);
              List<HistoryEntry> history = t.given("history", RandomLedgers.history(t.random()));
              PolicyOptions capped =
                  PolicyOptions.builder()
                      .addCaps(FrequencyCap.builder().addPurposes(Purpose.OFFER, Purpose.PROMOTION).max(2).per(Duration.ofDays(7)).build())
                      .build();
              Decision first = PolicyEngine.builder().options(capped).build().decide(ledger, history, outreach);

              List<HistoryEntry> shuffled = new ArrayList<>(history);
              Collections.shuffle(shuffled, new Random(t.random().nextLong()));
              Decision again = PolicyEngine.builder().options(capped).build().decide(ledger, shuffled, outreach);

              assertThat(again).isEqualTo(first);
            });
  }

  /**
   * (d) RULES.md "The ledger": events are ordered by {@code at}, ties by ledger position; appending them in
   * time order (ties kept in ledger order) describes the same state. A ledger whose time order
   * puts a confirmation before its grant cannot be appended that way and checks nothing; the
   * coverage check makes sure most tries do check.
   */
  @TestFactory
  Stream<DynamicTest> theAppendOrderMattersOnlyBetweenEventsAtTheSameInstant() {
    return PropertyRun.tries(300)
        .coverage(statistics -> assertThat(statistics.percentage("appendable in time order", true)).isGreaterThan(60))
        .check(
            t -> {
              Ledger ledger = ledger(t);
              Outreach outreach = anything(t);
              List<LedgerEvent> inTimeOrder = new ArrayList<>(ledger.events());
              inTimeOrder.sort(Comparator.comparing(LedgerEvent::at));
              Ledger sorted;
              try {
                sorted = Ledger.of(ledger.customer(), inTimeOrder);
              } catch (RejectedEventException confirmationBeforeItsGrant) {
                t.collect("appendable in time order", false);
                return;
              }
              t.collect("appendable in time order", true);

              assertThat(ENGINE.decide(sorted, List.of(), outreach).verdict())
                  .isEqualTo(ENGINE.decide(ledger, List.of(), outreach).verdict());
              assertThat(ENGINE.decide(sorted, List.of(), outreach).reasonCodes())
                  .containsExactlyInAnyOrderElementsOf(ENGINE.decide(ledger, List.of(), outreach).reasonCodes());
            });
  }

  /** (e) RULES.md "The ledger" and 3: only the customer can re-open what the customer closed. */
  @TestFactory
  Stream<DynamicTest> anImportedGrantNeverReopensWhatAWithdrawalClosed() {
    return PropertyRun.tries(300)
        .coverage(statistics -> assertThat(statistics.percentage("after the withdrawal", Verdict.DENY)).isGreaterThan(50))
        .check(
            t -> {
              RandomGenerator random = t.random();
              Ledger ledger = ledger(t);
              Outreach outreach = t.given("outreach", RandomLedgers.outreach(random, NEEDING_AN_INTENT));
              int withdrawnStepsBefore;
              int importStepsBefore;
              do { // import strictly after the withdrawal, each such pair as likely
                withdrawnStepsBefore = Draw.between(random, 1, 10);
                importStepsBefore = Draw.between(random, 0, 9);
              } while (importStepsBefore >= withdrawnStepsBefore);
              t.given("withdrawnStepsBefore", withdrawnStepsBefore);
              t.given("importStepsBefore", importStepsBefore);
              Set<Intent> opening = outreach.purpose().openedBy();
              Instant withdrawnAt = outreach.at().minus(STEP.multipliedBy(withdrawnStepsBefore));
              Ledger closed =
                  ledger.append(
                      Withdrawn.builder()
                          .id("closing")
                          .at(withdrawnAt)
                          .intents(opening)
                          .addChannels(outreach.channel())
                          .evidence(byCustomer())
                          .build());
              Ledger reimported =
                  closed.append(
                      Granted.builder()
                          .id("reimport")
                          .at(outreach.at().minus(STEP.multipliedBy(importStepsBefore)))
                          .intents(opening)
                          .addChannels(outreach.channel())
                          .entity(outreach.entity())
                          .evidence(imported(withdrawnAt.minus(Duration.ofDays(365))))
                          .build());

              Verdict closedVerdict = ENGINE.decide(closed, List.of(), outreach).verdict();
              t.collect("after the withdrawal", closedVerdict);
              if (closedVerdict == Verdict.DENY) {
                assertThat(ENGINE.decide(reimported, List.of(), outreach)).isDenied();
              }
            });
  }
}
