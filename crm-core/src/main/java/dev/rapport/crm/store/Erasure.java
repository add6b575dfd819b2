package dev.rapport.crm.store;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Ledger;
import java.util.List;

/**
 * What a store keeps of an erased customer ({@code RULES.md}, "1. Erasure and unknown
 * customers"): only the suppression tombstone. That is the profile (an id, a jurisdiction, a
 * zone and a kind: no personal data) and the {@link Erased} event, whose evidence keeps its
 * source, actor, staff id, notice, flags and capture time but loses its free-form {@linkplain
 * Evidence#details() details}. Every earlier event is gone.
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

  /**
   * The tombstone of {@code ledger} if it holds an {@link Erased} event; otherwise {@code ledger}
   * itself.
   */
  public static Ledger apply(Ledger ledger) {
    checkNotNull(ledger, "ledger");
    return ledger
        .erased()
        .map(erased -> Ledger.of(ledger.customer(), List.of(tombstone(erased))))
        .orElse(ledger);
  }

  /** The erased event as a tombstone keeps it: its evidence without the free-form details. */
  static Erased tombstone(Erased erased) {
    return Erased.builder()
        .id(erased.id())
        .at(erased.at())
        .evidence(erased.evidence().map(Erasure::withoutDetails))
        .build();
  }

  private static Evidence withoutDetails(Evidence evidence) {
    return Evidence.builder()
        .source(evidence.source())
        .actor(evidence.actor())
        .staff(evidence.staff())
        .notice(evidence.notice())
        .written(evidence.written())
        .preTicked(evidence.preTicked())
        .capturedAt(evidence.capturedAt())
        .build();
  }
}
