package dev.rapport.crm.ledger;

import java.time.Instant;

/**
 * One entry of a customer's {@link Ledger} ({@code RULES.md} "The ledger"). Events are never
 * updated in place; a ledger is ordered by {@link #at()}, ties by ledger position.
 *
 * <p>The implementations are {@link Granted}, {@link Withdrawn}, {@link Objected},
 * {@link Confirmed}, {@link PreferencesChanged}, {@link Purchased}, {@link Inquired},
 * {@link Registered} and {@link Erased}. The hierarchy is sealed down to the generated
 * implementations of those types, so no other event can exist: a switch on {@link #type()} or a
 * chain of {@code instanceof} over the nine types covers every event.
 */
public sealed interface LedgerEvent
    permits Granted, Withdrawn, Objected, Confirmed, PreferencesChanged, RelationshipEvent, Registered, Erased {
  /** The event's id, unique within its ledger. */
  String id();

  /** When the event took effect. */
  Instant at();

  /** The kind of event. */
  EventType type();

  /**
   * What every event's builder sets: the id and the instant; each event type's own builder adds
   * its fields.
   *
   * @param <B> the event type's builder
   * @param <E> the event type
   */
  interface Builder<B extends Builder<B, E>, E extends LedgerEvent> {
    /** Sets the event id, unique within the ledger. */
    B id(String id);

    /** Sets when the event took effect. */
    B at(Instant at);

    /** Builds the event; throws {@link IllegalStateException} if a required field is missing. */
    E build();
  }
}
