package dev.rapport.crm.jackson.postgres;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.jackson.RapportJson;
import dev.rapport.crm.ledger.LedgerEvent;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * Profiles and events to and from the {@code jsonb} columns, through the wire format module's
 * own serializers ({@link RapportJson#mapper()}): a row holds exactly what a ledger document
 * holds.
 */
final class RowCodec {
  private final ObjectWriter profileWriter = RapportJson.mapper().writerFor(CustomerProfile.class);
  private final ObjectWriter eventWriter = RapportJson.mapper().writerFor(LedgerEvent.class);
  private final ObjectReader profileReader = RapportJson.mapper().readerFor(CustomerProfile.class);
  // Reads one element inside the array; the array's own end is checked by events().
  private final ObjectReader eventReader =
      RapportJson.mapper()
          .readerFor(LedgerEvent.class)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  String profile(CustomerProfile profile) {
    return profileWriter.writeValueAsString(profile);
  }

  String event(LedgerEvent event) {
    return eventWriter.writeValueAsString(event);
  }

  CustomerProfile profile(String json) {
    return profileReader.readValue(json);
  }

  /** A JSON array of events, as {@code jsonb_agg} returns it. */
  List<LedgerEvent> events(String jsonArray) {
    ImmutableList.Builder<LedgerEvent> events = ImmutableList.builder();
    try (JsonParser p = RapportJson.mapper().createParser(jsonArray)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("expected a JSON array of events");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        events.add(eventReader.<LedgerEvent>readValue(p));
      }
      if (p.currentToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
        throw new IllegalArgumentException("expected only event objects in the array");
      }
    }
    return events.build();
  }
}
