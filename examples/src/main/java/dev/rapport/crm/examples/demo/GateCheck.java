package dev.rapport.crm.examples.demo;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.campaign.CampaignCustomer;
import dev.rapport.crm.campaign.CampaignGate;
import dev.rapport.crm.campaign.CampaignRun;
import dev.rapport.crm.campaign.CompiledPopulation;
import dev.rapport.crm.campaign.CustomerSource;
import dev.rapport.crm.campaign.GatedDecision;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.Verdict;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code rapport gate --customers N}: a seeded population of the demo's kind, Monday's offer
 * gated to give every customer a history, then Tuesday's newsletter at 10:00 local gated twice,
 * with the compiled campaign gate and with the loop of single decisions, and every decision
 * compared (verdict, reason codes, obligations, {@code deferUntil}). The last line gives the
 * time per decision of the compiled gate once the population is compiled, and of the loop of
 * single decisions; the time to compile (once per outreach, for every campaign of it) is printed
 * on standard error.
 */
public final class GateCheck {
  private GateCheck() {}

  /** Runs the check for {@code customers} customers; whether every decision was identical. */
  public static boolean run(int customers, PrintStream out, PrintStream err) {
    PolicyEngine engine = Demo.engine();
    int cores = Runtime.getRuntime().availableProcessors();
    CampaignGate gate = CampaignGate.builder().engine(engine).parallelism(cores).build();
    err.printf("gate: generating %d seeded customers%n", customers);
    List<DemoCustomer> population = Population.generate(Demo.SEED, customers);
    List<Ledger> ledgers = new ArrayList<>(customers);
    for (DemoCustomer customer : population) {
      ledgers.add(Ledger.of(customer.profile(), customer.events()));
    }
    Campaign monday = Campaign.week().get(0);
    Campaign tuesday = Campaign.week().get(1);
    Outreach mondayShape = monday.plan(population.get(0)).orElseThrow().rescheduled(Instant.EPOCH);
    Outreach tuesdayShape = tuesday.plan(population.get(0)).orElseThrow().rescheduled(Instant.EPOCH);
    List<CampaignCustomer> fresh = new ArrayList<>(customers);
    for (Ledger ledger : ledgers) {
      fresh.add(CampaignCustomer.of(ledger, ImmutableList.of()));
    }
    CampaignRun mondayRun = gate.gate(CustomerSource.of(fresh), monday.template(mondayShape));
    List<CampaignCustomer> withHistory = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      GatedDecision sent = mondayRun.get(i);
      withHistory.add(
          CampaignCustomer.of(
              ledgers.get(i),
              sent.verdict() == Verdict.ALLOW ? ImmutableList.of(HistoryEntry.sent(sent.outreach())) : ImmutableList.of()));
    }
    CustomerSource source = CustomerSource.of(withHistory);
    var template = tuesday.template(tuesdayShape);
    err.printf("gate: %s to %d customers on %d cores%n", tuesday, customers, cores);

    long start = System.nanoTime();
    CompiledPopulation compiled = gate.compile(source, template);
    long compiledAt = System.nanoTime();
    CampaignRun gated = gate.gate(compiled, template);
    long gatedAt = System.nanoTime();
    CampaignRun single = gate.singleDecisions(source, template);
    long singleAt = System.nanoTime();

    int identical = 0;
    for (int i = 0; i < customers; i++) {
      GatedDecision a = gated.get(i);
      GatedDecision b = single.get(i);
      boolean same =
          a.verdict() == b.verdict()
              && a.reasonCodes().equals(b.reasonCodes())
              && a.obligations().equals(b.obligations())
              && Objects.equals(a.deferUntil(), b.deferUntil());
      if (same) {
        identical++;
      } else if (customers - identical < 5) {
        err.printf("gate: differs for %s: compiled %s, single %s%n", a.customerId(), a, b);
      }
    }
    err.printf(
        "gate: compiling took %d ms (%d ns/customer, once per outreach); gating once compiled %d ms; %s%n",
        (compiledAt - start) / 1_000_000,
        (compiledAt - start) / customers,
        (gatedAt - compiledAt) / 1_000_000,
        gated.summary());
    out.printf(
        "gate: %d of %d identical; compiled %d ns/decision; single %d ns/decision%n",
        identical,
        customers,
        (gatedAt - compiledAt) / customers,
        (singleAt - gatedAt) / customers);
    return identical == customers;
  }
}
