package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.internal.Words;
import dev.rapport.crm.limits.Limits;
import java.util.Optional;

/** Checks shared by every event type. */
final class Events {
  private Events() {}

  /**
   * The id is not blank and within {@link Limits#MAX_ID_LENGTH}, and {@code at} is within the
   * instants {@link Limits} accepts ({@code RULES.md}, "Bounds of values").
   */
  static void checkId(LedgerEvent event) {
    String id = event.id();
    if (id.isBlank() || id.length() > Limits.MAX_ID_LENGTH || !Limits.isString(id) || !Limits.isInRange(event.at())) {
      String type = Words.of(event.type()); // the messages are built only on failure
      checkArgument(
          !id.isBlank(),
          "%s %s event needs a non-blank id",
          "aeiou".indexOf(type.charAt(0)) >= 0 ? "an" : "a",
          type);
      Limits.checkId(id, type + " event id");
      Limits.checkInstant(event.at(), type + " event " + id + ": at");
    }
  }

  /** An optional string of the event is within {@link Limits#MAX_STRING_LENGTH}. */
  static void checkText(LedgerEvent event, String field, Optional<String> value) {
    if (value.isPresent() && !Limits.isString(value.get())) {
      Limits.checkString(value.get(), Words.of(event.type()) + " event " + event.id() + ": " + field);
    }
  }
}
