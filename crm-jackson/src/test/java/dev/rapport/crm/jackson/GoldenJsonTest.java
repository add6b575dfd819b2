package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.customer.CustomerKind;
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
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the exact output of every type of {@code crm-jackson/README.md}: field order as in the spec,
 * optional fields left out when absent, booleans only when true, defaults left out. Each golden
 * string also reads back to the same value.
 */
final class GoldenJsonTest {
  private static final JsonMapper MAPPER = RapportJson.mapper();
  private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
  private static final Evidence PREFS_V3 =
      Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3").build();
  private static final String PREFS_V3_JSON =
      "{\"source\":\"PREFERENCE_CENTER\",\"actor\":\"CUSTOMER\",\"notice\":\"prefs-v3\"}";

  private static <T> void assertGolden(T value, Class<? super T> type, String json) {
    assertThat(MAPPER.writeValueAsString(value)).isEqualTo(json);
    assertThat(RapportJson.read(json, type)).isEqualTo(value);
  }

  @Test
  @DisplayName("a customer profile writes id, jurisdiction, zone, and kind only when CORPORATE (Customer profile)")
  void a_customer_profile_is_written_in_spec_order() {
    assertGolden(
        CustomerProfile.of("c-1042", Jurisdiction.of("CA-ON"), ZoneId.of("America/Toronto")),
        CustomerProfile.class,
        "{\"id\":\"c-1042\",\"jurisdiction\":\"CA-ON\",\"zone\":\"America/Toronto\"}");
    assertGolden(
        CustomerProfile.builder().id("c-7").jurisdiction(Jurisdiction.of("GB"))
            .zone(ZoneId.of("Europe/London")).kind(CustomerKind.CORPORATE).build(),
        CustomerProfile.class,
        "{\"id\":\"c-7\",\"jurisdiction\":\"GB\",\"zone\":\"Europe/London\",\"kind\":\"CORPORATE\"}");
  }

  @Test
  @DisplayName("evidence writes every field in table order, booleans only when true (Evidence)")
  void evidence_with_every_field_is_written_in_table_order() {
    Evidence evidence =
        Evidence.builder()
            .source(Source.IMPORT).actor(Actor.STAFF).staff("jane").notice("form-v1")
            .written(true).preTicked(true).capturedAt(Instant.parse("2025-01-01T08:30:00Z"))
            .putDetails("ip", "203.0.113.9").putDetails("form", "https://example.com/f")
            .build();
    assertGolden(
        evidence,
        Evidence.class,
        "{\"source\":\"IMPORT\",\"actor\":\"STAFF\",\"staff\":\"jane\",\"notice\":\"form-v1\","
            + "\"written\":true,\"preTicked\":true,\"capturedAt\":\"2025-01-01T08:30:00Z\","
            + "\"details\":{\"ip\":\"203.0.113.9\",\"form\":\"https://example.com/f\"}}");
    assertGolden(PREFS_V3, Evidence.class, PREFS_V3_JSON);
  }

  @Test
  @DisplayName("granted: id, type, at, intents, channels, evidence, expiresAt, staff, entity (Events)")
  void a_granted_event_is_written_in_table_order() {
    assertGolden(
        Granted.builder().id("e1").at(AT).addIntents(Intent.DEALS)
            .addChannels(Channel.EMAIL, Channel.SMS).evidence(PREFS_V3).build(),
        LedgerEvent.class,
        "{\"id\":\"e1\",\"type\":\"granted\",\"at\":\"2026-03-02T10:00:00Z\",\"intents\":[\"DEALS\"],"
            + "\"channels\":[\"EMAIL\",\"SMS\"],\"evidence\":" + PREFS_V3_JSON + "}");
    assertGolden(
        Granted.builder().id("e2").at(AT).addIntents(Intent.ONE_TO_ONE).addChannels(Channel.CALL)
            .evidence(PREFS_V3).expiresAt(Instant.parse("2027-03-02T10:00:00Z"))
            .staff("jane").entity("acme-retail").build(),
        LedgerEvent.class,
        "{\"id\":\"e2\",\"type\":\"granted\",\"at\":\"2026-03-02T10:00:00Z\",\"intents\":[\"ONE_TO_ONE\"],"
            + "\"channels\":[\"CALL\"],\"evidence\":" + PREFS_V3_JSON + ","
            + "\"expiresAt\":\"2027-03-02T10:00:00Z\",\"staff\":\"jane\",\"entity\":\"acme-retail\"}");
  }

  @Test
  @DisplayName("withdrawn of every intent and channel is written [\"ALL\"] (Events)")
  void a_withdrawal_of_everything_is_written_as_all() {
    assertGolden(
        Withdrawn.builder().id("e3").at(AT).intents(List.of(Intent.values()))
            .channels(List.of(Channel.values())).evidence(PREFS_V3).build(),
        LedgerEvent.class,
        "{\"id\":\"e3\",\"type\":\"withdrawn\",\"at\":\"2026-03-02T10:00:00Z\",\"intents\":[\"ALL\"],"
            + "\"channels\":[\"ALL\"],\"evidence\":" + PREFS_V3_JSON + "}");
    assertGolden(
        Withdrawn.builder().id("e4").at(AT).addIntents(Intent.DEALS).addChannels(Channel.SMS)
            .evidence(PREFS_V3).entity("acme-bank").build(),
        LedgerEvent.class,
        "{\"id\":\"e4\",\"type\":\"withdrawn\",\"at\":\"2026-03-02T10:00:00Z\",\"intents\":[\"DEALS\"],"
            + "\"channels\":[\"SMS\"],\"evidence\":" + PREFS_V3_JSON + ",\"entity\":\"acme-bank\"}");
  }

  @Test
  void objected_confirmed_registered_and_erased_events_are_written_exactly() {
    assertGolden(
        Objected.builder().id("e5").at(AT).evidence(PREFS_V3).build(),
        LedgerEvent.class,
        "{\"id\":\"e5\",\"type\":\"objected\",\"at\":\"2026-03-02T10:00:00Z\",\"evidence\":" + PREFS_V3_JSON + "}");
    assertGolden(
        Confirmed.builder().id("e6").at(AT).grant("e1").evidence(PREFS_V3).build(),
        LedgerEvent.class,
        "{\"id\":\"e6\",\"type\":\"confirmed\",\"at\":\"2026-03-02T10:00:00Z\",\"grant\":\"e1\",\"evidence\":"
            + PREFS_V3_JSON + "}");
    assertGolden(
        Registered.builder().id("e7").at(AT).registry(Registry.US_DNC).build(),
        LedgerEvent.class,
        "{\"id\":\"e7\",\"type\":\"registered\",\"at\":\"2026-03-02T10:00:00Z\",\"registry\":\"US_DNC\"}");
    assertGolden(
        Erased.builder().id("e8").at(AT).build(),
        LedgerEvent.class,
        "{\"id\":\"e8\",\"type\":\"erased\",\"at\":\"2026-03-02T10:00:00Z\"}");
    assertGolden(
        Erased.builder().id("e9").at(AT).evidence(PREFS_V3).build(),
        LedgerEvent.class,
        "{\"id\":\"e9\",\"type\":\"erased\",\"at\":\"2026-03-02T10:00:00Z\",\"evidence\":" + PREFS_V3_JSON + "}");
  }

  @Test
  void purchased_and_inquired_events_write_opt_out_only_when_offered() {
    assertGolden(
        Purchased.builder().id("p1").at(AT).build(),
        LedgerEvent.class,
        "{\"id\":\"p1\",\"type\":\"purchased\",\"at\":\"2026-03-02T10:00:00Z\"}");
    assertGolden(
        Purchased.builder().id("p2").at(AT).channel(Channel.POST).entity("acme").optOutOffered(true).build(),
        LedgerEvent.class,
        "{\"id\":\"p2\",\"type\":\"purchased\",\"at\":\"2026-03-02T10:00:00Z\",\"channel\":\"POST\","
            + "\"entity\":\"acme\",\"optOutOffered\":true}");
    assertGolden(
        Inquired.builder().id("q1").at(AT).channel(Channel.EMAIL).build(),
        LedgerEvent.class,
        "{\"id\":\"q1\",\"type\":\"inquired\",\"at\":\"2026-03-02T10:00:00Z\",\"channel\":\"EMAIL\"}");
  }

  @Test
  @DisplayName("preferences: profiling, quietHours, caps, coolOffAfterPurchase; durations P14D and PT36H (Events, Conventions)")
  void a_preferences_event_is_written_as_in_the_spec_example() {
    Preferences preferences =
        Preferences.builder()
            .profiling(Profiling.BASIC)
            .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0)))
            .addCaps(FrequencyCap.builder().addPurposes(Purpose.OFFER, Purpose.PROMOTION).max(2).per(Duration.ofDays(7)).build())
            .addCaps(FrequencyCap.builder().addPurposes(Purpose.PROMOTION).addChannels(Channel.SMS).max(1).per(Duration.ofHours(36)).build())
            .coolOffAfterPurchase(Duration.ofDays(14))
            .build();
    assertGolden(
        PreferencesChanged.builder().id("e2").at(AT).preferences(preferences).build(),
        LedgerEvent.class,
        "{\"id\":\"e2\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"profiling\":\"BASIC\","
            + "\"quietHours\":{\"start\":\"21:00\",\"end\":\"08:00\"},"
            + "\"caps\":[{\"purposes\":[\"OFFER\",\"PROMOTION\"],\"max\":2,\"per\":\"P7D\"},"
            + "{\"purposes\":[\"PROMOTION\"],\"channels\":[\"SMS\"],\"max\":1,\"per\":\"PT36H\"}],"
            + "\"coolOffAfterPurchase\":\"P14D\"}");
    assertGolden(
        PreferencesChanged.builder().id("e3").at(AT).build(),
        LedgerEvent.class,
        "{\"id\":\"e3\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\"}");
    assertGolden(preferences, Preferences.class,
        "{\"profiling\":\"BASIC\",\"quietHours\":{\"start\":\"21:00\",\"end\":\"08:00\"},"
            + "\"caps\":[{\"purposes\":[\"OFFER\",\"PROMOTION\"],\"max\":2,\"per\":\"P7D\"},"
            + "{\"purposes\":[\"PROMOTION\"],\"channels\":[\"SMS\"],\"max\":1,\"per\":\"PT36H\"}],\"coolOffAfterPurchase\":\"P14D\"}");
  }

  @Test
  @DisplayName("an outreach is written in the order of the spec example (Outreach, history and decisions)")
  void an_outreach_is_written_in_spec_order() {
    assertGolden(
        Outreach.builder().purpose(Purpose.OFFER).channel(Channel.EMAIL).at(Instant.parse("2026-03-10T17:00:00Z"))
            .staff("jane").entity("acme-retail").automated(true).containsPromotion(true)
            .personalization(Profiling.DECLARED).tracking(true).topic("spring-sale").build(),
        Outreach.class,
        "{\"purpose\":\"OFFER\",\"channel\":\"EMAIL\",\"at\":\"2026-03-10T17:00:00Z\",\"staff\":\"jane\","
            + "\"entity\":\"acme-retail\",\"automated\":true,\"containsPromotion\":true,"
            + "\"personalization\":\"DECLARED\",\"tracking\":true,\"topic\":\"spring-sale\"}");
    assertGolden(
        Outreach.builder().purpose(Purpose.REPLY).channel(Channel.SMS).at(AT).build(),
        Outreach.class,
        "{\"purpose\":\"REPLY\",\"channel\":\"SMS\",\"at\":\"2026-03-02T10:00:00Z\"}");
  }

  @Test
  void a_history_entry_is_at_purpose_channel_and_topic() {
    assertGolden(
        HistoryEntry.of(AT, Purpose.OFFER, Channel.CALL, Optional.of("spring-sale")),
        HistoryEntry.class,
        "{\"at\":\"2026-03-02T10:00:00Z\",\"purpose\":\"OFFER\",\"channel\":\"CALL\",\"topic\":\"spring-sale\"}");
    assertGolden(
        HistoryEntry.of(AT, Purpose.OFFER, Channel.CALL),
        HistoryEntry.class,
        "{\"at\":\"2026-03-02T10:00:00Z\",\"purpose\":\"OFFER\",\"channel\":\"CALL\"}");
  }

  @Test
  @DisplayName("a decision writes verdict, reasons {code, event?, message}, obligations {code, detail?}, deferUntil only for DEFER")
  void decisions_are_written_exactly() {
    assertGolden(
        Decision.of(
            Verdict.DENY,
            List.of(Reason.of(ReasonCode.BEYOND_DECLARED_RELATIONSHIP, "Declared DEALS only.", Optional.of("e1"))),
            List.of(),
            Optional.empty()),
        Decision.class,
        "{\"verdict\":\"DENY\",\"reasons\":[{\"code\":\"BEYOND_DECLARED_RELATIONSHIP\",\"event\":\"e1\","
            + "\"message\":\"Declared DEALS only.\"}],\"obligations\":[]}");
    assertGolden(
        Decision.of(
            Verdict.ALLOW,
            List.of(Reason.of(ReasonCode.DECLARED_INTENT, "Declared PROMOTION.", Optional.of("e1"))),
            List.of(Obligation.of(ObligationCode.IDENTIFY_SENDER),
                Obligation.of(ObligationCode.LIMIT_PERSONALIZATION, "BASIC")),
            Optional.empty()),
        Decision.class,
        "{\"verdict\":\"ALLOW\",\"reasons\":[{\"code\":\"DECLARED_INTENT\",\"event\":\"e1\","
            + "\"message\":\"Declared PROMOTION.\"}],\"obligations\":[{\"code\":\"IDENTIFY_SENDER\"},"
            + "{\"code\":\"LIMIT_PERSONALIZATION\",\"detail\":\"BASIC\"}]}");
    assertGolden(
        Decision.of(
            Verdict.DEFER,
            List.of(Reason.of(ReasonCode.QUIET_HOURS, "Quiet hours until 08:00.", Optional.of("e2")),
                Reason.custom("STAFF_HOLIDAY", Verdict.DEFER, "Jane is away.", Optional.empty())),
            List.of(),
            Optional.of(Instant.parse("2026-03-03T08:00:00Z"))),
        Decision.class,
        "{\"verdict\":\"DEFER\",\"reasons\":[{\"code\":\"QUIET_HOURS\",\"event\":\"e2\","
            + "\"message\":\"Quiet hours until 08:00.\"},{\"code\":\"STAFF_HOLIDAY\",\"message\":\"Jane is away.\"}],"
            + "\"obligations\":[],\"deferUntil\":\"2026-03-03T08:00:00Z\"}");
  }

  @Test
  @DisplayName("a team's own reason code is read with the decision's verdict (Codes)")
  void a_custom_reason_code_takes_the_decisions_verdict() {
    Decision decision =
        RapportJson.read(
            "{\"verdict\":\"DENY\",\"reasons\":[{\"code\":\"RECENT_COMPLAINT\",\"message\":\"m\"},"
                + "{\"code\":\"WITHDRAWN\",\"message\":\"w\"}],\"obligations\":[],\"deferUntil\":null}",
            Decision.class);
    assertThat(decision.reasons()).extracting(Reason::verdict).containsExactly(Verdict.DENY, Verdict.DENY);
    assertThat(decision.reasons().get(0).builtIn()).isEmpty();
  }

  @Test
  void policy_options_write_only_what_differs_from_the_defaults() {
    assertGolden(PolicyOptions.defaults(), PolicyOptions.class, "{}");
    assertGolden(
        PolicyOptions.builder().impliedConsent(true).replyWindow(Duration.ofDays(7))
            .addDoubleOptIn(Channel.EMAIL)
            .addCaps(FrequencyCap.builder().addPurposes(Purpose.OFFER).max(3).per(Duration.ofDays(1)).build()).build(),
        PolicyOptions.class,
        "{\"impliedConsent\":true,\"replyWindow\":\"P7D\",\"doubleOptIn\":[\"EMAIL\"],"
            + "\"caps\":[{\"purposes\":[\"OFFER\"],\"max\":3,\"per\":\"P1D\"}]}");
  }

  @Test
  @DisplayName("a ledger document is format, customer, events (Ledger document)")
  void a_ledger_document_is_written_exactly() {
    Ledger ledger =
        Ledger.of(
            CustomerProfile.of("c-1", Jurisdiction.of("US-CA"), ZoneId.of("America/Los_Angeles")),
            List.of(
                Granted.builder().id("e1").at(AT).addIntents(Intent.DEALS).addChannels(Channel.EMAIL)
                    .evidence(PREFS_V3).build(),
                Confirmed.builder().id("e2").at(AT).grant("e1").evidence(PREFS_V3).build()));
    String json =
        "{\"format\":\"rapport-ledger/1\",\"customer\":{\"id\":\"c-1\",\"jurisdiction\":\"US-CA\","
            + "\"zone\":\"America/Los_Angeles\"},\"events\":[{\"id\":\"e1\",\"type\":\"granted\","
            + "\"at\":\"2026-03-02T10:00:00Z\",\"intents\":[\"DEALS\"],\"channels\":[\"EMAIL\"],\"evidence\":"
            + PREFS_V3_JSON + "},{\"id\":\"e2\",\"type\":\"confirmed\",\"at\":\"2026-03-02T10:00:00Z\","
            + "\"grant\":\"e1\",\"evidence\":" + PREFS_V3_JSON + "}]}";
    assertThat(RapportJson.writeLedger(ledger)).isEqualTo(json);
    assertThat(RapportJson.readLedger(json)).isEqualTo(ledger);
    assertGolden(ledger, Ledger.class, json);
  }

  @Test
  void the_module_is_found_by_jacksons_service_loader() {
    JsonMapper found = JsonMapper.builder().findAndAddModules().build();
    assertThat(found.writeValueAsString(HistoryEntry.of(AT, Purpose.OFFER, Channel.SMS)))
        .isEqualTo("{\"at\":\"2026-03-02T10:00:00Z\",\"purpose\":\"OFFER\",\"channel\":\"SMS\"}");
  }
}
