package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.limits.Limits;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A planned message to a customer, the question put to the {@link PolicyEngine}
 * ({@code model.md} sections 2, 3 and 5). Its instant {@link #at()} is the clock of the
 * decision: the engine never reads the system clock.
 *
 * <pre>{@code
 * Outreach offer = Outreach.builder()
 *     .purpose(Purpose.OFFER).channel(Channel.EMAIL)
 *     .at(Instant.parse("2026-03-10T17:00:00Z"))
 *     .topic("spring-sale")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Outreach {
  Outreach() {}

  /** What the message is for. */
  public abstract Purpose purpose();

  /** How it travels. */
  public abstract Channel channel();

  /** When it would be sent: the instant the decision is made for. */
  public abstract Instant at();

  /** The staff member who sends it; absent means the brand sends it. */
  public abstract Optional<String> staff();

  /** The legal entity of the business that sends it; absent is the empty entity. */
  public abstract Optional<String> entity();

  /** Pre-recorded or auto-dialled calls, automated texts. */
  @Value.Default
  public boolean automated() {
    return false;
  }

  /** Whether a non-marketing message carries promotional content ({@code model.md} 5.2). */
  @Value.Default
  public boolean containsPromotion() {
    return false;
  }

  /** The profiling level the content uses ({@code model.md} 5.6). */
  @Value.Default
  public Profiling personalization() {
    return Profiling.NONE;
  }

  /** Whether the message wants open and click tracking ({@code model.md} 5.6). */
  @Value.Default
  public boolean tracking() {
    return false;
  }

  /** The topic, for call limits per topic; absent means the purpose is the topic. */
  public abstract Optional<String> topic();

  /** The topic, or the purpose's name when none is given ({@code law.md} US-FL). */
  public String effectiveTopic() {
    return topic().orElse(purpose().name());
  }

  /**
   * Whether the outreach is direct marketing: a marketing purpose, or a non-marketing one that
   * carries promotion ({@code model.md} 5.2).
   */
  public boolean isMarketing() {
    return purpose().isMarketing() || containsPromotion();
  }

  /**
   * Whether the outreach is also decided as a {@code PROMOTION}: a non-marketing purpose that
   * carries promotion. On a marketing purpose the flag changes nothing ({@code model.md} 5.2).
   */
  boolean isDecidedAsPromotionToo() {
    return containsPromotion() && !purpose().isMarketing();
  }

  /**
   * The same outreach planned for another instant: what to decide again at a {@link
   * Decision#deferUntil()}, since consent may have changed meanwhile.
   */
  public Outreach rescheduled(Instant instant) {
    return builder().from(this).at(instant).build();
  }

  /** A new builder; {@code purpose}, {@code channel} and {@code at} are required. */
  public static Builder builder() {
    return ImmutableOutreach.builder();
  }

  @Value.Check
  void check() {
    staff().ifPresent(s -> checkArgument(!s.isBlank(), "outreach staff must not be blank"));
    entity().ifPresent(e -> checkArgument(!e.isBlank(), "outreach entity must not be blank"));
    topic().ifPresent(t -> checkArgument(!t.isBlank(), "outreach topic must not be blank"));
    Limits.checkInstant(at(), "outreach at");
    staff().ifPresent(s -> Limits.checkString(s, "outreach staff"));
    entity().ifPresent(e -> Limits.checkString(e, "outreach entity"));
    topic().ifPresent(t -> Limits.checkString(t, "outreach topic"));
  }

  /** Builds an {@link Outreach}. */
  public interface Builder {
    /** Copies every field of {@code outreach}, to change some of them. */
    Builder from(Outreach outreach);

    /** Sets the purpose. */
    Builder purpose(Purpose purpose);

    /** Sets the channel. */
    Builder channel(Channel channel);

    /** Sets the instant. */
    Builder at(Instant at);

    /** Sets the sending staff member. */
    Builder staff(String staff);

    /** Sets or clears the sending staff member. */
    Builder staff(Optional<String> staff);

    /** Sets the sending legal entity. */
    Builder entity(String entity);

    /** Sets or clears the sending legal entity. */
    Builder entity(Optional<String> entity);

    /** Sets whether it is automated. */
    Builder automated(boolean automated);

    /** Sets whether it carries promotion. */
    Builder containsPromotion(boolean containsPromotion);

    /** Sets the personalization level. */
    Builder personalization(Profiling personalization);

    /** Sets whether it tracks opens and clicks. */
    Builder tracking(boolean tracking);

    /** Sets the topic. */
    Builder topic(String topic);

    /** Sets or clears the topic. */
    Builder topic(Optional<String> topic);

    /** Builds the outreach. */
    Outreach build();
  }
}
