package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.limits.Limits;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An outreach already sent to the customer, counted by frequency caps and call limits
 * ({@code RULES.md} 6).
 */
@Value.Immutable
public abstract class HistoryEntry {
  HistoryEntry() {}

  /** When it was sent. */
  @Value.Parameter
  public abstract Instant at();

  /** What it was for. */
  @Value.Parameter
  public abstract Purpose purpose();

  /** How it travelled. */
  @Value.Parameter
  public abstract Channel channel();

  /** Its topic, if given. */
  @Value.Parameter
  public abstract Optional<String> topic();

  /**
   * {@link #at()} in seconds from the epoch, kept in the entry itself: the engine reads the
   * instant of every entry of a history, and reads it here without reaching the {@link Instant}.
   */
  @Value.Derived
  @Value.Auxiliary
  long atSecond() {
    return at().getEpochSecond();
  }

  /**
   * Whether the entry was sent after {@code instant}: read from {@link #atSecond()}, and from
   * {@link #at()} only within the same second.
   */
  boolean isAfter(Instant instant) {
    long second = instant.getEpochSecond();
    return atSecond() > second || (atSecond() == second && at().getNano() > instant.getNano());
  }

  /** The topic, or the purpose's name when none is given ({@code RULES.md} US-FL). */
  public String effectiveTopic() {
    return topic().orElse(purpose().name());
  }

  /** An entry without a topic. */
  public static HistoryEntry of(Instant at, Purpose purpose, Channel channel) {
    return ImmutableHistoryEntry.of(at, purpose, channel, Optional.empty());
  }

  /** An entry with an optional topic. */
  public static HistoryEntry of(Instant at, Purpose purpose, Channel channel, Optional<String> topic) {
    return ImmutableHistoryEntry.of(at, purpose, channel, topic);
  }

  @Value.Check
  void check() {
    topic().ifPresent(t -> checkArgument(!t.isBlank(), "a history entry's topic must not be blank"));
    Limits.checkInstant(at(), "history entry at");
    topic().ifPresent(t -> Limits.checkString(t, "history entry topic"));
  }

  /** The history entry recording that {@code outreach} was sent. */
  public static HistoryEntry sent(Outreach outreach) {
    return of(outreach.at(), outreach.purpose(), outreach.channel(), outreach.topic());
  }
}
