package dev.rapport.crm.campaign;

import static com.google.common.base.Preconditions.checkElementIndex;

import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.Verdict;
import java.time.Instant;
import java.time.ZoneId;
import java.util.AbstractList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One campaign gated: every customer's decision, in the order of the {@link CustomerSource}, and
 * the {@link CampaignSummary}. Decisions are kept packed and made into {@link GatedDecision}s as
 * they are read.
 */
public final class CampaignRun {
  private final OutreachTemplate template;
  private final CustomerSource source;
  private final PolicyEngine engine;
  /** The outcomes customers can get without falling back, by index. */
  private final Outcome[] outcomes;
  private final int size;
  /** Per chunk of {@link CompiledPopulation#CHUNK} customers, each one's outcome index, or {@link CampaignGate#FALLBACK}. */
  private final short[][] outcome;
  /** Per chunk, each customer's {@code deferUntil} as seconds after the customer's instant, 0 for none. */
  private final int[][] deferIn;
  private final Fallbacks fallbacks;
  private final CampaignSummary summary;

  CampaignRun(
      OutreachTemplate template,
      CustomerSource source,
      PolicyEngine engine,
      Outcome[] outcomes,
      int[] counts,
      int size,
      short[][] outcome,
      int[][] deferIn,
      Fallbacks fallbacks) {
    this.template = template;
    this.source = source;
    this.engine = engine;
    this.outcomes = outcomes;
    this.size = size;
    this.outcome = outcome;
    this.deferIn = deferIn;
    this.fallbacks = fallbacks;
    this.summary = summarize(counts);
  }

  /** The campaign's outreach and instant. */
  public OutreachTemplate template() {
    return template;
  }

  /** How many customers. */
  public int size() {
    return size;
  }

  /** The decision of the {@code i}-th customer of the source. */
  public GatedDecision get(int i) {
    CampaignCustomer customer = source.customers().get(i);
    ZoneId zone = customer.ledgerOrNull() == null ? ZoneId.of("UTC") : customer.ledgerOrNull().customer().zone();
    checkElementIndex(i, size);
    int index = outcome[i / CompiledPopulation.CHUNK][i % CompiledPopulation.CHUNK];
    if (index == CampaignGate.FALLBACK) {
      Decision decision = fallbacks.of(i);
      return new GatedDecision(customer.id(), template.outreachIn(zone), Outcome.fallback(decision), null, () -> decision);
    }
    int in = deferIn[i / CompiledPopulation.CHUNK][i % CompiledPopulation.CHUNK];
    Outreach outreach = template.outreachIn(zone);
    return new GatedDecision(
        customer.id(),
        outreach,
        outcomes[index],
        in != 0 ? Instant.ofEpochSecond(outreach.at().getEpochSecond() + in) : null,
        () -> CampaignGate.decideOne(engine, template, customer));
  }

  /** Every decision, in the order of the source. */
  public List<GatedDecision> decisions() {
    return new AbstractList<>() {
      @Override
      public GatedDecision get(int index) {
        return CampaignRun.this.get(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Every decision as a stream, in the order of the source. */
  public Stream<GatedDecision> stream() {
    return decisions().stream();
  }

  /** Counts per verdict and reason code, and the fallbacks. */
  public CampaignSummary summary() {
    return summary;
  }

  /** From the count of customers per outcome index and the fallbacks' own decisions. */
  private CampaignSummary summarize(int[] counts) {
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    Map<Code, Integer> codes = new LinkedHashMap<>();
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0) {
        count(outcomes[k].verdict, outcomes[k].codes, counts[k], verdicts, codes);
      }
    }
    for (int k = 0; k < fallbacks.size(); k++) {
      Decision decision = fallbacks.decision(k);
      count(decision.verdict(), decision.reasonCodes(), 1, verdicts, codes);
    }
    return new CampaignSummary(size, verdicts, codes, fallbacks.size());
  }

  private static void count(
      Verdict verdict, List<? extends Code> reasonCodes, int n, Map<Verdict, Integer> verdicts, Map<Code, Integer> codes) {
    verdicts.merge(verdict, n, Integer::sum);
    Set<Code> once = new HashSet<>(reasonCodes);
    for (Code code : once) {
      codes.merge(code, n, Integer::sum);
    }
  }
}
