package dev.rapport.crm.relationship;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.limits.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the customer said about how and when to be contacted ({@code model.md} sections 1 and
 * 5.8): profiling depth, quiet hours, frequency caps and a cool-off after purchase. A newer
 * {@code preferences} event replaces older preferences whole: a field left out is back to its
 * default.
 */
@Value.Immutable
public abstract class Preferences {
  private static final Preferences DEFAULTS = builder().build();

  Preferences() {}

  /** Profiling depth the customer allows; {@link Profiling#NONE} when never declared. */
  @Value.Default
  public Profiling profiling() {
    return Profiling.NONE;
  }

  /** Quiet hours, if the customer set any. */
  public abstract Optional<QuietHours> quietHours();

  /** The customer's own frequency caps. */
  public abstract List<FrequencyCap> caps();

  /** No marketing until the last purchase plus this duration, if set. */
  public abstract Optional<Duration> coolOffAfterPurchase();

  /** The defaults: profiling {@code NONE}, no quiet hours, no caps, no cool-off. */
  public static Preferences defaults() {
    return DEFAULTS;
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutablePreferences.builder();
  }

  @Value.Check
  void check() {
    coolOffAfterPurchase()
        .ifPresent(
            d ->
                checkArgument(
                    !d.isNegative() && !d.isZero(),
                    "coolOffAfterPurchase must be a positive duration, got %s",
                    d));
    coolOffAfterPurchase().ifPresent(d -> Limits.checkDuration(d, "coolOffAfterPurchase"));
  }

  /** Builds {@link Preferences}; every field is optional. */
  public interface Builder {
    /** Sets the profiling depth. */
    Builder profiling(Profiling profiling);

    /** Sets quiet hours. */
    Builder quietHours(QuietHours quietHours);

    /** Sets or clears quiet hours. */
    Builder quietHours(Optional<? extends QuietHours> quietHours);

    /** Adds frequency caps. */
    Builder addCaps(FrequencyCap... caps);

    /** Replaces the frequency caps. */
    Builder caps(Iterable<? extends FrequencyCap> caps);

    /** Sets the cool-off after purchase. */
    Builder coolOffAfterPurchase(Duration coolOff);

    /** Sets or clears the cool-off after purchase. */
    Builder coolOffAfterPurchase(Optional<? extends Duration> coolOff);

    /** Builds the preferences. */
    Preferences build();
  }
}
