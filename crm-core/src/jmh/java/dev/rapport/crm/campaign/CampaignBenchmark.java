package dev.rapport.crm.campaign;

import com.cedarpolicy.model.AuthorizationRequest;
import dev.rapport.crm.campaign.FourRuleRivals.Casbin;
import dev.rapport.crm.campaign.FourRuleRivals.Cedar;
import dev.rapport.crm.campaign.FourRuleRivals.Control;
import dev.rapport.crm.campaign.FourRuleRivals.EasyRules;
import dev.rapport.crm.campaign.FourRuleRivals.FourRuleFacts;
import dev.rapport.crm.campaign.FourRuleRivals.Subject;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jeasy.rules.api.Facts;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jol.info.GraphLayout;

/**
 * One campaign (a promotion by e-mail at 10:00 UTC) over the whole seeded population of {@link
 * FourRulePopulation}, Rapport beside its control and its rivals in one run, one thread each; a
 * score is the time of one whole campaign, so ns per decision is the score over {@code
 * customers}, and bytes per decision {@code gc.alloc.rate.norm} over {@code customers}.
 *
 * <ul>
 *   <li>{@code gate}: Rapport's campaign gate over the compiled population, full semantics.
 *   <li>{@code compile}: compiling the population for the outreach (once per outreach, for any
 *       number of campaign instants).
 *   <li>{@code singleLoop}: the loop of single decisions of the same engine.
 *   <li>{@code control}: the 4-rule policy in plain Java over a {@code HashMap} view of each
 *       customer's four facts ({@link FourRuleRivals}).
 *   <li>{@code easyRules}, {@code jcasbin}, {@code cedar}: the 4-rule policy in Easy Rules 4.1.0,
 *       jCasbin 1.99.0 and cedar-java 4.10.0, each over the same four facts.
 * </ul>
 *
 * <p>Setup, in every fork, before anything is measured: it checks that on every customer the
 * gate and the single decisions agree in full (verdict, codes, obligations, {@code deferUntil}),
 * and that the control, Easy Rules and cedar give Rapport's verdict and jCasbin allows exactly
 * those Rapport allows; it fails otherwise. It prints the summary with its fallback count and
 * the compiled form's resident bytes per customer (JOL: the packed columns, without the ledgers
 * they were compiled from).
 *
 * <pre>
 * mvn -B -q -pl crm-core -Pbenchmarks -DskipTests verify -Djmh.args="CampaignBenchmark -prof gc"
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@State(Scope.Benchmark)
public class CampaignBenchmark {
  @Param({"100000", "1000000"})
  public int customers;

  private final PolicyEngine engine = FourRulePopulation.engine();
  private final CampaignGate gate = CampaignGate.builder().engine(engine).build();
  private Ledger[] ledgers;
  private List<List<HistoryEntry>> histories;
  private Outreach outreach;
  private OutreachTemplate template;
  private CustomerSource source;
  private CompiledPopulation compiled;
  private final EasyRules easyRules = new EasyRules();
  private final Casbin casbin = new Casbin();
  private final Cedar cedar = new Cedar();
  private List<Map<String, Object>> controlViews;
  private Facts[] easyFacts;
  private Subject[] subjects;
  private AuthorizationRequest[] cedarRequests;

  /**
   * Builds the population, compiles it, checks every peer against Rapport on every customer, and
   * keeps the inputs of the peer this fork measures.
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    String measured = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    FourRulePopulation population = FourRulePopulation.generate(42L, customers);
    ledgers = population.ledgers;
    histories = population.histories;
    outreach = Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL).at(FourRulePopulation.AT).build();
    template = OutreachTemplate.at(outreach);
    List<CampaignCustomer> list = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      list.add(CampaignCustomer.of(ledgers[i], histories.get(i)));
    }
    source = CustomerSource.of(list);
    compiled = gate.compile(source, template);
    CampaignRun run = gate.gate(compiled, template);
    if (measured.equals("control")) {
      controlViews = new ArrayList<>(customers);
    } else if (measured.equals("easyRules")) {
      easyFacts = new Facts[customers];
    } else if (measured.equals("jcasbin")) {
      subjects = new Subject[customers];
    } else if (measured.equals("cedar")) {
      cedarRequests = new AuthorizationRequest[customers];
    }
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    for (int i = 0; i < customers; i++) {
      GatedDecision gated = run.get(i);
      Decision single = engine.decide(ledgers[i], histories.get(i), outreach);
      if (gated.verdict() != single.verdict()
          || !gated.reasonCodes().equals(single.reasonCodes())
          || !gated.obligations().equals(single.obligations())
          || !Objects.equals(gated.deferUntil(), single.deferUntil())) {
        throw new IllegalStateException("customer " + i + ": gate " + gated + ", single " + single);
      }
      Verdict verdict = gated.verdict();
      verdicts.merge(verdict, 1, Integer::sum);
      FourRuleFacts facts = FourRuleFacts.of(ledgers[i], histories.get(i), FourRulePopulation.AT);
      Map<String, Object> view = Control.view(facts);
      Facts easy = easyRules.facts(facts);
      Subject subject = new Subject(facts);
      AuthorizationRequest request = cedar.request(ledgers[i].customer().id(), facts);
      agree(i, "control", Control.decide(view), verdict);
      agree(i, "Easy Rules", easyRules.decide(easy), verdict);
      agree(i, "cedar-java", cedar.decide(request), verdict);
      if (casbin.allowed(subject) != (verdict == Verdict.ALLOW)) {
        throw new IllegalStateException(
            "customer " + i + ": jCasbin " + (verdict == Verdict.ALLOW ? "denies" : "allows") + ", Rapport " + gated);
      }
      if (controlViews != null) {
        controlViews.add(view);
      } else if (easyFacts != null) {
        easyFacts[i] = easy;
      } else if (subjects != null) {
        subjects[i] = subject;
      } else if (cedarRequests != null) {
        cedarRequests[i] = request;
      }
    }
    long resident = GraphLayout.parseInstance((Object[]) compiled.chunks).totalSize();
    System.out.printf(
        "%ncampaign: %d customers, every peer agrees (%s); %s; compiled form %d bytes resident, %.1f per customer%n",
        customers, verdicts, run.summary(), resident, resident / (double) customers);
  }

  private static void agree(int i, String peer, Verdict theirs, Verdict ours) {
    if (theirs != ours) {
      throw new IllegalStateException("customer " + i + ": " + peer + " says " + theirs + ", Rapport " + ours);
    }
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

  /** The plain-Java control over the HashMap views. */
  @Benchmark
  public int control() {
    int allowed = 0;
    for (Map<String, Object> view : controlViews) {
      allowed += Control.decide(view) == Verdict.ALLOW ? 1 : 0;
    }
    return allowed;
  }

  /** Easy Rules over each customer's facts. */
  @Benchmark
  public int easyRules() {
    int allowed = 0;
    for (Facts facts : easyFacts) {
      allowed += easyRules.decide(facts) == Verdict.ALLOW ? 1 : 0;
    }
    return allowed;
  }

  /** jCasbin's matcher over each customer's subject. */
  @Benchmark
  public int jcasbin() {
    int allowed = 0;
    for (Subject subject : subjects) {
      allowed += casbin.allowed(subject) ? 1 : 0;
    }
    return allowed;
  }

  /** cedar-java over each customer's request. */
  @Benchmark
  public int cedar() {
    int allowed = 0;
    for (AuthorizationRequest request : cedarRequests) {
      allowed += cedar.decide(request) == Verdict.ALLOW ? 1 : 0;
    }
    return allowed;
  }
}
