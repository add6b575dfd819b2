package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.time.Instant;
import java.time.ZoneId;

/** Customers and events for journal tests. */
final class Fixtures {
  static final Instant MARCH_2 = Instant.parse("2026-03-02T10:00:00Z");

  private Fixtures() {}

  static CustomerProfile customer(String id) {
    return CustomerProfile.of(id, Jurisdiction.of("CA-ON"), ZoneId.of("America/Toronto"));
  }

  static Evidence preferenceCenter() {
    return Evidence.builder()
        .source(Source.PREFERENCE_CENTER)
        .actor(Actor.CUSTOMER)
        .notice("prefs-v3")
        .putDetails("ip", "203.0.113.7")
        .build();
  }

  static Granted grant(String id) {
    return Granted.builder()
        .id(id)
        .at(MARCH_2)
        .addIntents(Intent.DEALS)
        .addChannels(Channel.EMAIL, Channel.SMS)
        .evidence(preferenceCenter())
        .build();
  }

  static Withdrawn withdrawal(String id) {
    return Withdrawn.builder()
        .id(id)
        .at(MARCH_2.plusSeconds(3600))
        .addIntents(Intent.DEALS)
        .addChannels(Channel.SMS)
        .evidence(preferenceCenter())
        .build();
  }

  static LedgerEvent purchase(String id) {
    return Purchased.builder().id(id).at(MARCH_2).channel(Channel.EMAIL).entity("acme-retail").build();
  }
}
