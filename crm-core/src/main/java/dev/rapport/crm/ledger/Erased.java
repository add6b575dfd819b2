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
 * The customer's data was erased; only a suppression tombstone remains and no event may follow
 * it. From its instant on, every outreach is denied ({@code model.md} 5.1).
 */
@Value.Immutable
public abstract class Erased implements LedgerEvent {
  Erased() {}

  @Override
  public abstract String id();

  @Override
  public abstract Instant at();

  @Override
  public final EventType type() {
    return EventType.ERASED;
  }

  /** The proof of the erasure request, if recorded. */
  public abstract Optional<Evidence> evidence();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableErased.builder();
  }

  @Value.Check
  void check() {
    checkArgument(!id().isBlank(), "an event id must not be blank");

  }

  /** Builds a {@link Erased} event. */
  public interface Builder {
    /** Sets the event id, unique within the ledger. */
    Builder id(String id);

    /** Sets when the event took effect. */
    Builder at(Instant at);

    /** Sets the evidence. */
    Builder evidence(Evidence evidence);

    /** Sets or clears the evidence. */
    Builder evidence(Optional<? extends Evidence> evidence);

    /** Builds the event; throws {@link IllegalStateException} if a required field is missing. */
    Erased build();
  }
}
