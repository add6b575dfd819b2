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
 * The customer objects to all direct marketing (GDPR Art. 21; {@code model.md} 5.5). Stands
 * for every key until a later valid, non-imported grant names that key.
 */
@Value.Immutable
public abstract class Objected implements LedgerEvent {
  Objected() {}

  @Override
  public abstract String id();

  @Override
  public abstract Instant at();

  @Override
  public final EventType type() {
    return EventType.OBJECTED;
  }

  /** The proof of the objection. */
  public abstract Evidence evidence();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableObjected.builder();
  }

  @Value.Check
  void check() {
    checkArgument(!id().isBlank(), "an event id must not be blank");

  }

  /** Builds a {@link Objected} event. */
  public interface Builder {
    /** Sets the event id, unique within the ledger. */
    Builder id(String id);

    /** Sets when the event took effect. */
    Builder at(Instant at);

    /** Sets the evidence. */
    Builder evidence(Evidence evidence);

    /** Builds the event; throws {@link IllegalStateException} if a required field is missing. */
    Objected build();
  }
}
