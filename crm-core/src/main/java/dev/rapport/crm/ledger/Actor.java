package dev.rapport.crm.ledger;

/** Who acted when an event was recorded ({@code crm-jackson/README.md}, Evidence). */
public enum Actor {
  /** The customer themself. */
  CUSTOMER,
  /** A staff member, named by {@link Evidence#staff()}. */
  STAFF,
  /** The business's systems, with no person acting. */
  SYSTEM
}
