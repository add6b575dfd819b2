package dev.rapport.crm.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something an allowed message must honour ({@code RULES.md} 5), with an optional detail:
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
    return WithoutDetail.OBLIGATIONS.get(code);
  }

  /** The obligations without detail, made once. */
  private static final class WithoutDetail {
    private static final Map<ObligationCode, Obligation> OBLIGATIONS = new EnumMap<>(ObligationCode.class);

    static {
      for (ObligationCode code : ObligationCode.values()) {
        OBLIGATIONS.put(code, ImmutableObligation.of(code, Optional.empty()));
      }
    }

    private WithoutDetail() {}
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
