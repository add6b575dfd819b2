package dev.rapport.crm.jackson;

import dev.rapport.crm.scenario.Scenario;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.jackson.journal.record.JournalRecord;
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
import tools.jackson.databind.module.SimpleModule;

/**
 * Rapport's JSON wire format ({@code crm-jackson/README.md}) for Jackson 3: explicit serializers and
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
 *
 * <p>A repeated field is refused by the module's own readers, on any parser, at the repeated
 * name: the second value would otherwise silently replace the first. The module needs no parser
 * feature for it and changes none of the mapper's (with Jackson's {@code
 * STRICT_DUPLICATE_DETECTION} turned on by the user, Jackson's parser finds a repeated name
 * first and its own error is thrown).
 *
 * <p>{@link #version()} is the version of the crm-jackson artifact, written in by the build.
 */
public final class RapportModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** A new module; modules hold no state, so one instance may serve every mapper. */
  public RapportModule() {
    super("RapportModule", PackageVersion.VERSION);
    add(CustomerProfile.class, CustomerProfileJson::write, CustomerProfileJson::read);
    add(Evidence.class, EvidenceJson::write, EvidenceJson::read);
    add(
        Preferences.class,
        (preferences, gen) -> {
          gen.writeStartObject();
          PreferencesJson.writeFields(preferences, gen);
          gen.writeEndObject();
        },
        PreferencesJson::read);
    add(QuietHours.class, PreferencesJson::writeQuietHours, PreferencesJson::readQuietHours);
    add(FrequencyCap.class, PreferencesJson::writeCap, PreferencesJson::readCap);

    add(LedgerEvent.class, EventJson::write, EventJson::read);
    event(Granted.class, EventType.GRANTED);
    event(Withdrawn.class, EventType.WITHDRAWN);
    event(Objected.class, EventType.OBJECTED);
    event(Confirmed.class, EventType.CONFIRMED);
    event(PreferencesChanged.class, EventType.PREFERENCES);
    event(Purchased.class, EventType.PURCHASED);
    event(Inquired.class, EventType.INQUIRED);
    event(Registered.class, EventType.REGISTERED);
    event(Erased.class, EventType.ERASED);

    add(Outreach.class, PolicyJson::writeOutreach, PolicyJson::readOutreach);
    add(HistoryEntry.class, PolicyJson::writeHistory, PolicyJson::readHistory);
    add(Decision.class, PolicyJson::writeDecision, PolicyJson::readDecision);
    add(PolicyOptions.class, PolicyJson::writeOptions, PolicyJson::readOptions);
    add(Ledger.class, LedgerJson::write, LedgerJson::read);
    addDeserializer(Scenario.class, Adapter.deserializer(ScenarioJson::read));
    // The journal's lines, for the journal store of this module (the type is not exported).
    addDeserializer(JournalRecord.class, Adapter.deserializer(JournalLineJson::read));
  }

  private <T> void add(Class<T> type, Adapter.Writer<T> writer, Adapter.Reader<T> reader) {
    addSerializer(type, Adapter.serializer(writer));
    addDeserializer(type, Adapter.deserializer(reader));
  }

  private <T extends LedgerEvent> void event(Class<T> type, EventType eventType) {
    addDeserializer(type, new EventJson.TypedDeserializer<>(type, eventType));
  }
}
