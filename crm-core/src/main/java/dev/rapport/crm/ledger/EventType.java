package dev.rapport.crm.ledger;

/** The kinds of {@link LedgerEvent} ({@code RULES.md} "The ledger"). */
public enum EventType {
  /** {@link Granted}. */
  GRANTED,
  /** {@link Withdrawn}. */
  WITHDRAWN,
  /** {@link Objected}. */
  OBJECTED,
  /** {@link Confirmed}. */
  CONFIRMED,
  /** {@link PreferencesChanged}. */
  PREFERENCES,
  /** {@link Purchased}. */
  PURCHASED,
  /** {@link Inquired}. */
  INQUIRED,
  /** {@link Registered}. */
  REGISTERED,
  /** {@link Erased}. */
  ERASED
}
