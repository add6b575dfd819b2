package dev.rapport.crm.store;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.rapport.crm.ledger.Ledger;

/**
 * What a store keeps of an erased customer ({@code RULES.md}, "1. Erasure and unknown
 * customers"): only the suppression tombstone, {@link Ledger#tombstone()}. That is the profile
 * (an id, a jurisdiction, a zone and a kind: no personal data) and the erased event, whose
 * evidence keeps its source, actor, staff id, notice, flags and capture time but loses its
 * free-form details. Every earlier event is gone.
 *
 * <p>Every {@link LedgerStore} stores {@link #apply(Ledger)} of each ledger it accepts, so an
 * erased customer reads back as a ledger of one event (version 1) and refuses every further
 * event.
 *
 * <pre>{@code
 * Ledger next = current.append(events);   // validates
 * store(Erasure.apply(next));              // the tombstone if next holds an erased event
 * }</pre>
 */
public final class Erasure {
  private Erasure() {}

  /** The tombstone of {@code ledger} if the customer was erased; otherwise {@code ledger} itself. */
  public static Ledger apply(Ledger ledger) {
    checkNotNull(ledger, "ledger");
    return ledger.erased().isPresent() ? ledger.tombstone() : ledger;
  }
}
