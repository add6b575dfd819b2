package dev.rapport.crm.policy;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;

/**
 * The constants of the relationship's enums, read once: {@code values()} copies its array on
 * every call, and iterating an enum set builds an iterator, which a decision need not pay for.
 */
final class Enums {
  static final Intent[] INTENTS = Intent.values();
  static final Channel[] CHANNELS = Channel.values();
  /** Per purpose (by ordinal), the intents that open it, in the order of {@link Purpose#openedBy()}. */
  private static final Intent[][] OPENED_BY = new Intent[Purpose.values().length][];

  static {
    for (Purpose purpose : Purpose.values()) {
      OPENED_BY[purpose.ordinal()] = purpose.openedBy().toArray(new Intent[0]);
    }
  }

  private Enums() {}

  /** The intents that open {@code purpose}, in the order of {@link Purpose#openedBy()}; not to be changed. */
  static Intent[] openedBy(Purpose purpose) {
    return OPENED_BY[purpose.ordinal()];
  }
}
