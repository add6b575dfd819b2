package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.limits.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The business's settings for the engine ({@code model.md} 5.10).
 *
 * <pre>{@code
 * PolicyOptions options = PolicyOptions.builder()
 *     .impliedConsent(true)
 *     .addDoubleOptIn(Channel.EMAIL)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class PolicyOptions {
  private static final PolicyOptions DEFAULTS = builder().build();

  PolicyOptions() {}

  /** Whether jurisdiction packs may let an existing relationship imply consent; off by default. */
  @Value.Default
  public boolean impliedConsent() {
    return false;
  }

  /** How long after an inquiry a reply may go; 30 days by default. */
  @Value.Default
  public Duration replyWindow() {
    return Duration.ofDays(30);
  }

  /** Channels on which every grant needs a {@code confirmed} event; none by default. */
  public abstract Set<Channel> doubleOptIn();

  /** Business-wide frequency caps; none by default. */
  public abstract List<FrequencyCap> caps();

  /** The defaults of {@code model.md} 5.10. */
  public static PolicyOptions defaults() {
    return DEFAULTS;
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutablePolicyOptions.builder();
  }

  @Value.Check
  void check() {
    checkArgument(
        !replyWindow().isNegative(), "replyWindow must not be negative, got %s", replyWindow());
    Limits.checkDuration(replyWindow(), "replyWindow");
  }

  /** Builds {@link PolicyOptions}. */
  public interface Builder {
    /** Turns implied consent on or off. */
    Builder impliedConsent(boolean impliedConsent);

    /** Sets the reply window. */
    Builder replyWindow(Duration replyWindow);

    /** Adds double opt-in channels. */
    Builder addDoubleOptIn(Channel... channels);

    /** Replaces the double opt-in channels. */
    Builder doubleOptIn(Iterable<Channel> channels);

    /** Adds business-wide caps. */
    Builder addCaps(FrequencyCap... caps);

    /** Replaces the business-wide caps. */
    Builder caps(Iterable<? extends FrequencyCap> caps);

    /** Builds the options. */
    PolicyOptions build();
  }
}
