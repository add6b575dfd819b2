package dev.rapport.crm.testing;

import dev.rapport.crm.policy.Decision;
import org.assertj.core.api.Assertions;

/**
 * AssertJ's entry point plus Rapport's domain assertions: one static import serves a test.
 *
 * <pre>{@code
 * import static dev.rapport.crm.testing.RapportAssertions.assertThat;
 *
 * assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.OBJECTED);
 * }</pre>
 */
public final class RapportAssertions extends Assertions {
  private RapportAssertions() {}

  /** Assertions on a decision. */
  public static DecisionAssert assertThat(Decision decision) {
    return new DecisionAssert(decision);
  }
}
