package dev.rapport.crm.policy;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Registry;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import dev.rapport.crm.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A small vocabulary for the timing and jurisdiction tests: customers in a jurisdiction and
 * zone, valid grants, purchases and inquiries, preferences, outreach at a local wall time, and
 * a decision by the public {@link PolicyEngine}. Every grant is valid consent (the customer, in
 * the preference center, under notice {@value Fixtures#NOTICE}) unless a test says otherwise.
 */
final class LawFixtures {

  /** The engine with defaults: implied consent off. */
  static final PolicyEngine DEFAULT = PolicyEngine.withDefaults();

  /** The engine with implied consent on ({@code RULES.md} "Implied consent"). */
  static final PolicyEngine IMPLIED =
      PolicyEngine.builder().options(PolicyOptions.builder().impliedConsent(true).build()).build();

  private LawFixtures() {}

  // ---- time ---------------------------------------------------------------------------------

  /** The instant at which the wall clock in {@code zone} reads {@code localDateTime} (earlier offset in an overlap). */
  static Instant local(String zone, String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), ZoneId.of(zone)).toInstant();
  }

  static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  static LocalTime time(String hhmm) {
    return LocalTime.parse(hhmm);
  }

  // ---- customers ----------------------------------------------------------------------------

  static CustomerProfile customer(String jurisdiction, String zone) {
    return CustomerProfile.of("c-law", Jurisdiction.of(jurisdiction), ZoneId.of(zone));
  }

  static Ledger ledger(CustomerProfile customer, LedgerEvent... events) {
    return Fixtures.ledgerOf(customer, events);
  }

  // ---- events -------------------------------------------------------------------------------

  static Evidence.Builder evidence() {
    return Fixtures.evidence();
  }

  static Granted.Builder grantBuilder(String id, Instant at, Intent intent, Channel... channels) {
    return Fixtures.granted(id, at).addIntents(intent).addChannels(channels);
  }

  /** A valid grant, not signed in writing. */
  static Granted grant(String id, Instant at, Intent intent, Channel... channels) {
    return grantBuilder(id, at, intent, channels).build();
  }

  /** A valid grant signed in writing (prior express written consent). */
  static Granted writtenGrant(String id, Instant at, Intent intent, Channel... channels) {
    return grantBuilder(id, at, intent, channels).evidence(evidence().written(true).build()).build();
  }

  static Confirmed confirmation(String id, Instant at, String grant) {
    return Confirmed.builder().id(id).at(at).grant(grant).evidence(evidence().source(Source.EMAIL_LINK).build()).build();
  }

  static Objected objection(String id, Instant at) {
    return Fixtures.objection(id, at);
  }

  /** A purchase with no entity, an opt-out offered. */
  static Purchased purchase(String id, Instant at) {
    return Purchased.builder().id(id).at(at).optOutOffered(true).build();
  }

  static Purchased purchase(String id, Instant at, String entity, boolean optOutOffered) {
    return Purchased.builder().id(id).at(at).entity(entity).optOutOffered(optOutOffered).build();
  }

  static Purchased purchaseWithoutOptOut(String id, Instant at) {
    return Purchased.builder().id(id).at(at).optOutOffered(false).build();
  }

  /** An inquiry by email with no entity, an opt-out offered. */
  static Inquired inquiry(String id, Instant at) {
    return Inquired.builder().id(id).at(at).channel(Channel.EMAIL).optOutOffered(true).build();
  }

  static Inquired inquiry(String id, Instant at, String entity) {
    return Inquired.builder().id(id).at(at).channel(Channel.EMAIL).entity(entity).optOutOffered(true).build();
  }

  static Registered doNotCall(String id, Instant at) {
    return Registered.builder().id(id).at(at).registry(Registry.US_DNC).build();
  }

  static PreferencesChanged preferences(String id, Instant at, Preferences preferences) {
    return Fixtures.preferences(id, at, preferences);
  }

  static Preferences quietHours(String start, String end) {
    return Preferences.builder().quietHours(QuietHours.of(time(start), time(end))).build();
  }

  /**
   * A cap of {@code max} per {@code per} on {@code purposes}; with none given, on every purpose a
   * cap may name (all but {@code TRANSACTIONAL} and {@code REPLY}, model 5.8).
   */
  static FrequencyCap cap(int max, Duration per, Purpose... purposes) {
    FrequencyCap.Builder cap = FrequencyCap.builder().max(max).per(per);
    if (purposes.length > 0) {
      cap.addPurposes(purposes);
    } else {
      Arrays.stream(Purpose.values())
          .filter(p -> p != Purpose.TRANSACTIONAL && p != Purpose.REPLY)
          .forEach(cap::addPurposes);
    }
    return cap.build();
  }

  // ---- outreach and decisions ----------------------------------------------------------------

  static Outreach.Builder outreach(Purpose purpose, Channel channel, Instant at) {
    return Outreach.builder().purpose(purpose).channel(channel).at(at);
  }

  static HistoryEntry sent(Instant at, Purpose purpose, Channel channel) {
    return HistoryEntry.of(at, purpose, channel);
  }

  static Decision decide(Ledger ledger, Outreach.Builder outreach) {
    return DEFAULT.decide(ledger, List.of(), outreach.build());
  }

  static Decision decide(Ledger ledger, List<HistoryEntry> history, Outreach.Builder outreach) {
    return DEFAULT.decide(ledger, history, outreach.build());
  }

  static Decision decideImplied(Ledger ledger, Outreach.Builder outreach) {
    return IMPLIED.decide(ledger, List.of(), outreach.build());
  }

  /** The reason with this code; fails when absent. */
  static Reason reason(Decision decision, ReasonCode code) {
    return decision.reasons().stream()
        .filter(r -> r.code() == code)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + decision));
  }
}
