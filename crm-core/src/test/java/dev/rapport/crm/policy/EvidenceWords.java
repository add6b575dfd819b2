package dev.rapport.crm.policy;

import dev.rapport.crm.ledger.Evidence;
import java.util.Optional;

/**
 * The engine's words for evidence, which are package-private, opened to the reference engine of
 * {@link DecisionDifferentialTest} (another package) so that it words reasons as the engine does
 * without a copy of them.
 */
public final class EvidenceWords {
  private EvidenceWords() {}

  /** {@link Wording#evidence}. */
  public static String summary(Evidence evidence) {
    return Wording.evidence(evidence);
  }

  /** {@link Wording#invalidity}. */
  public static Optional<String> invalidity(Evidence evidence) {
    return Wording.invalidity(evidence);
  }
}
