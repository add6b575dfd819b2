package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The customer's number is on a public do-not-call {@link Registry} ({@code model.md} 4,
 * {@code law.md} US).
 */
@Value.Immutable
public abstract class Registered implements LedgerEvent {
  Registered() {}

  @Override
  public abstract String id();

  @Override
  public abstract Instant at();

  @Override
  public final EventType type() {
    return EventType.REGISTERED;
  }

  /** The registry. */
  public abstract Registry registry();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableRegistered.builder();
  }

  @Value.Check
  void check() {
    checkArgument(!id().isBlank(), "an event id must not be blank");

  }

  /** Builds a {@link Registered} event. */
  public interface Builder {
    /** Sets the event id, unique within the ledger. */
    Builder id(String id);

    /** Sets when the event took effect. */
    Builder at(Instant at);

    /** Sets the registry. */
    Builder registry(Registry registry);

    /** Builds the event; throws {@link IllegalStateException} if a required field is missing. */
    Registered build();
  }
}
