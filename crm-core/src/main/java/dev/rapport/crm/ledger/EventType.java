package dev.rapport.crm.ledger;

import java.util.Locale;

/** The kinds of {@link LedgerEvent} ({@code model.md} section 4). */
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
  ERASED;

  private final String wireName;

  EventType() {
    this.wireName = name().toLowerCase(Locale.ROOT);
  }

  /** The name of this type in the wire format, such as {@code "granted"}. */
  public String wireName() {
    return wireName;
  }
}
