package dev.rapport.crm.jackson;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.RejectedEventException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TokenStreamLocation;

/**
 * The ledger document {@code { "format": "rapport-ledger/1", "customer": {...}, "events": [...] }}
 * ({@code wire-format.md}, Ledger document), read as a {@link Ledger}: every event is validated
 * by {@link Ledger#append}, and a refused event is a reading error naming its path.
 */
final class LedgerJson {
  static final String FORMAT = "rapport-ledger/1";

  private LedgerJson() {}

  static void write(Ledger ledger, JsonGenerator gen) {
    gen.writeStartObject();
    gen.writeStringProperty("format", FORMAT);
    gen.writeName("customer");
    CustomerProfileJson.write(ledger.customer(), gen);
    gen.writeArrayPropertyStart("events");
    for (LedgerEvent event : ledger.events()) {
      EventJson.write(event, gen);
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  private static final ObjectReader<ObjectReader.Values, Ledger> READER =
      ObjectReader.ofValues(
              "a ledger document",
              v -> v.getOr("events", Events.NONE).toLedger(v.in(), v.get("customer")))
          .required("format", in -> format(in, FORMAT))
          .required("customer", CustomerProfileJson::read)
          .optional("events", Events::read);

  static Ledger read(JsonIn in) {
    return READER.read(in);
  }

  /** Checks the current value is the format string {@code expected}, and returns it. */
  static String format(JsonIn in, String expected) {
    String format = in.string();
    if (!format.equals(expected)) {
      throw in.error("unknown format \"" + format + "\"; expected \"" + expected + "\"");
    }
    return format;
  }

  /** A list of events as read, with the position of each, for the ledger's verdict on them. */
  static final class Events {
    static final Events NONE = new Events(ImmutableList.of(), List.of(), List.of());

    final List<LedgerEvent> events;
    final List<String> paths;
    final List<TokenStreamLocation> locations;

    private Events(List<LedgerEvent> events, List<String> paths, List<TokenStreamLocation> locations) {
      this.events = events;
      this.paths = paths;
      this.locations = locations;
    }

    static Events read(JsonIn in) {
      List<String> paths = new ArrayList<>();
      List<TokenStreamLocation> locations = new ArrayList<>();
      List<LedgerEvent> events =
          in.list(
              element -> {
                paths.add(element.path());
                locations.add(element.location());
                return EventJson.read(element);
              });
      return new Events(events, paths, locations);
    }

    /** The ledger of these events; an event the ledger refuses is an error at its path. */
    Ledger toLedger(JsonIn in, CustomerProfile customer) {
      try {
        return Ledger.of(customer, events);
      } catch (RejectedEventException e) {
        // Find the refused event: append one by one (only on this error path).
        Ledger ledger = Ledger.of(customer);
        for (int i = 0; i < events.size(); i++) {
          try {
            ledger = ledger.append(events.get(i));
          } catch (RejectedEventException refused) {
            throw in.error(
                paths.get(i), locations.get(i), "refused by the ledger: " + refused.getMessage(), refused);
          }
        }
        throw new AssertionError("the ledger refused a list it accepts one by one", e);
      }
    }
  }
}
