package dev.rapport.crm.ledger;

/**
 * An event was refused by a {@link Ledger}: its id is taken, it confirms a grant the ledger does
 * not hold, it follows an {@code erased} event, or it belongs to another kind of event. The
 * ledger is left exactly as it was.
 */
public final class RejectedEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String eventId;

  RejectedEventException(String eventId, String message) {
    super(message);
    this.eventId = eventId;
  }

  /** The id of the refused event. */
  public String eventId() {
    return eventId;
  }
}
