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
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Invariants of the decision ({@code model.md} 4, 5, 5.1, 5.3) over random ledgers.
 *
 * <p>The generated ledgers carry no timing preferences and the customer's jurisdiction has no
 * pack, so with default options a verdict is ALLOW or DENY.
 */
final class DecisionPropertiesTest {
  private static final PolicyEngine ENGINE = PolicyEngine.withDefaults();

  @Provide
  Arbitrary<Ledger> ledgers() {
    return RandomLedgers.ledgers();
  }

  @Provide
  Arbitrary<Outreach> marketing() {
    return RandomLedgers.marketingOutreach();
  }

  @Provide
  Arbitrary<Outreach> anything() {
    return RandomLedgers.anyOutreach();
  }

  @Provide
  Arbitrary<Outreach> needingAnIntent() {
    return RandomLedgers.outreach(
        Purpose.SERVICE, Purpose.RESEARCH, Purpose.OFFER, Purpose.PROMOTION, Purpose.PERSONAL, Purpose.CONTENT, Purpose.ADVOCACY);
  }

  @Provide
  Arbitrary<Draft> closing() {
    return RandomLedgers.closings(RandomLedgers.instants());
  }

  @Provide
  Arbitrary<List<HistoryEntry>> histories() {
    return RandomLedgers.histories();
  }

  /** (a) model.md 4 and 5.3: a withdrawal or objection only ever closes. */
  @Property(tries = 300)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void appendingAWithdrawalOrObjectionNeverTurnsADenyIntoAnAllowForMarketing(
      @ForAll("ledgers") Ledger ledger, @ForAll("marketing") Outreach outreach, @ForAll("closing") Draft closing) {
    Decision before = ENGINE.decide(ledger, List.of(), outreach);
    Decision after = ENGINE.decide(RandomLedgers.append(ledger, "closing-", List.of(closing)), List.of(), outreach);

    Statistics.label("before").collect(before.verdict());
    if (before.verdict() == Verdict.DENY) {
      assertThat(after).isDenied();
    }
    Statistics.label("before")
        .coverage(coverage -> coverage.check(Verdict.DENY).percentage(p -> p > 50));
  }

  /**
   * (b) model.md 5: events after {@code at} are ignored, wherever they stand in the ledger. The
   * random ledger holds events on both sides of the outreach's instant; leaving out those after
   * it (and a confirmation whose grant is after it, which confirms nothing) changes nothing, and
   * neither does a later erasure.
   */
  @Property(tries = 300)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void eventsAfterTheInstantNeverChangeTheDecision(
      @ForAll("ledgers") Ledger ledger, @ForAll("anything") Outreach outreach) {
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
    Statistics.label("verdict").collect(decision.verdict());
    Statistics.label("events after the instant").collect(past.size() < ledger.version());

    assertThat(ENGINE.decide(pastOnly, List.of(), outreach)).isEqualTo(decision);
    assertThat(ENGINE.decide(thenErased, List.of(), outreach)).isEqualTo(decision);
    Statistics.label("verdict").coverage(coverage -> coverage.check(Verdict.ALLOW).percentage(p -> p > 5));
    Statistics.label("events after the instant")
        .coverage(coverage -> coverage.check(true).percentage(p -> p > 30));
  }

  /** (c) model.md 5.1: from the erasure on, everything is denied. */
  @Property(tries = 300)
  void afterErasureEverythingIsDenied(
      @ForAll("ledgers") Ledger ledger,
      @ForAll("anything") Outreach outreach,
      @ForAll @IntRange(min = 0, max = 10) int stepsBefore) {
    Instant erasedAt = outreach.at().minus(STEP.multipliedBy(stepsBefore));
    Ledger erased = ledger.append(Erased.builder().id("erased").at(erasedAt).build());

    assertThat(ENGINE.decide(erased, List.of(), outreach)).isDenied().hasReasons(ReasonCode.ERASED);
  }

  /** (d) model.md 5: the same inputs give the same decision, whatever the history's order. */
  @Property(tries = 300)
  void theSameInputsAlwaysGiveTheSameDecision(
      @ForAll("ledgers") Ledger ledger,
      @ForAll("anything") Outreach outreach,
      @ForAll("histories") List<HistoryEntry> history,
      @ForAll long seed) {
    PolicyOptions capped =
        PolicyOptions.builder()
            .addCaps(FrequencyCap.builder().addPurposes(Purpose.OFFER, Purpose.PROMOTION).max(2).per(Duration.ofDays(7)).build())
            .build();
    Decision first = PolicyEngine.builder().options(capped).build().decide(ledger, history, outreach);

    List<HistoryEntry> shuffled = new ArrayList<>(history);
    Collections.shuffle(shuffled, new Random(seed));
    Decision again = PolicyEngine.builder().options(capped).build().decide(ledger, shuffled, outreach);

    assertThat(again).isEqualTo(first);
  }

  /**
   * (d) model.md 4: events are ordered by {@code at}, ties by ledger position; appending them in
   * time order (ties kept in ledger order) describes the same state.
   */
  @Property(tries = 300)
  void theAppendOrderMattersOnlyBetweenEventsAtTheSameInstant(
      @ForAll("ledgers") Ledger ledger, @ForAll("anything") Outreach outreach) {
    List<LedgerEvent> inTimeOrder = new ArrayList<>(ledger.events());
    inTimeOrder.sort(Comparator.comparing(LedgerEvent::at));
    Ledger sorted;
    try {
      sorted = Ledger.of(ledger.customer(), inTimeOrder);
    } catch (RejectedEventException confirmationBeforeItsGrant) {
      Assume.that(false);
      return;
    }

    assertThat(ENGINE.decide(sorted, List.of(), outreach).verdict())
        .isEqualTo(ENGINE.decide(ledger, List.of(), outreach).verdict());
    assertThat(ENGINE.decide(sorted, List.of(), outreach).reasonCodes())
        .containsExactlyInAnyOrderElementsOf(ENGINE.decide(ledger, List.of(), outreach).reasonCodes());
  }

  /** (e) model.md 4 and 5.3: only the customer can re-open what the customer closed. */
  @Property(tries = 300)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void anImportedGrantNeverReopensWhatAWithdrawalClosed(
      @ForAll("ledgers") Ledger ledger,
      @ForAll("needingAnIntent") Outreach outreach,
      @ForAll @IntRange(min = 1, max = 10) int withdrawnStepsBefore,
      @ForAll @IntRange(min = 0, max = 9) int importStepsBefore) {
    Assume.that(importStepsBefore < withdrawnStepsBefore);
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
    Statistics.label("after the withdrawal").collect(closedVerdict);
    if (closedVerdict == Verdict.DENY) {
      assertThat(ENGINE.decide(reimported, List.of(), outreach)).isDenied();
    }
    Statistics.label("after the withdrawal")
        .coverage(coverage -> coverage.check(Verdict.DENY).percentage(p -> p > 50));
  }
}
