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
 * Confirms the grant with id {@link #grant()} (double opt-in, {@code model.md} 5.3 and 5.10).
 * A confirmation earlier than the grant it names confirms nothing.
 */
@Value.Immutable
public abstract class Confirmed implements LedgerEvent {
  Confirmed() {}

  @Override
  public abstract String id();

  @Override
  public abstract Instant at();

  @Override
  public final EventType type() {
    return EventType.CONFIRMED;
  }

  /** The id of the {@link Granted} event this confirms. */
  public abstract String grant();

  /** The proof of the confirmation. */
  public abstract Evidence evidence();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableConfirmed.builder();
  }

  @Value.Check
  void check() {
    checkArgument(!id().isBlank(), "an event id must not be blank");

  }

  /** Builds a {@link Confirmed} event. */
  public interface Builder {
    /** Sets the event id, unique within the ledger. */
    Builder id(String id);

    /** Sets when the event took effect. */
    Builder at(Instant at);

    /** Sets the id of the confirmed grant. */
    Builder grant(String grant);

    /** Sets the evidence. */
    Builder evidence(Evidence evidence);

    /** Builds the event; throws {@link IllegalStateException} if a required field is missing. */
    Confirmed build();
  }
}
