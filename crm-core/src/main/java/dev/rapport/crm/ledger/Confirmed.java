package dev.rapport.crm.ledger;

import dev.rapport.crm.limits.Limits;
import org.immutables.value.Value;

/**
 * Confirms the grant with id {@link #grant()} (double opt-in, {@code RULES.md} 3 and 8).
 * A confirmation earlier than the grant it names confirms nothing.
 */
@Value.Immutable
public abstract sealed class Confirmed implements LedgerEvent permits ImmutableConfirmed {
  Confirmed() {}

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
    Events.checkId(this);
    String grant = grant();
    if (grant.isBlank() || grant.length() > Limits.MAX_ID_LENGTH || !Limits.isString(grant)) {
      Limits.checkId(grant, "confirmed event " + id() + ": grant"); // the message only on failure
    }
  }

  /** Builds a {@link Confirmed} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, Confirmed> {
    /** Sets the id of the confirmed grant. */
    Builder grant(String grant);

    /** Sets the evidence. */
    Builder evidence(Evidence evidence);
  }
}
