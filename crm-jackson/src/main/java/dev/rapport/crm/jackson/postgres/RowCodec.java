package dev.rapport.crm.jackson.postgres;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.jackson.RapportJson;
import dev.rapport.crm.ledger.LedgerEvent;
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
  private final ObjectReader eventReader = RapportJson.mapper().readerFor(LedgerEvent.class);

  String writeProfile(CustomerProfile profile) {
    return profileWriter.writeValueAsString(profile);
  }

  String writeEvent(LedgerEvent event) {
    return eventWriter.writeValueAsString(event);
  }

  CustomerProfile readProfile(String json) {
    return profileReader.readValue(json);
  }

  LedgerEvent readEvent(String json) {
    return eventReader.readValue(json);
  }
}
