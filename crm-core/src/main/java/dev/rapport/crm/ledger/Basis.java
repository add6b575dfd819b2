package dev.rapport.crm.ledger;

/** The legal basis of a {@link Granted} event. Format 1 knows only express consent. */
public enum Basis {
  /** The customer's express consent. */
  EXPRESS
}
