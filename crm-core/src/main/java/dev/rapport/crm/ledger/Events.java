package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

/** Checks shared by every event type. */
final class Events {
  private Events() {}

  static void checkId(LedgerEvent event) {
    String type = event.type().wireName();
    checkArgument(
        !event.id().isBlank(),
        "%s %s event needs a non-blank id",
        "aeiou".indexOf(type.charAt(0)) >= 0 ? "an" : "a",
        type);
  }
}
