package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.relationship.Channel;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The customer bought something ({@code RULES.md} "The ledger"). Not a grant: it only counts for
 * implied consent, the cool-off and the registry exceptions of {@code RULES.md}.
 */
@Value.Immutable
public abstract sealed class Purchased implements RelationshipEvent permits ImmutablePurchased {
  Purchased() {}

  @Override
  public final EventType type() {
    return EventType.PURCHASED;
  }

  /** The channel of the purchase, if known. */
  public abstract Optional<Channel> channel();

  /** The legal entity that sold; absent is the empty entity. */
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
    return ImmutablePurchased.builder();
  }

  @Value.Check
  void check() {
    Events.checkId(this);
    Events.checkText(this, "entity", entity());
    entity().ifPresent(e -> checkArgument(!e.isBlank(), "purchased event %s: entity must not be blank", id()));
  }

  /** Builds a {@link Purchased} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, Purchased> {
    /** Sets the channel. */
    Builder channel(Channel channel);

    /** Sets or clears the channel. */
    Builder channel(Optional<? extends Channel> channel);

    /** Sets the legal entity. */
    Builder entity(String entity);

    /** Sets or clears the legal entity. */
    Builder entity(Optional<String> entity);

    /** Sets whether an opt-out was offered. */
    Builder optOutOffered(boolean optOutOffered);
  }
}
