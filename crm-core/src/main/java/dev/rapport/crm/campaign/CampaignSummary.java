package dev.rapport.crm.campaign;

import com.google.common.collect.ImmutableMap;
import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Verdict;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a campaign came out: customers per verdict and per reason code, and how many fell back. */
public final class CampaignSummary {
  private final int customers;
  private final ImmutableMap<Verdict, Integer> verdicts;
  private final ImmutableMap<Code, Integer> codes;
  private final int fallbacks;

  CampaignSummary(int customers, Map<Verdict, Integer> verdicts, Map<Code, Integer> codes, int fallbacks) {
    this.customers = customers;
    Map<Verdict, Integer> all = new EnumMap<>(Verdict.class);
    for (Verdict verdict : Verdict.values()) {
      all.put(verdict, verdicts.getOrDefault(verdict, 0));
    }
    this.verdicts = ImmutableMap.copyOf(all);
    this.codes = ImmutableMap.copyOf(new LinkedHashMap<>(codes));
    this.fallbacks = fallbacks;
  }

  /** How many customers were decided. */
  public int customers() {
    return customers;
  }

  /** Customers per verdict, every verdict listed. */
  public Map<Verdict, Integer> verdicts() {
    return verdicts;
  }

  /** Customers per reason code (a decision with a code twice counts once for it). */
  public Map<Code, Integer> reasonCodes() {
    return codes;
  }

  /** Customers the compiled form could not decide, decided by the full engine. */
  public int fallbacks() {
    return fallbacks;
  }

  @Override
  public String toString() {
    return customers + " customers " + verdicts + ", fallbacks " + fallbacks + ", codes " + codes;
  }
}
