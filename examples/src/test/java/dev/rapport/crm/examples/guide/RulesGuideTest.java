package dev.rapport.crm.examples.guide;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;

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
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Registry;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import dev.rapport.crm.store.InMemoryLedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every worked example of {@code crm-core/RULES.md}, asked of the engine. If one fails, the
 * guide says something the engine does not do: fix the guide (or report the engine). The
 * decisions with their messages are written to {@code target/rules-guide-decisions.txt}.
 */
final class RulesGuideTest {
  private static final PolicyEngine DEFAULTS = PolicyEngine.withDefaults();
  private static final PolicyEngine IMPLIED =
      PolicyEngine.builder().options(PolicyOptions.builder().impliedConsent(true).build()).build();
  private static final List<String> LOG = new ArrayList<>();

  // --- model.md 5.1 -------------------------------------------------------------------------

  @Test
  void unknown_customer() {
    Decision d = new InMemoryLedgerStore().read("c-404").isPresent()
        ? null
        : DEFAULTS.decide(new InMemoryLedgerStore(), "c-404", List.of(), email(Purpose.TRANSACTIONAL, "2026-03-10T12:00:00Z"));
    expect("unknown_customer", d, Verdict.DENY, ReasonCode.UNKNOWN_CUSTOMER);
  }

  @Test
  void erased() {
    Ledger l = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.EMAIL)),
        Erased.builder().id("e2").at(Instant.parse("2026-02-01T10:00:00Z")).build());
    expect("erased", DEFAULTS.decide(l, List.of(), email(Purpose.TRANSACTIONAL, "2026-02-02T12:00:00Z")),
        Verdict.DENY, ReasonCode.ERASED);
    expect("erased_before", DEFAULTS.decide(l, List.of(), email(Purpose.PROMOTION, "2026-01-20T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
  }

  // --- model.md 5.2 -------------------------------------------------------------------------

  @Test
  void transactional_survives_objection() {
    Ledger l = gb(objected("e1", "2026-01-05T10:00:00Z"));
    Decision d = DEFAULTS.decide(l, List.of(), email(Purpose.TRANSACTIONAL, "2026-01-20T12:00:00Z"));
    expect("transactional", d, Verdict.ALLOW, ReasonCode.TRANSACTIONAL);
    assertThat(d).hasNoObligations();
  }

  @Test
  void reply_inside_and_outside_the_window() {
    Ledger l = gb(Inquired.builder().id("e1").at(Instant.parse("2026-01-10T09:00:00Z")).channel(Channel.EMAIL).build());
    expect("reply", DEFAULTS.decide(l, List.of(), email(Purpose.REPLY, "2026-01-20T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.REPLY_TO_CUSTOMER);
    expect("no_open_inquiry", DEFAULTS.decide(l, List.of(), email(Purpose.REPLY, "2026-02-15T12:00:00Z")),
        Verdict.DENY, ReasonCode.NO_OPEN_INQUIRY);
  }

  @Test
  void promotion_inside_a_service_message_is_decided_as_promotion() {
    Ledger l = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.SUPPORT), Set.of(Channel.EMAIL)));
    Outreach o = Outreach.builder().purpose(Purpose.SERVICE).channel(Channel.EMAIL)
        .at(Instant.parse("2026-01-20T12:00:00Z")).containsPromotion(true).build();
    expect("contains_promotion", DEFAULTS.decide(l, List.of(), o), Verdict.DENY, ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
  }

  // --- model.md 5.3 -------------------------------------------------------------------------

  @Test
  void declared_intent_and_beyond_it() {
    Ledger l = gb(grant("e1", "2026-03-02T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL)));
    Decision offer = DEFAULTS.decide(l, List.of(), email(Purpose.OFFER, "2026-03-10T17:00:00Z"));
    expect("declared_intent", offer, Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
    assertThat(offer.obligations()).extracting(Object::toString)
        .containsExactly("INCLUDE_UNSUBSCRIBE", "ONE_CLICK_UNSUBSCRIBE", "IDENTIFY_SENDER");
    expect("beyond", DEFAULTS.decide(l, List.of(), email(Purpose.PROMOTION, "2026-03-10T17:00:00Z")),
        Verdict.DENY, ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
    expect("channel_not_declared", DEFAULTS.decide(l, List.of(), at(Purpose.OFFER, Channel.SMS, "2026-03-10T17:00:00Z")),
        Verdict.DENY, ReasonCode.CHANNEL_NOT_DECLARED);
  }

  @Test
  void no_declared_relationship() {
    Ledger l = gb(Purchased.builder().id("e1").at(Instant.parse("2026-03-01T12:00:00Z")).optOutOffered(true).build());
    expect("no_declared", DEFAULTS.decide(l, List.of(), email(Purpose.OFFER, "2026-03-10T17:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void withdrawn_and_reopened_only_by_the_customer() {
    Ledger l = gb(
        grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL)),
        withdrawn("e2", "2026-02-01T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL)),
        Granted.builder().id("e3").at(Instant.parse("2026-02-10T10:00:00Z"))
            .addIntents(Intent.DEALS).addChannels(Channel.EMAIL)
            .evidence(Evidence.builder().source(Source.IMPORT).actor(Actor.SYSTEM).notice("crm-export-v1")
                .capturedAt(Instant.parse("2025-06-01T00:00:00Z")).build())
            .build());
    expect("withdrawn_import_skipped", DEFAULTS.decide(l, List.of(), email(Purpose.OFFER, "2026-02-20T12:00:00Z")),
        Verdict.DENY, ReasonCode.WITHDRAWN);
    Ledger reopened = l.append(grant("e4", "2026-02-25T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL)));
    expect("reopened", DEFAULTS.decide(reopened, List.of(), email(Purpose.OFFER, "2026-02-26T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
  }

  @Test
  void objection_stops_all_marketing_until_a_new_grant_names_the_key() {
    Ledger l = gb(
        grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION, Intent.FEEDBACK), Set.of(Channel.EMAIL)),
        objected("e2", "2026-02-01T10:00:00Z"));
    expect("objected", DEFAULTS.decide(l, List.of(), email(Purpose.PROMOTION, "2026-02-02T12:00:00Z")),
        Verdict.DENY, ReasonCode.OBJECTED);
    expect("objected_research_not_marketing", DEFAULTS.decide(l, List.of(), email(Purpose.RESEARCH, "2026-02-02T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
    Ledger lifted = l.append(grant("e3", "2026-02-10T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL)));
    expect("objection_lifted_for_key", DEFAULTS.decide(lifted, List.of(), email(Purpose.OFFER, "2026-02-11T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
    expect("objection_stands_elsewhere", DEFAULTS.decide(lifted, List.of(), email(Purpose.PROMOTION, "2026-02-11T12:00:00Z")),
        Verdict.DENY, ReasonCode.OBJECTED);
  }

  @Test
  void expired() {
    Ledger l = gb(Granted.builder().id("e1").at(Instant.parse("2026-01-05T10:00:00Z"))
        .addIntents(Intent.DEALS).addChannels(Channel.EMAIL).evidence(said("prefs-v3"))
        .expiresAt(Instant.parse("2026-02-01T00:00:00Z")).build());
    expect("expired", DEFAULTS.decide(l, List.of(), email(Purpose.OFFER, "2026-02-02T12:00:00Z")),
        Verdict.DENY, ReasonCode.EXPIRED);
  }

  @Test
  void awaiting_confirmation_under_the_double_opt_in_option() {
    PolicyEngine doi = PolicyEngine.builder()
        .options(PolicyOptions.builder().addDoubleOptIn(Channel.EMAIL).build()).build();
    Ledger l = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL, Channel.SMS)));
    expect("awaiting_confirmation", doi.decide(l, List.of(), email(Purpose.OFFER, "2026-01-06T12:00:00Z")),
        Verdict.DENY, ReasonCode.AWAITING_CONFIRMATION);
    expect("doi_sms_not_needed", doi.decide(l, List.of(), at(Purpose.OFFER, Channel.SMS, "2026-01-06T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
    Ledger confirmed = l.append(confirmed("e2", "2026-01-05T10:10:00Z", "e1"));
    expect("confirmed", doi.decide(confirmed, List.of(), email(Purpose.OFFER, "2026-01-06T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
  }

  @Test
  void invalid_consent() {
    Ledger l = gb(Granted.builder().id("e1").at(Instant.parse("2026-01-05T10:00:00Z"))
        .addIntents(Intent.PROMOTION).addChannels(Channel.EMAIL)
        .evidence(Evidence.builder().source(Source.WEB_FORM).actor(Actor.CUSTOMER).notice("signup-v1").preTicked(true).build())
        .build());
    expect("invalid_consent", DEFAULTS.decide(l, List.of(), email(Purpose.PROMOTION, "2026-01-20T12:00:00Z")),
        Verdict.DENY, ReasonCode.INVALID_CONSENT, ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void other_entity() {
    Ledger l = gb(Granted.builder().id("e1").at(Instant.parse("2026-01-05T10:00:00Z"))
        .addIntents(Intent.DEALS).addChannels(Channel.EMAIL).evidence(said("prefs-v3")).entity("acme-retail").build());
    Outreach travel = Outreach.builder().purpose(Purpose.OFFER).channel(Channel.EMAIL)
        .at(Instant.parse("2026-01-20T12:00:00Z")).entity("acme-travel").build();
    expect("other_entity", DEFAULTS.decide(l, List.of(), travel), Verdict.DENY, ReasonCode.OTHER_ENTITY);
  }

  @Test
  void sender_not_permitted() {
    Ledger l = gb(Granted.builder().id("e1").at(Instant.parse("2026-01-05T10:00:00Z"))
        .addIntents(Intent.ONE_TO_ONE).addChannels(Channel.EMAIL).staff("jane")
        .evidence(Evidence.builder().source(Source.PHONE).actor(Actor.STAFF).staff("jane").notice("phone-script-v1").build())
        .build());
    Outreach.Builder personal = Outreach.builder().purpose(Purpose.PERSONAL).channel(Channel.EMAIL)
        .at(Instant.parse("2026-01-20T12:00:00Z"));
    expect("personal_from_jane", DEFAULTS.decide(l, List.of(), personal.staff("jane").build()), Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
    expect("personal_from_omar", DEFAULTS.decide(l, List.of(), personal.staff("omar").build()), Verdict.DENY, ReasonCode.SENDER_NOT_PERMITTED);
  }

  // --- model.md 5.5 to 5.7 ------------------------------------------------------------------

  @Test
  void profiling_and_tracking_obligations() {
    Ledger l = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.EMAIL)),
        prefs("e2", "2026-01-05T10:00:00Z", Preferences.builder().profiling(Profiling.BASIC).build()));
    Outreach o = Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL)
        .at(Instant.parse("2026-01-20T12:00:00Z")).tracking(true).personalization(Profiling.DECLARED).build();
    Decision d = DEFAULTS.decide(l, List.of(), o);
    expect("profiling", d, Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
    assertThat(d.obligations()).extracting(Object::toString).containsExactly(
        "INCLUDE_UNSUBSCRIBE", "ONE_CLICK_UNSUBSCRIBE", "IDENTIFY_SENDER", "NO_TRACKING", "LIMIT_PERSONALIZATION(BASIC)");
  }

  // --- model.md 5.8 -------------------------------------------------------------------------

  @Test
  void quiet_hours() {
    Ledger l = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.EMAIL)),
        prefs("e2", "2026-01-05T10:00:00Z", Preferences.builder().quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0))).build()));
    Decision d = DEFAULTS.decide(l, List.of(), email(Purpose.PROMOTION, "2026-01-15T22:00:00Z"));
    expect("quiet_hours", d, Verdict.DEFER, ReasonCode.QUIET_HOURS);
    assertThat(d).isDeferredUntil(Instant.parse("2026-01-16T08:00:00Z"));
  }

  @Test
  void frequency_cap() {
    Ledger l = gb(grant("e1", "2026-03-01T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.EMAIL)),
        prefs("e2", "2026-03-01T10:00:00Z", Preferences.builder().addCaps(FrequencyCap.builder()
            .addPurposes(Purpose.OFFER, Purpose.PROMOTION).max(2).per(Duration.ofDays(7)).build()).build()));
    List<HistoryEntry> sent = List.of(
        HistoryEntry.of(Instant.parse("2026-03-02T10:00:00Z"), Purpose.OFFER, Channel.EMAIL),
        HistoryEntry.of(Instant.parse("2026-03-04T10:00:00Z"), Purpose.PROMOTION, Channel.EMAIL));
    Decision d = DEFAULTS.decide(l, sent, email(Purpose.OFFER, "2026-03-05T10:00:00Z"));
    expect("frequency_cap", d, Verdict.DEFER, ReasonCode.FREQUENCY_CAP);
    assertThat(d).isDeferredUntil(Instant.parse("2026-03-09T10:00:00Z"));
  }

  @Test
  void cool_off_after_purchase() {
    Ledger l = gb(grant("e1", "2026-02-01T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL)),
        prefs("e2", "2026-02-01T10:00:00Z", Preferences.builder().coolOffAfterPurchase(Duration.ofDays(14)).build()),
        Purchased.builder().id("e3").at(Instant.parse("2026-03-01T12:00:00Z")).build());
    Decision d = DEFAULTS.decide(l, List.of(), email(Purpose.OFFER, "2026-03-05T10:00:00Z"));
    expect("cool_off", d, Verdict.DEFER, ReasonCode.COOL_OFF);
    assertThat(d).isDeferredUntil(Instant.parse("2026-03-15T12:00:00Z"));
  }

  @Test
  void daily_windows_without_a_free_minute_deny() {
    Ledger l = Ledger.of(customer("US-TX", "America/Chicago"), List.of(
        grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.CALL)),
        prefs("e2", "2026-01-05T10:00:00Z", Preferences.builder().quietHours(QuietHours.of(LocalTime.of(8, 0), LocalTime.of(21, 0))).build())));
    expect("no_free_minute", DEFAULTS.decide(l, List.of(), at(Purpose.PROMOTION, Channel.CALL, "2026-01-20T18:00:00Z")),
        Verdict.DENY, ReasonCode.QUIET_HOURS, ReasonCode.CALLING_HOURS);
  }

  // --- model.md 5.9 -------------------------------------------------------------------------

  @Test
  void consent_request() {
    Ledger support = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.SUPPORT), Set.of(Channel.EMAIL)));
    expect("consent_request_denied", DEFAULTS.decide(support, List.of(), email(Purpose.CONSENT_REQUEST, "2026-01-20T12:00:00Z")),
        Verdict.DENY, ReasonCode.CONSENT_REQUEST_IS_MARKETING);
    Ledger deals = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL)));
    expect("consent_request_allowed", DEFAULTS.decide(deals, List.of(), email(Purpose.CONSENT_REQUEST, "2026-01-20T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
    Ledger objected = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.EMAIL)),
        objected("e2", "2026-01-10T10:00:00Z"));
    expect("consent_request_objected", DEFAULTS.decide(objected, List.of(), email(Purpose.CONSENT_REQUEST, "2026-01-20T12:00:00Z")),
        Verdict.DENY, ReasonCode.OBJECTED);
  }

  @Test
  void declaration_is_the_ceiling() {
    Ledger l = gb(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL)),
        Purchased.builder().id("e2").at(Instant.parse("2026-02-01T12:00:00Z")).optOutOffered(true).build());
    expect("declaration_is_the_ceiling", IMPLIED.decide(l, List.of(), at(Purpose.PROMOTION, Channel.SMS, "2026-03-10T12:00:00Z")),
        Verdict.DENY, ReasonCode.BEYOND_DECLARED_RELATIONSHIP);
  }

  // --- law.md: EU, EEA and GB -----------------------------------------------------------------

  @Test
  void soft_opt_in() {
    Ledger offered = gb(Purchased.builder().id("e1").at(Instant.parse("2025-06-01T12:00:00Z")).optOutOffered(true).build());
    expect("soft_opt_in", IMPLIED.decide(offered, List.of(), email(Purpose.OFFER, "2026-03-10T12:00:00Z")),
        Verdict.ALLOW, ReasonCode.IMPLIED_CONSENT);
    expect("soft_opt_in_not_on_calls", IMPLIED.decide(offered, List.of(), at(Purpose.OFFER, Channel.CALL, "2026-03-10T12:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP);
    Ledger notOffered = gb(Purchased.builder().id("e1").at(Instant.parse("2025-06-01T12:00:00Z")).build());
    expect("no_opt_out_offered", IMPLIED.decide(notOffered, List.of(), email(Purpose.OFFER, "2026-03-10T12:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP, ReasonCode.NO_OPT_OUT_OFFERED);
    Ledger otherEntity = gb(Purchased.builder().id("e1").at(Instant.parse("2025-06-01T12:00:00Z")).entity("acme-travel").optOutOffered(true).build());
    expect("soft_opt_in_other_entity", IMPLIED.decide(otherEntity, List.of(), email(Purpose.OFFER, "2026-03-10T12:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP, ReasonCode.OTHER_ENTITY);
    Ledger withdrawn = offered.append(List.of(
        withdrawn("e2", "2025-07-01T12:00:00Z", EnumSet.allOf(Intent.class), EnumSet.allOf(Channel.class)),
        Purchased.builder().id("e3").at(Instant.parse("2025-09-01T12:00:00Z")).optOutOffered(true).build()));
    expect("soft_opt_in_ended", IMPLIED.decide(withdrawn, List.of(), email(Purpose.OFFER, "2026-03-10T12:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void germany_double_opt_in_on_email() {
    Ledger l = Ledger.of(customer("DE", "Europe/Berlin"), List.of(
        grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL))));
    expect("de_awaiting", DEFAULTS.decide(l, List.of(), email(Purpose.OFFER, "2026-01-06T12:00:00Z")),
        Verdict.DENY, ReasonCode.AWAITING_CONFIRMATION);
    expect("de_confirmed", DEFAULTS.decide(l.append(confirmed("e2", "2026-01-05T10:10:00Z", "e1")), List.of(),
        email(Purpose.OFFER, "2026-01-06T12:00:00Z")), Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
  }

  // --- law.md: CA ---------------------------------------------------------------------------

  @Test
  void canada_implied_consent_windows() {
    CustomerProfile on = customer("CA-ON", "America/Toronto");
    Ledger recent = Ledger.of(on, List.of(Purchased.builder().id("e1").at(Instant.parse("2024-03-11T17:00:00Z")).build()));
    expect("ca_purchase_within_2_years", IMPLIED.decide(recent, List.of(), email(Purpose.OFFER, "2026-03-10T17:00:00Z")),
        Verdict.ALLOW, ReasonCode.IMPLIED_CONSENT);
    Ledger old = Ledger.of(on, List.of(Purchased.builder().id("e1").at(Instant.parse("2024-03-10T17:00:00Z")).build()));
    expect("ca_purchase_too_old", IMPLIED.decide(old, List.of(), email(Purpose.OFFER, "2026-03-10T17:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP, ReasonCode.IMPLIED_CONSENT_EXPIRED);
    Ledger express = Ledger.of(on, List.of(grant("e1", "2019-05-01T12:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.EMAIL))));
    expect("ca_express_does_not_expire", DEFAULTS.decide(express, List.of(), email(Purpose.OFFER, "2026-03-10T17:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
  }

  // --- law.md: US ---------------------------------------------------------------------------

  @Test
  void us_automated_texts_need_written_consent() {
    CustomerProfile tx = customer("US-TX", "America/Chicago");
    Ledger plain = Ledger.of(tx, List.of(grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.DEALS), Set.of(Channel.SMS))));
    Outreach text = Outreach.builder().purpose(Purpose.OFFER).channel(Channel.SMS)
        .at(Instant.parse("2026-01-20T18:00:00Z")).automated(true).build();
    expect("written_required", DEFAULTS.decide(plain, List.of(), text), Verdict.DENY, ReasonCode.WRITTEN_CONSENT_REQUIRED);
    Ledger written = Ledger.of(tx, List.of(Granted.builder().id("e1").at(Instant.parse("2026-01-05T10:00:00Z"))
        .addIntents(Intent.DEALS).addChannels(Channel.SMS)
        .evidence(Evidence.builder().source(Source.WEB_FORM).actor(Actor.CUSTOMER).notice("sms-terms-v2").written(true).build())
        .build()));
    expect("written_given", DEFAULTS.decide(written, List.of(), text), Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
  }

  @Test
  void us_do_not_call_registry() {
    CustomerProfile tx = customer("US-TX", "America/Chicago");
    Ledger l = Ledger.of(tx, List.of(
        grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.CALL)),
        Registered.builder().id("e2").at(Instant.parse("2025-01-01T00:00:00Z")).registry(Registry.US_DNC).build()));
    expect("dnc", DEFAULTS.decide(l, List.of(), at(Purpose.PROMOTION, Channel.CALL, "2026-01-20T18:00:00Z")),
        Verdict.DENY, ReasonCode.DO_NOT_CALL_REGISTRY);
    Ledger customer = l.append(Purchased.builder().id("e3").at(Instant.parse("2025-12-01T18:00:00Z")).build());
    expect("dnc_business_relationship", DEFAULTS.decide(customer, List.of(), at(Purpose.PROMOTION, Channel.CALL, "2026-01-20T18:00:00Z")),
        Verdict.ALLOW, ReasonCode.DECLARED_INTENT);
  }

  @Test
  void us_calling_hours_and_the_florida_call_limit() {
    Ledger tx = Ledger.of(customer("US-TX", "America/Chicago"), List.of(
        grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.CALL))));
    Decision late = DEFAULTS.decide(tx, List.of(), at(Purpose.PROMOTION, Channel.CALL, "2026-01-21T03:00:00Z"));
    expect("calling_hours_tx", late, Verdict.DEFER, ReasonCode.CALLING_HOURS);
    assertThat(late).isDeferredUntil(Instant.parse("2026-01-21T14:00:00Z"));

    Ledger fl = Ledger.of(customer("US-FL", "America/New_York"), List.of(
        grant("e1", "2026-01-05T10:00:00Z", Set.of(Intent.PROMOTION), Set.of(Channel.CALL))));
    Decision eight = DEFAULTS.decide(fl, List.of(), at(Purpose.PROMOTION, Channel.CALL, "2026-01-21T01:00:00Z"));
    expect("calling_hours_fl", eight, Verdict.DEFER, ReasonCode.CALLING_HOURS);
    assertThat(eight).isDeferredUntil(Instant.parse("2026-01-21T13:00:00Z"));

    List<HistoryEntry> calls = List.of(
        HistoryEntry.of(Instant.parse("2026-01-20T14:00:00Z"), Purpose.PROMOTION, Channel.CALL),
        HistoryEntry.of(Instant.parse("2026-01-20T16:00:00Z"), Purpose.PROMOTION, Channel.CALL),
        HistoryEntry.of(Instant.parse("2026-01-20T18:00:00Z"), Purpose.PROMOTION, Channel.CALL));
    Decision fourth = DEFAULTS.decide(fl, calls, at(Purpose.PROMOTION, Channel.CALL, "2026-01-20T20:00:00Z"));
    expect("call_limit_fl", fourth, Verdict.DEFER, ReasonCode.CALLING_HOURS, ReasonCode.CALL_LIMIT);
    assertThat(fourth).isDeferredUntil(Instant.parse("2026-01-21T14:00:00Z"));
  }

  @Test
  void us_implied_consent_is_email_and_post_only() {
    CustomerProfile ca = customer("US-CA", "America/Los_Angeles");
    Ledger l = Ledger.of(ca, List.of(Purchased.builder().id("e1").at(Instant.parse("2025-06-01T18:00:00Z")).build()));
    expect("us_implied_email", IMPLIED.decide(l, List.of(), email(Purpose.OFFER, "2026-03-10T18:00:00Z")),
        Verdict.ALLOW, ReasonCode.IMPLIED_CONSENT);
    expect("us_implied_not_sms", IMPLIED.decide(l, List.of(), at(Purpose.OFFER, Channel.SMS, "2026-03-10T18:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP);
    Ledger old = Ledger.of(ca, List.of(Purchased.builder().id("e1").at(Instant.parse("2024-06-01T18:00:00Z")).build()));
    expect("us_implied_expired", IMPLIED.decide(old, List.of(), email(Purpose.OFFER, "2026-03-10T18:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP, ReasonCode.IMPLIED_CONSENT_EXPIRED);
  }

  // --- law.md: AU and jurisdictions without a pack --------------------------------------------

  @Test
  void australia_declarations_only() {
    Ledger l = Ledger.of(customer("AU", "Australia/Sydney"), List.of(
        Purchased.builder().id("e1").at(Instant.parse("2026-01-05T01:00:00Z")).optOutOffered(true).build()));
    expect("au_no_implied", IMPLIED.decide(l, List.of(), email(Purpose.OFFER, "2026-01-20T01:00:00Z")),
        Verdict.DENY, ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  // --- helpers ------------------------------------------------------------------------------

  @AfterAll
  static void writeTheDecisions() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/rules-guide-decisions.txt"), LOG.stream().sorted().collect(Collectors.toList()));
  }

  private static void expect(String name, Decision decision, Verdict verdict, Code... codes) {
    LOG.add(name + ": " + decision + "\n" + decision.reasons().stream()
        .map(r -> "    " + r.code() + r.event().map(e -> " (" + e + ")").orElse("") + ": " + r.message())
        .collect(Collectors.joining("\n")));
    assertThat(decision.verdict()).as(name).isEqualTo(verdict);
    assertThat(decision.reasonCodes()).as(name).containsExactly(codes);
    assertThat(decision.reasons()).extracting(Reason::message).allSatisfy(m -> assertThat(m).isNotBlank());
  }

  private static CustomerProfile customer(String jurisdiction, String zone) {
    return CustomerProfile.of("c-1", Jurisdiction.of(jurisdiction), ZoneId.of(zone));
  }

  private static Ledger gb(LedgerEvent... events) {
    return Ledger.of(customer("GB", "Europe/London"), List.of(events));
  }

  private static Evidence said(String notice) {
    return Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice(notice).build();
  }

  private static Granted grant(String id, String at, Set<Intent> intents, Set<Channel> channels) {
    return Granted.builder().id(id).at(Instant.parse(at)).intents(intents).channels(channels).evidence(said("prefs-v3")).build();
  }

  private static Withdrawn withdrawn(String id, String at, Set<Intent> intents, Set<Channel> channels) {
    return Withdrawn.builder().id(id).at(Instant.parse(at)).intents(intents).channels(channels).evidence(said("prefs-v3")).build();
  }

  private static Objected objected(String id, String at) {
    return Objected.builder().id(id).at(Instant.parse(at)).evidence(said("prefs-v3")).build();
  }

  private static Confirmed confirmed(String id, String at, String grant) {
    return Confirmed.builder().id(id).at(Instant.parse(at)).grant(grant)
        .evidence(Evidence.builder().source(Source.EMAIL_LINK).actor(Actor.CUSTOMER).notice("doi-mail-v1").build()).build();
  }

  private static PreferencesChanged prefs(String id, String at, Preferences preferences) {
    return PreferencesChanged.builder().id(id).at(Instant.parse(at)).preferences(preferences).build();
  }

  private static Outreach email(Purpose purpose, String at) {
    return at(purpose, Channel.EMAIL, at);
  }

  private static Outreach at(Purpose purpose, Channel channel, String at) {
    return Outreach.builder().purpose(purpose).channel(channel).at(Instant.parse(at)).build();
  }
}
