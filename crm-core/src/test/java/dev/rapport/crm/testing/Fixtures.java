package dev.rapport.crm.testing;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Erased;
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
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Test vocabulary that reads like {@code RULES.md}: a customer in a jurisdiction and zone,
 * grants with evidence, withdrawals, objections, outreach at an instant, and a decision.
 *
 * <p>Every event is valid consent unless a test says otherwise: the customer acted in the
 * preference center under notice {@value #NOTICE}. The default customer lives in {@code AU}, a
 * jurisdiction without a pack ({@code RULES.md}: "the model alone"), and has no preferences, so no
 * timing rule or pack interferes with a test of the model.
 *
 * <pre>{@code
 * Ledger ledger = ledger(grant("g1", day(0), Intent.DEALS, Channel.EMAIL));
 * Decision decision = decide(ledger, outreach(Purpose.OFFER, Channel.EMAIL, day(1)));
 * }</pre>
 */
public final class Fixtures {
  /** The first day of every story: 2026-03-02, 10:00 UTC. */
  public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  /** The notice every default evidence names. */
  public static final String NOTICE = "prefs-v3";

  /** The default customer's id. */
  public static final String CUSTOMER_ID = "c-1";

  /** Personal data that a test may put into evidence details; no message may ever show it. */
  public static final String PERSONAL_EMAIL = "priya.shah@example.com";

  /** An IP address that a test may put into evidence details; no message may ever show it. */
  public static final String PERSONAL_IP = "203.0.113.77";

  private Fixtures() {}

  // ---- time ---------------------------------------------------------------------------------

  /** {@link #T0} plus {@code n} whole days. */
  public static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  /** {@link #T0} plus {@code n} days and {@code hours} hours. */
  public static Instant day(int n, int hours) {
    return day(n).plus(Duration.ofHours(hours));
  }

  // ---- customers ----------------------------------------------------------------------------

  /** The default customer: {@code c-1} in {@code AU}, zone {@code Australia/Sydney}. */
  public static CustomerProfile customer() {
    return customerIn("AU", "Australia/Sydney");
  }

  /** Customer {@code c-1} in the given jurisdiction and IANA zone. */
  public static CustomerProfile customerIn(String jurisdiction, String zone) {
    return CustomerProfile.of(CUSTOMER_ID, Jurisdiction.of(jurisdiction), ZoneId.of(zone));
  }

  // ---- evidence -----------------------------------------------------------------------------

  /** Valid evidence in the making: the customer, in the preference center, notice prefs-v3. */
  public static Evidence.Builder evidence() {
    return Evidence.builder()
        .source(Source.PREFERENCE_CENTER)
        .actor(Actor.CUSTOMER)
        .notice(NOTICE)
        .putDetails("ip", PERSONAL_IP)
        .putDetails("email", PERSONAL_EMAIL);
  }

  /** Valid evidence of the customer's own act. */
  public static Evidence byCustomer() {
    return evidence().build();
  }

  /** A staff member recording the customer's words through {@code source}. */
  public static Evidence byStaff(String staff, Source source) {
    return evidence().actor(Actor.STAFF).staff(staff).source(source).build();
  }

  /** An import that carries its original capture time: valid consent. */
  public static Evidence imported(Instant capturedAt) {
    return evidence().source(Source.IMPORT).capturedAt(capturedAt).build();
  }

  /** Evidence that is not valid consent because the box was pre-ticked. */
  public static Evidence preTicked() {
    return evidence().preTicked(true).build();
  }

  /** Evidence of the system acting, as for an "unsubscribe" reply. */
  public static Evidence bySystem() {
    return evidence().actor(Actor.SYSTEM).source(Source.API).build();
  }

  // ---- events -------------------------------------------------------------------------------

  /** A grant in the making, with valid evidence; add intents and channels. */
  public static Granted.Builder granted(String id, Instant at) {
    return Granted.builder().id(id).at(at).evidence(byCustomer());
  }

  /** A valid grant of {@code intent} on {@code channels}, for the empty entity. */
  public static Granted grant(String id, Instant at, Intent intent, Channel... channels) {
    return granted(id, at).addIntents(intent).addChannels(channels).build();
  }

  /** A valid grant of {@code intent} on {@code channels} for {@code entity}. */
  public static Granted grantFor(
      String entity, String id, Instant at, Intent intent, Channel... channels) {
    return granted(id, at).addIntents(intent).addChannels(channels).entity(entity).build();
  }

  /** A grant of every intent on every channel, for the empty entity. */
  public static Granted grantOfEverything(String id, Instant at) {
    return granted(id, at)
        .intents(Arrays.asList(Intent.values()))
        .channels(Arrays.asList(Channel.values()))
        .build();
  }

  /** A grant of {@code intent} on {@code channels} with the given evidence. */
  public static Granted grantWith(
      Evidence evidence, String id, Instant at, Intent intent, Channel... channels) {
    return granted(id, at).addIntents(intent).addChannels(channels).evidence(evidence).build();
  }

  /** A withdrawal in the making, recorded by the customer; add intents and channels. */
  public static Withdrawn.Builder withdrawn(String id, Instant at) {
    return Withdrawn.builder().id(id).at(at).evidence(byCustomer());
  }

  /** A withdrawal of {@code intent} on {@code channels} for every entity. */
  public static Withdrawn withdrawal(String id, Instant at, Intent intent, Channel... channels) {
    return withdrawn(id, at).addIntents(intent).addChannels(channels).build();
  }

  /** A withdrawal of every intent on every channel for every entity (the wire's ALL). */
  public static Withdrawn withdrawalOfEverything(String id, Instant at) {
    return withdrawn(id, at)
        .intents(Arrays.asList(Intent.values()))
        .channels(Arrays.asList(Channel.values()))
        .build();
  }

  /** An objection to all direct marketing, by the customer. */
  public static Objected objection(String id, Instant at) {
    return Objected.builder().id(id).at(at).evidence(byCustomer()).build();
  }

  /** A confirmation (double opt-in) of grant {@code grantId}. */
  public static Confirmed confirmation(String id, Instant at, String grantId) {
    return Confirmed.builder().id(id).at(at).grant(grantId).evidence(byCustomer()).build();
  }

  /** A purchase in the making. */
  public static Purchased.Builder purchased(String id, Instant at) {
    return Purchased.builder().id(id).at(at);
  }

  /** A purchase with no channel, entity or opt-out. */
  public static Purchased purchase(String id, Instant at) {
    return purchased(id, at).build();
  }

  /** An inquiry on {@code channel}, for the empty entity. */
  public static Inquired inquiry(String id, Instant at, Channel channel) {
    return Inquired.builder().id(id).at(at).channel(channel).build();
  }

  /** A preferences event. */
  public static PreferencesChanged preferences(String id, Instant at, Preferences preferences) {
    return PreferencesChanged.builder().id(id).at(at).preferences(preferences).build();
  }

  /** A preferences event that sets only the profiling level. */
  public static PreferencesChanged profiling(String id, Instant at, Profiling level) {
    return preferences(id, at, Preferences.builder().profiling(level).build());
  }

  /** The erasure of the customer. */
  public static Erased erasure(String id, Instant at) {
    return Erased.builder().id(id).at(at).build();
  }

  // ---- ledgers ------------------------------------------------------------------------------

  /** The default customer's ledger holding {@code events} in this order. */
  public static Ledger ledger(LedgerEvent... events) {
    return Ledger.of(customer(), List.of(events));
  }

  /** The ledger of {@code customer} holding {@code events} in this order. */
  public static Ledger ledgerOf(CustomerProfile customer, LedgerEvent... events) {
    return Ledger.of(customer, List.of(events));
  }

  // ---- outreach and decisions ---------------------------------------------------------------

  /** An outreach in the making, sent by the brand for the empty entity. */
  public static Outreach.Builder planned(Purpose purpose, Channel channel, Instant at) {
    return Outreach.builder().purpose(purpose).channel(channel).at(at);
  }

  /** An outreach sent by the brand for the empty entity. */
  public static Outreach outreach(Purpose purpose, Channel channel, Instant at) {
    return planned(purpose, channel, at).build();
  }

  /** Options that require a {@code confirmed} event for every grant on {@code channels}. */
  public static PolicyOptions doubleOptIn(Channel... channels) {
    return PolicyOptions.builder().addDoubleOptIn(channels).build();
  }

  /** Options with implied consent on. */
  public static PolicyOptions impliedConsent() {
    return PolicyOptions.builder().impliedConsent(true).build();
  }

  /** The decision of an engine with default options, with no history. */
  public static Decision decide(Ledger ledger, Outreach outreach) {
    return PolicyEngine.withDefaults().decide(ledger, List.of(), outreach);
  }

  /** The decision of an engine with {@code options}, with no history. */
  public static Decision decide(PolicyOptions options, Ledger ledger, Outreach outreach) {
    return PolicyEngine.builder().options(options).build().decide(ledger, List.of(), outreach);
  }

  /** The decision of an engine with default options, with a history. */
  public static Decision decide(Ledger ledger, List<HistoryEntry> history, Outreach outreach) {
    return PolicyEngine.withDefaults().decide(ledger, history, outreach);
  }
}
