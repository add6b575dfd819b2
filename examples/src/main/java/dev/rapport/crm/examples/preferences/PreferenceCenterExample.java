package dev.rapport.crm.examples.preferences;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.store.InMemoryLedgerStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * A customer declares DEALS and PROMOTION by email in the preference center, then takes
 * PROMOTION back: offers still go, newsletters no longer do.
 */
public final class PreferenceCenterExample {
  private PreferenceCenterExample() {}

  /** Prints the decisions before and after the withdrawal. */
  public static void main(String[] args) {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.create(CustomerProfile.of("c-0042", Jurisdiction.of("IE"), ZoneId.of("Europe/Dublin")));
    PreferenceCenter center = new PreferenceCenter(store, "prefs-v3");
    PolicyEngine engine = PolicyEngine.withDefaults();

    center.declare("c-0042", EnumSet.of(Intent.DEALS, Intent.PROMOTION), EnumSet.of(Channel.EMAIL),
        Instant.parse("2026-03-02T10:00:00Z"), "session-7f3a");
    print(engine, store, "2026-03-03T10:00:00Z");
    center.withdraw("c-0042", EnumSet.of(Intent.PROMOTION), EnumSet.of(Channel.EMAIL),
        Instant.parse("2026-03-04T10:00:00Z"), "session-91c2");
    print(engine, store, "2026-03-05T10:00:00Z");
  }

  private static void print(PolicyEngine engine, InMemoryLedgerStore store, String at) {
    for (Purpose purpose : List.of(Purpose.OFFER, Purpose.PROMOTION)) {
      Outreach outreach =
          Outreach.builder().purpose(purpose).channel(Channel.EMAIL).at(Instant.parse(at)).build();
      System.out.println(at + " " + purpose + ": " + engine.decide(store, "c-0042", List.of(), outreach));
    }
  }
}
