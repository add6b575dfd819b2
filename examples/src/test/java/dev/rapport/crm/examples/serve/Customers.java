package dev.rapport.crm.examples.serve;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;

/** Ledger events and outreach the pipeline tests share. */
final class Customers {
  static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
  static final Instant GRANTED_AT = Instant.parse("2026-03-01T09:00:00Z");

  private Customers() {}

  static LedgerEvent granted(String id, Channel channel, Intent... intents) {
    return Granted.builder()
        .id(id)
        .at(GRANTED_AT)
        .addIntents(intents)
        .addChannels(channel)
        .evidence(Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3").build())
        .build();
  }

  static LedgerEvent profiling(String id, Profiling level) {
    return PreferencesChanged.builder()
        .id(id)
        .at(GRANTED_AT)
        .preferences(Preferences.builder().profiling(level).build())
        .build();
  }

  static Outreach email(Purpose purpose, Instant at) {
    return Outreach.builder().purpose(purpose).channel(Channel.EMAIL).at(at).build();
  }
}
