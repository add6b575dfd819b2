package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

/** Checks shared by every event type. */
final class Events {
  private Events() {}

  static void checkId(LedgerEvent event) {
    checkArgument(
        !event.id().isBlank(), "a %s event needs a non-blank id", event.type().wireName());
  }
}
