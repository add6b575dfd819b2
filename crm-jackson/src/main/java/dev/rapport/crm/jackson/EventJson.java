package dev.rapport.crm.jackson;

import com.google.common.base.Verify;
import com.google.common.collect.ImmutableBiMap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import dev.rapport.crm.ledger.Basis;
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
import dev.rapport.crm.ledger.Registry;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Every ledger event, polymorphic on {@code "type"} ({@code crm-jackson/README.md}, Events). Fields are
 * written as {@code id, type, at}, then the type's required fields, then its optional ones, in
 * the order of the spec's table; absent options, false booleans and default values are left
 * out. A {@code withdrawn} event of every intent or channel is written {@code ["ALL"]}.
 *
 * <p>Fields may come in any order when reading, {@code type} included.
 */
final class EventJson {
  private static final ImmutableSet<String> COMMON = ImmutableSet.of("id", "type", "at");

  /** Required, then optional fields per type, beside id, type and at. */
  private static final ImmutableMap<EventType, List<String>> REQUIRED =
      ImmutableMap.<EventType, List<String>>builder()
          .put(EventType.GRANTED, List.of("intents", "channels", "evidence"))
          .put(EventType.WITHDRAWN, List.of("intents", "channels", "evidence"))
          .put(EventType.OBJECTED, List.of("evidence"))
          .put(EventType.CONFIRMED, List.of("grant", "evidence"))
          .put(EventType.PREFERENCES, List.of())
          .put(EventType.PURCHASED, List.of())
          .put(EventType.INQUIRED, List.of("channel"))
          .put(EventType.REGISTERED, List.of("registry"))
          .put(EventType.ERASED, List.of())
          .build();

  private static final ImmutableMap<EventType, String[]> REQUIRED_NAMES =
      Maps.immutableEnumMap(Maps.transformValues(REQUIRED, names -> names.toArray(new String[0])));

  private static final ImmutableMap<EventType, List<String>> OPTIONAL =
      ImmutableMap.<EventType, List<String>>builder()
          .put(EventType.GRANTED, List.of("basis", "expiresAt", "staff", "entity"))
          .put(EventType.WITHDRAWN, List.of("entity"))
          .put(EventType.OBJECTED, List.of())
          .put(EventType.CONFIRMED, List.of())
          .put(EventType.PREFERENCES, Arrays.asList(PreferencesJson.FIELDS))
          .put(EventType.PURCHASED, List.of("channel", "entity", "optOutOffered"))
          .put(EventType.INQUIRED, List.of("entity", "optOutOffered"))
          .put(EventType.REGISTERED, List.of())
          .put(EventType.ERASED, List.of("evidence"))
          .build();

  private static final ImmutableSet<String> ALL_FIELDS =
      ImmutableSet.<String>builder()
          .addAll(COMMON)
          .addAll(REQUIRED.values().stream().flatMap(List::stream).iterator())
          .addAll(OPTIONAL.values().stream().flatMap(List::stream).iterator())
          .build();

  private static final JsonIn.Names ALL_FIELD_NAMES = new JsonIn.Names(ALL_FIELDS.toArray(new String[0]));

  /** Per type: the fields it allows (common, required, optional), in order. */
  private static final ImmutableMap<EventType, JsonIn.FieldSet> ALLOWED =
      Maps.immutableEnumMap(
          Maps.toMap(
              REQUIRED.keySet(),
              type ->
                  new JsonIn.FieldSet(
                      ALL_FIELD_NAMES,
                      ImmutableSet.<String>builder()
                          .addAll(COMMON)
                          .addAll(REQUIRED.get(type))
                          .addAll(OPTIONAL.get(type))
                          .build())));

  private static final JsonIn.FieldSet COMMON_FIELDS = new JsonIn.FieldSet(ALL_FIELD_NAMES, COMMON);

  private static final String[] COMMON_NAMES = COMMON.toArray(new String[0]);

  /**
   * The name of each event type on the wire ({@code crm-jackson/README.md}, Events): the format's
   * own table, so that renaming a Java constant can never change the format.
   */
  private static final ImmutableBiMap<EventType, String> WIRE_NAMES =
      ImmutableBiMap.<EventType, String>builder()
          .put(EventType.GRANTED, "granted")
          .put(EventType.WITHDRAWN, "withdrawn")
          .put(EventType.OBJECTED, "objected")
          .put(EventType.CONFIRMED, "confirmed")
          .put(EventType.PREFERENCES, "preferences")
          .put(EventType.PURCHASED, "purchased")
          .put(EventType.INQUIRED, "inquired")
          .put(EventType.REGISTERED, "registered")
          .put(EventType.ERASED, "erased")
          .buildOrThrow();

  static {
    Verify.verify(
        WIRE_NAMES.keySet().equals(EnumSet.allOf(EventType.class)), "an event type has no wire name");
  }

  private static final String TYPES = String.join(", ", WIRE_NAMES.values());

  /** Per type: "a granted event" and the like. */
  private static final ImmutableMap<EventType, String> WHAT =
      Maps.immutableEnumMap(Maps.toMap(WIRE_NAMES.keySet(), type -> "a " + WIRE_NAMES.get(type) + " event"));

  private EventJson() {}

  /** The type's name on the wire, such as {@code granted}. */
  static String wireName(EventType type) {
    return WIRE_NAMES.get(type);
  }

  // ---------------------------------------------------------------- writing

  static void write(LedgerEvent event, JsonGenerator gen) {
    gen.writeStartObject();
    gen.writeStringProperty("id", event.id());
    gen.writeStringProperty("type", wireName(event.type()));
    JsonOut.instant(gen, "at", event.at());
    switch (event.type()) {
      case GRANTED:
        writeGranted((Granted) event, gen);
        break;
      case WITHDRAWN:
        writeWithdrawn((Withdrawn) event, gen);
        break;
      case OBJECTED:
        evidence(gen, ((Objected) event).evidence());
        break;
      case CONFIRMED:
        gen.writeStringProperty("grant", ((Confirmed) event).grant());
        evidence(gen, ((Confirmed) event).evidence());
        break;
      case PREFERENCES:
        PreferencesJson.writeFields(((PreferencesChanged) event).preferences(), gen);
        break;
      case PURCHASED:
        Purchased purchased = (Purchased) event;
        if (purchased.channel().isPresent()) {
          gen.writeStringProperty("channel", purchased.channel().get().name());
        }
        JsonOut.string(gen, "entity", purchased.entity());
        JsonOut.flag(gen, "optOutOffered", purchased.optOutOffered());
        break;
      case INQUIRED:
        Inquired inquired = (Inquired) event;
        gen.writeStringProperty("channel", inquired.channel().name());
        JsonOut.string(gen, "entity", inquired.entity());
        JsonOut.flag(gen, "optOutOffered", inquired.optOutOffered());
        break;
      case REGISTERED:
        gen.writeStringProperty("registry", ((Registered) event).registry().name());
        break;
      case ERASED:
        if (((Erased) event).evidence().isPresent()) {
          evidence(gen, ((Erased) event).evidence().get());
        }
        break;
    }
    gen.writeEndObject();
  }

  private static void writeGranted(Granted granted, JsonGenerator gen) {
    JsonOut.names(gen, "intents", granted.intents());
    JsonOut.names(gen, "channels", granted.channels());
    if (granted.basis() != Basis.EXPRESS) {
      gen.writeStringProperty("basis", granted.basis().name());
    }
    evidence(gen, granted.evidence());
    JsonOut.instant(gen, "expiresAt", granted.expiresAt());
    JsonOut.string(gen, "staff", granted.staff());
    JsonOut.string(gen, "entity", granted.entity());
  }

  private static void writeWithdrawn(Withdrawn withdrawn, JsonGenerator gen) {
    namesOrAll(gen, "intents", withdrawn.intents(), withdrawn.allIntents());
    namesOrAll(gen, "channels", withdrawn.channels(), withdrawn.allChannels());
    evidence(gen, withdrawn.evidence());
    JsonOut.string(gen, "entity", withdrawn.entity());
  }

  private static void namesOrAll(
      JsonGenerator gen, String name, Collection<? extends Enum<?>> values, boolean all) {
    if (all) {
      gen.writeArrayPropertyStart(name);
      gen.writeString(JsonIn.ALL);
      gen.writeEndArray();
    } else {
      JsonOut.names(gen, name, values);
    }
  }

  private static void evidence(JsonGenerator gen, Evidence evidence) {
    gen.writeName("evidence");
    EvidenceJson.write(evidence, gen);
  }

  // ---------------------------------------------------------------- reading

  /**
   * Whether {@code ["ALL"]} may stand in the event's intents and channels: yes in a withdrawn
   * event, no in any other, and unknown while the type is not read yet.
   */
  private static Optional<Boolean> allAccepted(@Nullable EventType type) {
    return type == null ? Optional.empty() : Optional.of(type == EventType.WITHDRAWN);
  }

  /** The fields of one event object as read, before the type says which of them it allows. */
  private static final class Fields {
    @Nullable String id;
    @Nullable EventType type;
    @Nullable Instant at;
    JsonIn.@Nullable SetOrAll<Intent> intents;
    JsonIn.@Nullable SetOrAll<Channel> channels;
    @Nullable Evidence evidence;
    @Nullable Basis basis;
    @Nullable Instant expiresAt;
    @Nullable String staff;
    @Nullable String entity;
    @Nullable String grant;
    @Nullable Channel channel;
    boolean optOutOffered;
    @Nullable Registry registry;
    /** Made with the first preferences field: most events have none. */
    Preferences.@Nullable Builder preferences;

    Preferences preferences() {
      return preferences == null ? Preferences.builder().build() : preferences.build();
    }

    /** Reads the current field's value; false for a name no event has. */
    boolean read(JsonIn in, String name) {
      switch (name) {
        case "id" -> id = in.string();
        case "type" -> type = eventType(in);
        case "at" -> at = in.instant();
        case "intents" -> intents = in.enumSetOrAll(Intent.class, allAccepted(type));
        case "channels" -> channels = in.enumSetOrAll(Channel.class, allAccepted(type));
        case "evidence" -> evidence = EvidenceJson.read(in);
        case "basis" -> basis = in.enumValue(Basis.class);
        case "expiresAt" -> expiresAt = in.instant();
        case "staff" -> staff = in.sharedString();
        case "entity" -> entity = in.sharedString();
        case "grant" -> grant = in.string();
        case "channel" -> channel = in.enumValue(Channel.class);
        case "optOutOffered" -> optOutOffered = in.bool();
        case "registry" -> registry = in.enumValue(Registry.class);
        default -> {
          if (preferences == null) {
            preferences = Preferences.builder();
          }
          return PreferencesJson.readField(in, name, preferences);
        }
      }
      return true;
    }
  }

  /** One small builder per event type, from the fields its type allows (checked before). */
  private static final ImmutableMap<EventType, Function<Fields, LedgerEvent>> BUILDERS =
      Maps.immutableEnumMap(
          ImmutableMap.<EventType, Function<Fields, LedgerEvent>>builder()
              .put(EventType.GRANTED, EventJson::granted)
              .put(
                  EventType.WITHDRAWN,
                  f -> Withdrawn.builder().id(f.id).at(f.at).evidence(f.evidence)
                      .intents(f.intents.values()).channels(f.channels.values())
                      .entity(Optional.ofNullable(f.entity)).build())
              .put(EventType.OBJECTED, f -> Objected.builder().id(f.id).at(f.at).evidence(f.evidence).build())
              .put(
                  EventType.CONFIRMED,
                  f -> Confirmed.builder().id(f.id).at(f.at).grant(f.grant).evidence(f.evidence).build())
              .put(
                  EventType.PREFERENCES,
                  f -> PreferencesChanged.builder().id(f.id).at(f.at).preferences(f.preferences()).build())
              .put(
                  EventType.PURCHASED,
                  f -> Purchased.builder().id(f.id).at(f.at).optOutOffered(f.optOutOffered)
                      .channel(Optional.ofNullable(f.channel)).entity(Optional.ofNullable(f.entity)).build())
              .put(
                  EventType.INQUIRED,
                  f -> Inquired.builder().id(f.id).at(f.at).optOutOffered(f.optOutOffered)
                      .channel(f.channel).entity(Optional.ofNullable(f.entity)).build())
              .put(EventType.REGISTERED, f -> Registered.builder().id(f.id).at(f.at).registry(f.registry).build())
              .put(
                  EventType.ERASED,
                  f -> Erased.builder().id(f.id).at(f.at).evidence(Optional.ofNullable(f.evidence)).build())
              .build());

  static LedgerEvent read(JsonIn in) {
    JsonIn.ObjectIn object = in.object("an event", ALL_FIELD_NAMES);
    Fields fields = new Fields();
    while (object.next()) {
      EventType type = fields.type;
      object.checkOrKeep(type == null ? "an event" : WHAT.get(type), type == null ? null : ALLOWED.get(type), COMMON_FIELDS);
      if (!fields.read(in, object.name())) {
        throw object.unknownField("an event", ALL_FIELD_NAMES.toArray());
      }
    }
    object.require("an event", COMMON_NAMES);
    EventType kind = fields.type;
    String what = WHAT.get(kind);
    object.allowOnly(what, ALLOWED.get(kind));
    object.require(what, REQUIRED_NAMES.get(kind));
    if (kind != EventType.WITHDRAWN) {
      rejectAll(in, object, "intents", fields.intents);
      rejectAll(in, object, "channels", fields.channels);
    }
    return object.build(() -> BUILDERS.get(kind).apply(fields));
  }

  /** {@code ["ALL"]} read before the type was known, in an event that is no withdrawal. */
  private static void rejectAll(
      JsonIn in, JsonIn.ObjectIn object, String field, JsonIn.@Nullable SetOrAll<?> values) {
    if (values != null && values.all()) {
      throw in.error(
          object.fieldPath(field),
          object.fieldLocation(field),
          "\"ALL\" is allowed only in a withdrawn event");
    }
  }

  private static Granted granted(Fields f) {
    Granted.Builder builder =
        Granted.builder()
            .id(f.id)
            .at(f.at)
            .intents(f.intents.values())
            .channels(f.channels.values())
            .evidence(f.evidence)
            .expiresAt(Optional.ofNullable(f.expiresAt))
            .staff(Optional.ofNullable(f.staff))
            .entity(Optional.ofNullable(f.entity));
    Optional.ofNullable(f.basis).ifPresent(builder::basis); // absent: the builder's default
    return builder.build();
  }

  private static EventType eventType(JsonIn in) {
    String text = in.string();
    EventType type = WIRE_NAMES.inverse().get(text);
    if (type == null) {
      throw in.error("unknown event type \"" + text + "\"; allowed: " + TYPES);
    }
    return type;
  }

  /** Reads an event of one expected type (for reading {@code Granted.class} and the like). */
  static final class TypedDeserializer<T extends LedgerEvent> extends ValueDeserializer<T> {
    private final Class<T> type;
    private final EventType eventType;

    TypedDeserializer(Class<T> type, EventType eventType) {
      this.type = type;
      this.eventType = eventType;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonIn in = new JsonIn(p);
      String path = in.path();
      var start = in.location();
      LedgerEvent event = read(in);
      if (!type.isInstance(event)) {
        throw in.error(
            path,
            start,
            "expected a " + wireName(eventType) + " event, got a " + wireName(event.type()) + " event");
      }
      return type.cast(event);
    }
  }
}
