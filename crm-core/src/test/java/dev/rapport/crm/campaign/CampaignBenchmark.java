package dev.rapport.crm.campaign;

import dev.rapport.crm.benchmarks.DecisionBenchmark;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jol.info.GraphLayout;

/**
 * One campaign (a promotion by e-mail at 10:00 UTC) over the whole seeded population of {@link
 * DecisionBenchmark} (its generator and its plain-Java control, reused), side by side, one
 * thread each; a score is the time of one whole campaign, so ns per decision is the score over
 * {@code customers}.
 *
 * <ul>
 *   <li>{@code gate}: the campaign gate over the compiled population.
 *   <li>{@code compile}: compiling the population for the outreach (once per outreach, for any
 *       number of campaign instants).
 *   <li>{@code singleLoop}: the loop of single decisions of the same engine.
 *   <li>{@code control}: the plain-Java {@code HashMap} control of {@link DecisionBenchmark},
 *       which knows none of the law.
 * </ul>
 *
 * <p>The engine: default options and a business cap of 2 promotions per 7 days. Setup checks
 * that the gate and the single decisions agree on every customer (verdict, codes, obligations,
 * {@code deferUntil}) and prints the fallback count and the compiled form's resident bytes per
 * customer (JOL, the packed columns without the ledgers they were compiled from).
 *
 * <pre>
 * mvn -B -q -pl crm-core -Pbenchmarks -DskipTests verify -Djmh.args="CampaignBenchmark -prof gc"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@State(Scope.Benchmark)
public class CampaignBenchmark {
  @Param({"100000"})
  public int customers;

  private final PolicyEngine engine =
      PolicyEngine.builder()
          .options(
              PolicyOptions.builder()
                  .addCaps(FrequencyCap.builder().addPurposes(Purpose.PROMOTION).addChannels(Channel.EMAIL).max(2).per(Duration.ofDays(7)).build())
                  .build())
          .build();
  private final CampaignGate gate = CampaignGate.builder().engine(engine).build();
  private Ledger[] ledgers;
  private List<List<dev.rapport.crm.policy.HistoryEntry>> histories;
  private Outreach outreach;
  private OutreachTemplate template;
  private CustomerSource source;
  private CompiledPopulation compiled;

  /** Builds the population, compiles it, checks the gate against single decisions. */
  @Setup(Level.Trial)
  public void setUp() {
    DecisionBenchmark.Population population = DecisionBenchmark.Population.generate(42L, customers);
    ledgers = population.ledgers;
    histories = population.histories;
    outreach = Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL).at(DecisionBenchmark.AT).build();
    template = OutreachTemplate.at(outreach);
    List<CampaignCustomer> list = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      list.add(CampaignCustomer.of(ledgers[i], histories.get(i)));
    }
    source = CustomerSource.of(list);
    compiled = gate.compile(source, template);
    CampaignRun run = gate.gate(compiled, template);
    for (int i = 0; i < customers; i++) {
      GatedDecision gated = run.get(i);
      Decision single = engine.decide(ledgers[i], histories.get(i), outreach);
      if (gated.verdict() != single.verdict()
          || !gated.reasonCodes().equals(single.reasonCodes())
          || !gated.obligations().equals(single.obligations())
          || !Objects.equals(gated.deferUntil(), single.deferUntil())) {
        throw new IllegalStateException("customer " + i + ": gate " + gated + ", single " + single);
      }
    }
    long resident = GraphLayout.parseInstance((Object[]) compiled.chunks).totalSize();
    System.out.printf(
        "%ncampaign: %d customers agree; %s; compiled form %d bytes resident, %.1f per customer%n",
        customers, run.summary(), resident, resident / (double) customers);
  }

  /** The campaign gate over the compiled population. */
  @Benchmark
  public CampaignRun gate() {
    return gate.gate(compiled, template);
  }

  /** Compiling the population for the outreach. */
  @Benchmark
  public CompiledPopulation compile() {
    return gate.compile(source, template);
  }

  /** The loop of single decisions. */
  @Benchmark
  public int singleLoop() {
    int allowed = 0;
    for (int i = 0; i < ledgers.length; i++) {
      allowed += engine.decide(ledgers[i], histories.get(i), outreach).isAllowed() ? 1 : 0;
    }
    return allowed;
  }

  /** The plain-Java HashMap control over the same ledgers. */
  @Benchmark
  public int control() {
    int allowed = 0;
    for (int i = 0; i < ledgers.length; i++) {
      allowed += DecisionBenchmark.Control.decide(ledgers[i], DecisionBenchmark.AT) == 0 ? 1 : 0;
    }
    return allowed;
  }
}
