package dev.rapport.crm.relationship;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.limits.Limits;
import java.time.Duration;
import java.util.Set;
import org.immutables.value.Value;

/**
 * At most {@link #max()} outreach of the named purposes (and channels, when named) in any
 * rolling window of length {@link #per()} ({@code model.md} 5.8). A cap names at least one
 * purpose and never {@code TRANSACTIONAL} or {@code REPLY}: caps neither hold nor count those.
 * An empty channel set means every channel.
 *
 * <pre>{@code
 * FrequencyCap cap = FrequencyCap.builder()
 *     .addPurposes(Purpose.OFFER, Purpose.PROMOTION)
 *     .max(2)
 *     .per(Duration.ofDays(7))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class FrequencyCap {
  FrequencyCap() {}

  /** The purposes the cap counts: at least one, never {@code TRANSACTIONAL} or {@code REPLY}. */
  public abstract Set<Purpose> purposes();

  /** The channels the cap counts; empty means every channel. */
  public abstract Set<Channel> channels();

  /** The most outreach allowed in any window; at least 1. */
  public abstract int max();

  /** The length of the rolling window: an exact, positive duration. */
  public abstract Duration per();

  /** Whether an outreach of this purpose on this channel is counted by the cap. */
  public boolean counts(Purpose purpose, Channel channel) {
    return purposes().contains(purpose) && (channels().isEmpty() || channels().contains(channel));
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableFrequencyCap.builder();
  }

  @Value.Check
  void check() {
    checkArgument(
        !purposes().isEmpty(),
        "a frequency cap names at least one purpose (caps never hold TRANSACTIONAL or REPLY)");
    checkArgument(
        !purposes().contains(Purpose.TRANSACTIONAL) && !purposes().contains(Purpose.REPLY),
        "a frequency cap never names TRANSACTIONAL or REPLY, got purposes %s",
        purposes());
    checkArgument(max() >= 1, "a frequency cap needs max >= 1, got %s", max());
    checkArgument(
        !per().isNegative() && !per().isZero(),
        "a frequency cap needs a positive window 'per', got %s",
        per());
    Limits.checkDuration(per(), "a frequency cap's window 'per'");
  }

  /** Builds a {@link FrequencyCap}; {@code max} and {@code per} are required. */
  public interface Builder {
    /** Adds counted purposes. */
    Builder addPurposes(Purpose... purposes);

    /** Replaces the counted purposes. */
    Builder purposes(Iterable<Purpose> purposes);

    /** Adds counted channels. */
    Builder addChannels(Channel... channels);

    /** Replaces the counted channels. */
    Builder channels(Iterable<Channel> channels);

    /** Sets the maximum count. */
    Builder max(int max);

    /** Sets the window length. */
    Builder per(Duration per);

    /** Builds the cap; throws {@link IllegalStateException} or {@link IllegalArgumentException}. */
    FrequencyCap build();
  }
}
