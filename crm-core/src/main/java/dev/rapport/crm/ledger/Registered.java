package dev.rapport.crm.ledger;

import org.immutables.value.Value;

/**
 * The customer's number is on a public do-not-call {@link Registry} ({@code RULES.md} "The ledger",
 * {@code RULES.md} US).
 */
@Value.Immutable
public abstract sealed class Registered implements LedgerEvent permits ImmutableRegistered {
  Registered() {}

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
    Events.checkId(this);
  }

  /** Builds a {@link Registered} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, Registered> {
    /** Sets the registry. */
    Builder registry(Registry registry);
  }
}
