package dev.rapport.crm.jackson;

import dev.rapport.crm.conformance.Scenario;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.EventType;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.QuietHours;
import tools.jackson.core.Version;
import tools.jackson.databind.module.SimpleModule;

/**
 * Rapport's JSON wire format ({@code wire-format.md}) for Jackson 3: explicit serializers and
 * strict deserializers for the customer profile, every ledger event (read polymorphically as
 * {@link LedgerEvent} on {@code "type"}), evidence and preferences, the outreach, history
 * entries, decisions, policy options and ledger documents ({@link Ledger}), and reading of
 * scenario files ({@link Scenario}).
 *
 * <p>Register it explicitly, or let Jackson find it ({@code META-INF/services} and the module
 * descriptor provide it):
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new RapportModule()).build();
 * LedgerEvent event = mapper.readValue(json, LedgerEvent.class);
 * }</pre>
 *
 * <p><b>Writing.</b> Fields are written in the order of the spec; optional fields are left out
 * when absent, booleans are written only when true, and fields at their default value
 * ({@code kind: INDIVIDUAL}, {@code profiling: NONE}, empty caps and details) are left out.
 * Instants are ISO-8601 UTC with {@code Z}; durations are {@code P<n>D} for whole days, else
 * {@code PT..H..M..S}; local times are {@code HH:mm}.
 *
 * <p><b>Reading</b> is strict: an unknown or duplicate field, an unknown enum value, a missing
 * required field, a wrong type, a malformed instant, duration, zone, local time or
 * jurisdiction, a list where one value is expected, and a value the model refuses, each fail
 * with a {@link WireFormatException} that names the JSON path, line and column. {@code null} is
 * read as absent.
 */
public final class RapportModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** A new module; modules hold no state, so one instance may serve every mapper. */
  public RapportModule() {
    super("RapportModule", Version.unknownVersion());
    addSerializer(CustomerProfile.class, new CustomerProfileJson.Serializer());
    addDeserializer(CustomerProfile.class, new CustomerProfileJson.Deserializer());
    addSerializer(Evidence.class, new EvidenceJson.Serializer());
    addDeserializer(Evidence.class, new EvidenceJson.Deserializer());
    addSerializer(Preferences.class, new PreferencesJson.Serializer());
    addDeserializer(Preferences.class, new PreferencesJson.Deserializer());
    addSerializer(QuietHours.class, new PreferencesJson.QuietHoursSerializer());
    addDeserializer(QuietHours.class, new PreferencesJson.QuietHoursDeserializer());
    addSerializer(FrequencyCap.class, new PreferencesJson.CapSerializer());
    addDeserializer(FrequencyCap.class, new PreferencesJson.CapDeserializer());

    addSerializer(LedgerEvent.class, new EventJson.Serializer());
    addDeserializer(LedgerEvent.class, new EventJson.Deserializer());
    event(Granted.class, EventType.GRANTED);
    event(Withdrawn.class, EventType.WITHDRAWN);
    event(Objected.class, EventType.OBJECTED);
    event(Confirmed.class, EventType.CONFIRMED);
    event(PreferencesChanged.class, EventType.PREFERENCES);
    event(Purchased.class, EventType.PURCHASED);
    event(Inquired.class, EventType.INQUIRED);
    event(Registered.class, EventType.REGISTERED);
    event(Erased.class, EventType.ERASED);

    addSerializer(Outreach.class, new PolicyJson.OutreachSerializer());
    addDeserializer(Outreach.class, new PolicyJson.OutreachDeserializer());
    addSerializer(HistoryEntry.class, new PolicyJson.HistorySerializer());
    addDeserializer(HistoryEntry.class, new PolicyJson.HistoryDeserializer());
    addSerializer(Decision.class, new PolicyJson.DecisionSerializer());
    addDeserializer(Decision.class, new PolicyJson.DecisionDeserializer());
    addSerializer(PolicyOptions.class, new PolicyJson.OptionsSerializer());
    addDeserializer(PolicyOptions.class, new PolicyJson.OptionsDeserializer());
    addSerializer(Ledger.class, new LedgerJson.Serializer());
    addDeserializer(Ledger.class, new LedgerJson.Deserializer());
    addDeserializer(Scenario.class, new ScenarioJson.Deserializer());
  }

  private <T extends LedgerEvent> void event(Class<T> type, EventType eventType) {
    addDeserializer(type, new EventJson.TypedDeserializer<>(type, eventType));
  }
}
