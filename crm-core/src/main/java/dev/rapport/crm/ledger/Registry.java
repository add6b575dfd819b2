package dev.rapport.crm.ledger;

/** A public do-not-call registry ({@code RULES.md} "The ledger"). */
public enum Registry {
  /** The US National Do Not Call Registry (47 CFR 64.1200(c)(2)). */
  US_DNC,
  /** The UK Telephone Preference Service; recorded, with no effect in format 1. */
  UK_TPS
}
