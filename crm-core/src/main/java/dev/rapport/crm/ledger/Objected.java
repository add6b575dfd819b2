package dev.rapport.crm.ledger;

import org.immutables.value.Value;

/**
 * The customer objects to all direct marketing (GDPR Art. 21; {@code RULES.md} 4). Stands
 * for every key until a later valid, non-imported grant names that key.
 */
@Value.Immutable
public abstract sealed class Objected implements LedgerEvent permits ImmutableObjected {
  Objected() {}

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
    Events.checkId(this);
  }

  /** Builds an {@link Objected} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, Objected> {
    /** Sets the evidence. */
    Builder evidence(Evidence evidence);
  }
}
