package dev.rapport.crm.campaign;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Standing;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The campaign gate at scale: ten million customers of {@link FourRulePopulation}, the gate on
 * every core the machine gives ({@code availableProcessors}), each score one whole compile or one
 * whole campaign (single shot, wall time).
 *
 * <p>The customers are drawn from {@code distinct} ledgers and histories (customer i has ledger and
 * history i modulo {@code distinct}): ten million distinct ledgers of this kind need about 16 GB
 * of heap (a ledger about 800 bytes, its cached fold 550, its history 145), more than this shared
 * machine can give one benchmark. The compile and the gate still do all their work for every
 * customer (nothing in them is keyed by ledger), and a million distinct ledgers (1.3 GB) are far
 * beyond any CPU cache, so the memory traffic is of the same kind.
 *
 * <p>Setup times and prints its phases apart, so that none hides in another: generating the
 * population (building and validating the ledgers, in one thread), folding every ledger once (the
 * fold a ledger read from a store needs before any decision, in one thread; a ledger caches it),
 * the first compile (cold code), and the first campaign with its summary and fallback count.
 * The measured {@code compile} then starts from folded ledgers, as a compile of a second outreach
 * over the same ledgers does.
 *
 * <pre>
 * mvn -B -q -pl crm-core -Pbenchmarks -DskipTests verify -Djmh.args="CampaignScaleBenchmark"
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx14g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class CampaignScaleBenchmark {
  @Param({"10000000"})
  public int customers;

  /** How many distinct ledgers and histories the customers are drawn from, customer i from i modulo this. */
  @Param({"1000000"})
  public int distinct;

  private final CampaignGate gate =
      CampaignGate.builder()
          .engine(FourRulePopulation.engine())
          .parallelism(Runtime.getRuntime().availableProcessors())
          .build();
  private OutreachTemplate template;
  private CustomerSource source;
  private CompiledPopulation compiled;

  /** Generates, folds, compiles and gates once, timing each phase. */
  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    FourRulePopulation population = FourRulePopulation.generate(42L, Math.min(distinct, customers));
    int drawn = population.ledgers.length;
    List<CampaignCustomer> list = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      list.add(CampaignCustomer.of(population.ledgers[i % drawn], population.histories.get(i % drawn)));
    }
    source = CustomerSource.of(list);
    long generated = System.nanoTime();
    for (Ledger ledger : population.ledgers) {
      Standing.of(ledger, Instant.MAX);
    }
    long folded = System.nanoTime();
    Outreach outreach =
        Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL).at(FourRulePopulation.AT).build();
    template = OutreachTemplate.at(outreach);
    compiled = gate.compile(source, template);
    long compiledAt = System.nanoTime();
    CampaignRun run = gate.gate(compiled, template);
    long gatedAt = System.nanoTime();
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf(
        "%nscale: %d customers (%d distinct ledgers) on %d cores: generated in %d ms, folded in %d ms (one thread),"
            + " first compile %d ms, first campaign %d ms; heap %d MB (%d B/customer); %s%n",
        customers,
        drawn,
        Runtime.getRuntime().availableProcessors(),
        (generated - start) / 1_000_000,
        (folded - generated) / 1_000_000,
        (compiledAt - folded) / 1_000_000,
        (gatedAt - compiledAt) / 1_000_000,
        heap >> 20,
        heap / customers,
        run.summary().toString().replaceAll(", codes .*", ""));
  }

  /** Compiling the population (its ledgers already folded). */
  @Benchmark
  public CompiledPopulation compile() {
    return gate.compile(source, template);
  }

  /** One campaign over the compiled population. */
  @Benchmark
  public CampaignRun gate() {
    return gate.gate(compiled, template);
  }
}
