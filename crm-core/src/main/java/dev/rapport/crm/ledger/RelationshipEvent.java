package dev.rapport.crm.ledger;

import java.util.Optional;

/**
 * A purchase or an inquiry: a contact with one legal entity of the business that is not a grant
 * but may count as an existing relationship (implied consent, the registry exceptions and the
 * cool-off of {@code RULES.md}). Sealed: {@link Purchased} and {@link Inquired} are its only types.
 */
public sealed interface RelationshipEvent extends LedgerEvent permits Purchased, Inquired {
  /** The legal entity of the business the customer dealt with; absent is the empty entity. */
  Optional<String> entity();

  /** Whether the customer was offered a marketing opt-out at that moment. */
  boolean optOutOffered();
}
