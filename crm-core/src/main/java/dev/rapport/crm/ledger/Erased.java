package dev.rapport.crm.ledger;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The customer's data was erased; only a suppression tombstone remains and no event may follow
 * it. From its instant on, every outreach is denied ({@code RULES.md} 1).
 */
@Value.Immutable
public abstract sealed class Erased implements LedgerEvent permits ImmutableErased {
  Erased() {}

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
    Events.checkId(this);
  }

  /** Builds an {@link Erased} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, Erased> {
    /** Sets the evidence. */
    Builder evidence(Evidence evidence);

    /** Sets or clears the evidence. */
    Builder evidence(Optional<? extends Evidence> evidence);
  }
}
