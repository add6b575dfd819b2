package dev.rapport.crm.customer;

/** Whether a customer is a person or a company. Recorded; it has no effect in format 1. */
public enum CustomerKind {
  /** A natural person (the default). */
  INDIVIDUAL,
  /** A company or other organisation. */
  CORPORATE
}
