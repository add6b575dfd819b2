package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.relationship.Channel;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The customer contacted the business on {@link #channel()} ({@code RULES.md} "The ledger" and 2). Opens
 * the reply window; not a grant.
 */
@Value.Immutable
public abstract sealed class Inquired implements RelationshipEvent permits ImmutableInquired {
  Inquired() {}

  @Override
  public final EventType type() {
    return EventType.INQUIRED;
  }

  /** The channel the customer used. */
  public abstract Channel channel();

  /** The legal entity contacted; absent is the empty entity. */
  @Override
  public abstract Optional<String> entity();

  /** Whether the customer was offered a marketing opt-out at that moment. */
  @Override
  @Value.Default
  public boolean optOutOffered() {
    return false;
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableInquired.builder();
  }

  @Value.Check
  void check() {
    Events.checkId(this);
    Events.checkText(this, "entity", entity());
    entity().ifPresent(e -> checkArgument(!e.isBlank(), "inquired event %s: entity must not be blank", id()));
  }

  /** Builds an {@link Inquired} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, Inquired> {
    /** Sets the channel. */
    Builder channel(Channel channel);

    /** Sets the legal entity. */
    Builder entity(String entity);

    /** Sets or clears the legal entity. */
    Builder entity(Optional<String> entity);

    /** Sets whether an opt-out was offered. */
    Builder optOutOffered(boolean optOutOffered);
  }
}
