package dev.rapport.crm.campaign;

import dev.rapport.crm.policy.Code;
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
  private final Outcome[] outcomes;
  private final long[] deferUntil;
  private final CampaignSummary summary;

  CampaignRun(OutreachTemplate template, CustomerSource source, PolicyEngine engine, Outcome[] outcomes, long[] deferUntil) {
    this.template = template;
    this.source = source;
    this.engine = engine;
    this.outcomes = outcomes;
    this.deferUntil = deferUntil;
    this.summary = summarize();
  }

  /** The campaign's outreach and instant. */
  public OutreachTemplate template() {
    return template;
  }

  /** How many customers. */
  public int size() {
    return outcomes.length;
  }

  /** The decision of the {@code i}-th customer of the source. */
  public GatedDecision get(int i) {
    CampaignCustomer customer = source.customers().get(i);
    Outcome outcome = outcomes[i];
    ZoneId zone = customer.ledgerOrNull() == null ? ZoneId.of("UTC") : customer.ledgerOrNull().customer().zone();
    long until = deferUntil[i];
    return new GatedDecision(
        customer.id(),
        template.outreachIn(zone),
        outcome,
        outcome.decision == null && until != CompiledPopulation.NONE ? Instant.ofEpochSecond(until) : null,
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
        return outcomes.length;
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

  private CampaignSummary summarize() {
    Map<Outcome, Integer> distinct = new LinkedHashMap<>();
    int fallbacks = 0;
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    Map<Code, Integer> codes = new LinkedHashMap<>();
    for (Outcome outcome : outcomes) {
      if (outcome.decision != null) {
        fallbacks++;
        count(outcome, 1, verdicts, codes);
      } else {
        distinct.merge(outcome, 1, Integer::sum);
      }
    }
    distinct.forEach((outcome, n) -> count(outcome, n, verdicts, codes));
    return new CampaignSummary(outcomes.length, verdicts, codes, fallbacks);
  }

  private static void count(Outcome outcome, int n, Map<Verdict, Integer> verdicts, Map<Code, Integer> codes) {
    verdicts.merge(outcome.verdict, n, Integer::sum);
    Set<Code> once = new HashSet<>(outcome.codes);
    for (Code code : once) {
      codes.merge(code, n, Integer::sum);
    }
  }
}
