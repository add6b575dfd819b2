package dev.rapport.crm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rapport.crm.policy.reference.ReferenceEngine;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The rebuilt decision path decides exactly as the old one (kept in test scope, {@link
 * ReferenceEngine}): 20 seeded batches of 1,700 random customers, each asked 3 outreach at
 * different instants (102,000 decisions), compared on verdict, reason codes, reason sentences
 * and the events they cite, obligations and {@code deferUntil}. Every rule of {@code RULES.md}
 * the random cases reach is covered; the statistics below show they reach every verdict and
 * most reason codes. A failure prints the seed and the case.
 */
class DecisionDifferentialTest {
  private static final long BASE_SEED = 0x9_2026_1203L;
  private static final int BATCHES = 20;
  private static final int CUSTOMERS_PER_BATCH = 1_700;
  private static final int OUTREACH_PER_CUSTOMER = 3;

  @TestFactory
  Stream<DynamicTest> theRebuiltEngineDecidesAsTheOldPath() {
    return IntStream.range(0, BATCHES)
        .mapToObj(
            batch -> {
              long seed = BASE_SEED + batch;
              return DynamicTest.dynamicTest("seed " + seed, () -> compare(seed));
            });
  }

  private static void compare(long seed) {
    RandomCases cases = new RandomCases(seed);
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    Map<ReasonCode, Integer> codes = new EnumMap<>(ReasonCode.class);
    for (int c = 0; c < CUSTOMERS_PER_BATCH; c++) {
      RandomCases.Case random = cases.next(OUTREACH_PER_CUSTOMER);
      PolicyEngine engine = PolicyEngine.builder().options(random.options).build();
      ReferenceEngine reference = new ReferenceEngine(random.options);
      for (Outreach outreach : random.outreach) {
        Decision expected = reference.decide(random.ledger, random.history, outreach);
        Decision actual = engine.decide(random.ledger, random.history, outreach);
        if (!describe(actual).equals(describe(expected))) {
          fail(
              "seed "
                  + seed
                  + ", customer "
                  + c
                  + ": decisions differ\n  ledger   "
                  + random.ledger.customer()
                  + " "
                  + random.ledger.events()
                  + "\n  options  "
                  + random.options
                  + "\n  history  "
                  + random.history
                  + "\n  outreach "
                  + outreach
                  + "\n  old path "
                  + describe(expected)
                  + "\n  engine   "
                  + describe(actual));
        }
        verdicts.merge(expected.verdict(), 1, Integer::sum);
        expected.reasons().forEach(r -> r.builtIn().ifPresent(code -> codes.merge(code, 1, Integer::sum)));
      }
    }
    // The spread of the cases is part of the failure message only: a passing run stays quiet.
    assertThat(verdicts)
        .as("seed %d: the random cases reach every verdict (verdicts %s, reason codes %s)", seed, verdicts, codes)
        .containsKeys(Verdict.values());
  }

  /** Everything a decision says, reasons in order with their sentences and events. */
  private static String describe(Decision decision) {
    StringBuilder text = new StringBuilder(decision.verdict().name());
    for (Reason reason : decision.reasons()) {
      text.append("\n    ")
          .append(reason.code())
          .append(' ')
          .append(reason.verdict())
          .append(' ')
          .append(reason.event().orElse("-"))
          .append(": ")
          .append(reason.message());
    }
    text.append("\n    obligations ").append(decision.obligations());
    text.append("\n    deferUntil ").append(decision.deferUntil());
    return text.toString();
  }

}
