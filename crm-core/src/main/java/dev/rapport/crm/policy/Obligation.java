package dev.rapport.crm.policy;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something an allowed message must honour ({@code model.md} 5.7), with an optional detail:
 * {@link ObligationCode#LIMIT_PERSONALIZATION} carries the allowed profiling level.
 */
@Value.Immutable
public abstract class Obligation {
  Obligation() {}

  /** The obligation. */
  @Value.Parameter
  public abstract ObligationCode code();

  /** A detail, such as the allowed level of {@code LIMIT_PERSONALIZATION}. */
  @Value.Parameter
  public abstract Optional<String> detail();

  /** An obligation without detail. */
  public static Obligation of(ObligationCode code) {
    return ImmutableObligation.of(code, Optional.empty());
  }

  /** An obligation with a detail. */
  public static Obligation of(ObligationCode code, String detail) {
    return ImmutableObligation.of(code, Optional.of(detail));
  }

  @Override
  public String toString() {
    return detail().map(d -> code() + "(" + d + ")").orElse(code().name());
  }
}
