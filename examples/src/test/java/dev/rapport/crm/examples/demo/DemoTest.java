package dev.rapport.crm.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.examples.demo.DemoReport.CampaignResult;
import dev.rapport.crm.examples.demo.DemoReport.ExplainedDecision;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.store.InMemoryLedgerStore;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class DemoTest {
  private static DemoReport report;
  private static String printed;

  @BeforeAll
  static void runTheBundledDemo() {
    report = Demo.bundled().run(new InMemoryLedgerStore(), Progress.silent());
    printed = DemoPrinter.print(report);
  }

  @Test
  void everyPlannedOutreachIsAllowedDeniedOrDeferred() {
    assertThat(report.campaigns()).hasSize(Campaign.week().size());
    for (CampaignResult result : report.campaigns()) {
      assertThat(result.allowed() + result.denied() + result.deferred())
          .as(result.campaign().name())
          .isEqualTo(result.planned());
      assertThat(result.planned()).as(result.campaign().name()).isPositive();
    }
  }

  @Test
  void theWeekMeetsEveryVerdict() {
    for (Verdict verdict : Verdict.values()) {
      assertThat(report.campaigns().stream().mapToInt(r -> r.count(verdict)).sum())
          .as(verdict.name())
          .isPositive();
    }
  }

  @Test
  void customersAreCountedOnceByJurisdictionAndBySegment() {
    assertThat(report.customers()).isEqualTo(Demo.CUSTOMERS);
    assertThat(report.byJurisdiction().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(Demo.CUSTOMERS);
    assertThat(report.bySegment().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(Demo.CUSTOMERS);
    assertThat(report.byJurisdiction()).allSatisfy((code, count) -> assertThat(count).isPositive());
    assertThat(report.bySegment()).allSatisfy((segment, count) -> assertThat(count).isPositive());
  }

  @Test
  void theReasonTableShowsEveryCodeThatStoppedOrDelayedAnOutreachAndEveryCodeTheExplanationsCite() {
    java.util.Set<String> shown = new java.util.HashSet<>();
    report.stopReasons().forEach(r -> shown.add(r.code()));
    report.allowReasons().forEach(r -> shown.add(r.code()));
    for (DemoReport.ExplainedDecision explained : report.explained()) {
      for (dev.rapport.crm.policy.Code code : explained.decision().reasonCodes()) {
        assertThat(shown).as("%s cites %s", explained.headline(), code).contains(code.name());
        assertThat(printed).contains(code.name());
      }
    }
    assertThat(report.stopReasons())
        .extracting(DemoReport.ReasonCount::verdict)
        .contains(Verdict.DENY, Verdict.DEFER);
  }

  @Test
  void stopReasonsAreTheMostFrequentFirst() {
    assertThat(report.stopReasons()).isNotEmpty();
    for (int i = 1; i < report.stopReasons().size(); i++) {
      assertThat(report.stopReasons().get(i).count())
          .isLessThanOrEqualTo(report.stopReasons().get(i - 1).count());
    }
    assertThat(report.stopReasons()).allSatisfy(r -> assertThat(r.verdict()).isNotEqualTo(Verdict.ALLOW));
  }

  @Test
  void theExplainedDecisionsAreWhatTheEngineDecidesForTheSameInputs() {
    Map<String, Ledger> ledgers =
        Demo.bundled().customers().stream()
            .collect(Collectors.toMap(DemoCustomer::id, c -> Ledger.of(c.profile(), c.events()), (a, b) -> a));
    assertThat(report.explained()).hasSize(3);
    assertThat(report.explained())
        .extracting(e -> e.decision().verdict())
        .containsExactly(Verdict.ALLOW, Verdict.DENY, Verdict.DEFER);
    for (ExplainedDecision explained : report.explained()) {
      Ledger ledger = ledgers.get(explained.customer().id());
      assertThat(Demo.engine().decide(ledger, explained.history(), explained.outreach()))
          .as(explained.headline())
          .isEqualTo(explained.decision());
    }
  }

  @Test
  void theDeferredDecisionSaysWhenItMayGo() {
    ExplainedDecision deferred = report.explained().get(2);
    assertThat(deferred.decision().deferUntil()).get().matches(t -> t.isAfter(deferred.outreach().at()));
  }

  @Test
  void theOutputIsTheSameOnEveryRun() {
    DemoReport again = Demo.bundled().run(new InMemoryLedgerStore(), Progress.silent());
    assertThat(DemoPrinter.print(again)).isEqualTo(printed);
    assertThat(again).isEqualTo(report);
  }

  @Test
  void theDurableJournalGivesTheSameReportAsTheMemoryStore() throws Exception {
    Demo small = Demo.of(Demo.SEED, 300);

    assertThat(small.runOnTemporaryJournal(Progress.silent()))
        .isEqualTo(small.run(new InMemoryLedgerStore(), Progress.silent()));
  }

  @Test
  void thePostgresStoreGivesTheSameReportAsTheMemoryStore() {
    Demo small = Demo.of(Demo.SEED, 300);

    assertThat(PostgresDemo.run(small, TestServer.jdbcUrl(), Progress.silent()))
        .as(TestServer.howToStartOne())
        .isEqualTo(small.run(new InMemoryLedgerStore(), Progress.silent()));
  }

  @Test
  void thePrintedReportShowsEveryCampaignAndEveryExplainedReason() {
    assertThat(printed).contains(report.campaigns().stream().map(r -> r.campaign().name()).toArray(String[]::new));
    for (ExplainedDecision explained : report.explained()) {
      explained.decision().reasons().forEach(r -> assertThat(printed).contains(r.message()));
      explained.decision().obligations().forEach(o -> assertThat(printed).contains(o.toString()));
      explained.decision().deferUntil().ifPresent(d -> assertThat(printed).contains(d.toString()));
    }
  }

  @Test
  void generationIsDeterministicAndKeepsEventsBeforeTheWeek() {
    assertThat(Population.generate(7, 200)).isEqualTo(Population.generate(7, 200));
    assertThat(Population.generate(7, 200).stream().flatMap(c -> c.events().stream()))
        .allSatisfy(e -> assertThat(e.at()).isBefore(Population.HISTORY_ENDS));
    Function<DemoCustomer, String> id = DemoCustomer::id;
    assertThat(Population.generate(7, 3)).extracting(id).containsExactly("c-00001", "c-00002", "c-00003");
  }
}
