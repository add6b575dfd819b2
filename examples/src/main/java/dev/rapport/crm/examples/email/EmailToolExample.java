package dev.rapport.crm.examples.email;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import dev.rapport.crm.store.InMemoryLedgerStore;
import dev.rapport.crm.store.LedgerStore;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ConsentCheckedMailer} on two customers who both asked for newsletters and have
 * quiet hours from 21:00 to 08:00: a newsletter planned for 22:00 is deferred for both; by
 * 08:00 one of them has unsubscribed, so only the other gets it, with the one-click
 * unsubscribe headers and without tracking.
 */
public final class EmailToolExample {
  static final Instant PLANNED = Instant.parse("2026-03-03T22:00:00Z");
  static final Instant NEXT_MORNING = Instant.parse("2026-03-04T08:00:00Z");

  private EmailToolExample() {}

  /** Prints what the mailer did. */
  public static void main(String[] args) {
    LedgerStore store = new InMemoryLedgerStore();
    record("c-0001", store);
    record("c-0002", store);
    ConsentCheckedMailer mailer =
        new ConsentCheckedMailer(
            PolicyEngine.withDefaults(),
            store,
            email -> System.out.println("SENT to " + email.customerId() + " " + email.headers()
                + (email.tracking() ? " with tracking" : " without tracking")),
            "https://mail.example.com/unsubscribe",
            "Northwind Outfitters, 1 Example Street, London");
    for (String customer : List.of("c-0001", "c-0002")) {
      Decision decision = mailer.send(customer, newsletter(), draft(customer));
      System.out.println(customer + " at " + PLANNED + ": " + decision);
    }
    // c-0002 clicks "unsubscribe" during the night.
    var ledger = store.read("c-0002").orElseThrow();
    store.append(
        "c-0002",
        ledger.version(),
        List.of(
            Withdrawn.builder()
                .id("e3")
                .at(Instant.parse("2026-03-04T06:30:00Z"))
                .addIntents(Intent.PROMOTION)
                .addChannels(Channel.EMAIL)
                .evidence(Evidence.builder().source(Source.ONE_CLICK_UNSUBSCRIBE).actor(Actor.CUSTOMER).build())
                .build()));
    for (Decision decision : mailer.runDue(NEXT_MORNING)) {
      System.out.println("asked again at " + NEXT_MORNING + ": " + decision);
    }
  }

  static void record(String customerId, LedgerStore store) {
    store.create(CustomerProfile.of(customerId, Jurisdiction.of("GB"), ZoneId.of("Europe/London")));
    store.append(
        customerId,
        0,
        List.of(
            Granted.builder()
                .id("e1")
                .at(Instant.parse("2026-01-10T12:00:00Z"))
                .addIntents(Intent.PROMOTION)
                .addChannels(Channel.EMAIL)
                .evidence(
                    Evidence.builder().source(Source.WEB_FORM).actor(Actor.CUSTOMER).notice("signup-v4").build())
                .build(),
            PreferencesChanged.builder()
                .id("e2")
                .at(Instant.parse("2026-01-10T12:00:00Z"))
                .preferences(
                    Preferences.builder().quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0))).build())
                .build()));
  }

  static Outreach newsletter() {
    return Outreach.builder()
        .purpose(Purpose.PROMOTION)
        .channel(Channel.EMAIL)
        .at(PLANNED)
        .tracking(true)
        .topic("march-newsletter")
        .build();
  }

  static Email draft(String customerId) {
    return new Email(customerId, "What's new in March", Map.of(), "Our March news.", true);
  }
}
