package dev.rapport.crm.campaign;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seeded population of the campaign benchmark, built so that the 4-rule policy every rival
 * implements and Rapport's full semantics give the same verdict for every customer:
 *
 * <ol>
 *   <li>consent for PROMOTION by EMAIL, not withdrawn: else DENY;
 *   <li>no objection: else DENY;
 *   <li>at most 2 PROMOTION by EMAIL in the rolling 7 days up to the send: else DEFER;
 *   <li>sent between 08:00 and 21:00 local time: else DEFER.
 * </ol>
 *
 * <p>How they coincide: every customer lives where no pack adds anything (AU, JP, IN, MX, NZ:
 * {@code RULES.md}, "AU, and every jurisdiction without a pack"; zones with and without daylight
 * saving, so the campaign instant of 10:00 UTC falls before, inside and after the window); every
 * grant is a valid, customer-given PROMOTION grant on EMAIL without expiry (so coverage is rule 1,
 * {@code RULES.md} 3); an objection comes after the last grant, if at all (rule 2, {@code
 * RULES.md} 4); rule 4 is each customer's quiet hours 21:00-08:00 ({@code RULES.md} 6: the engine
 * has no business-wide quiet hours), rule 3 the business cap of 2 PROMOTION by EMAIL per 7 days of
 * {@link #engine()}; no cool-off is ever declared; purchases and inquiries are noise the model
 * ignores here (no implied consent). The history is 0 to 4 PROMOTION e-mails in the 10 days
 * before the send.
 */
final class FourRulePopulation {
  static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");
  private static final String[][] PLACES = {
    {"AU", "Australia/Sydney"}, {"AU", "Australia/Perth"}, {"JP", "Asia/Tokyo"},
    {"IN", "Asia/Kolkata"}, {"MX", "America/Mexico_City"}, {"NZ", "Pacific/Auckland"},
  };
  private static final Evidence EVIDENCE =
      Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3").build();
  private static final Preferences WINDOW =
      Preferences.builder().quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0))).build();

  final Ledger[] ledgers;
  final List<List<HistoryEntry>> histories;

  private FourRulePopulation(Ledger[] ledgers, List<List<HistoryEntry>> histories) {
    this.ledgers = ledgers;
    this.histories = histories;
  }

  /** The engine: default options and the business cap of rule 3. */
  static PolicyEngine engine() {
    return PolicyEngine.builder()
        .options(
            PolicyOptions.builder()
                .addCaps(
                    FrequencyCap.builder()
                        .addPurposes(Purpose.PROMOTION)
                        .addChannels(Channel.EMAIL)
                        .max(2)
                        .per(Duration.ofDays(7))
                        .build())
                .build())
        .build();
  }

  /** {@code customers} customers, the same for the same seed. */
  static FourRulePopulation generate(long seed, int customers) {
    Random random = new Random(seed);
    Ledger[] ledgers = new Ledger[customers];
    List<List<HistoryEntry>> histories = new ArrayList<>(customers);
    for (int c = 0; c < customers; c++) {
      String[] place = PLACES[random.nextInt(PLACES.length)];
      CustomerProfile profile = CustomerProfile.of("c-" + c, Jurisdiction.of(place[0]), ZoneId.of(place[1]));
      ledgers[c] = Ledger.of(profile, events(random));
      histories.add(history(random));
    }
    return new FourRulePopulation(ledgers, histories);
  }

  private static List<LedgerEvent> events(Random random) {
    List<LedgerEvent> events = new ArrayList<>(6);
    Instant t = AT.minus(Duration.ofDays(300 + random.nextInt(60)));
    int id = 0;
    if (random.nextInt(20) != 0) {
      events.add(grant("e" + id++, t));
    }
    t = t.plus(Duration.ofDays(1));
    events.add(PreferencesChanged.builder().id("e" + id++).at(t).preferences(WINDOW).build());
    if (random.nextInt(4) == 0) {
      t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
      events.add(Purchased.builder().id("e" + id++).at(t).channel(Channel.EMAIL).optOutOffered(true).build());
    }
    if (random.nextInt(6) == 0) {
      t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
      events.add(
          Withdrawn.builder().id("e" + id++).at(t).addIntents(Intent.PROMOTION).addChannels(Channel.EMAIL).evidence(EVIDENCE).build());
      if (random.nextInt(3) == 0) {
        t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
        events.add(grant("e" + id++, t));
      }
    }
    if (random.nextInt(5) == 0) {
      t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
      events.add(Inquired.builder().id("e" + id++).at(t).channel(Channel.EMAIL).optOutOffered(true).build());
    }
    if (random.nextInt(12) == 0) {
      t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
      events.add(Objected.builder().id("e" + id).at(t).evidence(EVIDENCE).build());
    }
    return events;
  }

  private static Granted grant(String id, Instant t) {
    return Granted.builder().id(id).at(t).addIntents(Intent.PROMOTION).addChannels(Channel.EMAIL).evidence(EVIDENCE).build();
  }

  private static List<HistoryEntry> history(Random random) {
    int count = random.nextInt(5);
    ImmutableList.Builder<HistoryEntry> history = ImmutableList.builder();
    for (int h = 0; h < count; h++) {
      history.add(HistoryEntry.of(AT.minus(Duration.ofHours(1 + random.nextInt(24 * 10))), Purpose.PROMOTION, Channel.EMAIL));
    }
    return history.build();
  }
}
