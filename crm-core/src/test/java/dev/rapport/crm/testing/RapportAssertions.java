package dev.rapport.crm.testing;

import dev.rapport.crm.policy.Decision;
import org.assertj.core.api.Assertions;

/**
 * AssertJ's entry point plus Rapport's domain assertions: one static import serves a test.
 *
 * <pre>{@code
 * import static dev.rapport.crm.testing.RapportAssertions.assertThat;
 *
 * assertThat(decision).isDeferredUntil(t).hasReason(QUIET_HOURS);
 * assertThat(decision).isAllowed().hasReason(DECLARED_INTENT).hasObligation(NO_TRACKING);
 * assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.OBJECTED);
 * }</pre>
 *
 * <h2>How a project gets them</h2>
 *
 * <p>These classes ship in crm-core's <em>test jar</em> ({@code dev.rapport:crm-core}, type
 * {@code test-jar}), which a project declares in {@code test} scope beside its own
 * {@code assertj-core} and JUnit:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.rapport</groupId>
 *   <artifactId>crm-core</artifactId>
 *   <version>${rapport.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * <p>Why a test jar and not an optional AssertJ dependency with {@code requires static} in
 * crm-core's main jar: the main jar then stays what its module descriptor says, Guava plus
 * annotations, with no class in it that would fail to link without AssertJ; AssertJ can never
 * reach a production class path through Rapport, because a test-scoped dependency is not
 * transitive; and the same jar already carries what a team's tests need besides assertions
 * ({@link Fixtures}, {@link LedgerStory}, the store contract suite). The test jar is a plain
 * class-path jar (no module descriptor), as test code usually runs.
 */
public final class RapportAssertions extends Assertions {
  private RapportAssertions() {}

  /**
   * Assertions on a decision.
   *
   * <pre>{@code assertThat(decision).isAllowed().hasObligation(ObligationCode.IDENTIFY_SENDER);}</pre>
   */
  public static DecisionAssert assertThat(Decision decision) {
    return new DecisionAssert(decision);
  }
}
