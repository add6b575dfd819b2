package dev.rapport.crm.jackson;

import static java.util.stream.Collectors.joining;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Every ledger event, polymorphic on {@code "type"} ({@code wire-format.md}, Events). Fields are
 * written as {@code id, type, at}, then the type's required fields, then its optional ones, in
 * the order of the spec's table; absent options, false booleans and default values are left
 * out. A {@code withdrawn} event of every intent or channel is written {@code ["ALL"]}.
 *
 * <p>Fields may come in any order when reading, {@code type} included.
 */
final class EventJson {
  private static final List<String> COMMON = List.of("id", "type", "at");

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

  private static final String[] ALL_FIELD_NAMES = ALL_FIELDS.toArray(new String[0]);

  private static final String TYPES =
      Arrays.stream(EventType.values()).map(EventType::wireName).collect(joining(", "));

  private EventJson() {}

  // ---------------------------------------------------------------- writing

  static void write(LedgerEvent event, JsonGenerator gen) {
    gen.writeStartObject();
    gen.writeStringProperty("id", event.id());
    gen.writeStringProperty("type", event.type().wireName());
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

  static LedgerEvent read(JsonIn in) {
    JsonIn.ObjectIn object = in.object("an event", ALL_FIELD_NAMES);
    String id = null;
    EventType type = null;
    Instant at = null;
    Set<Intent> intents = null;
    Set<Channel> channels = null;
    boolean[] allUsed = {false, false};
    Evidence evidence = null;
    Basis basis = null;
    Instant expiresAt = null;
    String staff = null;
    String entity = null;
    String grant = null;
    Channel channel = null;
    boolean optOutOffered = false;
    Registry registry = null;
    Preferences.Builder preferences = Preferences.builder();
    while (object.next()) {
      String name = object.name();
      switch (name) {
        case "id":
          id = in.string();
          break;
        case "type":
          type = eventType(in);
          break;
        case "at":
          at = in.instant();
          break;
        case "intents":
          intents = in.enumSetOrAll(Intent.class, allUsed, 0, allAccepted(type));
          break;
        case "channels":
          channels = in.enumSetOrAll(Channel.class, allUsed, 1, allAccepted(type));
          break;
        case "evidence":
          evidence = EvidenceJson.read(in);
          break;
        case "basis":
          basis = in.enumValue(Basis.class);
          break;
        case "expiresAt":
          expiresAt = in.instant();
          break;
        case "staff":
          staff = in.string();
          break;
        case "entity":
          entity = in.string();
          break;
        case "grant":
          grant = in.string();
          break;
        case "channel":
          channel = in.enumValue(Channel.class);
          break;
        case "optOutOffered":
          optOutOffered = in.bool();
          break;
        case "registry":
          registry = in.enumValue(Registry.class);
          break;
        default:
          if (!PreferencesJson.readField(in, name, preferences)) {
            throw object.unknownField("an event", ALL_FIELD_NAMES);
          }
      }
    }
    object.require("an event", "id", "type", "at");
    EventType kind = type;
    String what = "a " + kind.wireName() + " event";
    List<String> required = REQUIRED.get(kind);
    List<String> optional = OPTIONAL.get(kind);
    for (String field : ALL_FIELDS) {
      if (object.has(field)
          && !COMMON.contains(field)
          && !required.contains(field)
          && !optional.contains(field)) {
        throw in.error(
            object.fieldPath(field),
            object.fieldLocation(field),
            "field \""
                + field
                + "\" is not allowed in "
                + what
                + "; allowed: "
                + String.join(", ", concat(COMMON, required, optional)));
      }
    }
    object.require(what, required.toArray(new String[0]));
    if (kind != EventType.WITHDRAWN) {
      for (int i = 0; i < 2; i++) {
        String field = i == 0 ? "intents" : "channels";
        if (allUsed[i]) {
          throw in.error(
              object.fieldPath(field),
              object.fieldLocation(field),
              "\"ALL\" is allowed only in a withdrawn event");
        }
      }
    }
    String eventId = id;
    Instant instant = at;
    Evidence proof = evidence;
    switch (kind) {
      case GRANTED:
        {
          Set<Intent> is = intents;
          Set<Channel> cs = channels;
          Basis b = basis;
          Instant expires = expiresAt;
          String s = staff;
          String e = entity;
          return object.build(
              () -> {
                Granted.Builder builder =
                    Granted.builder().id(eventId).at(instant).intents(is).channels(cs).evidence(proof);
                if (b != null) {
                  builder.basis(b);
                }
                if (expires != null) {
                  builder.expiresAt(expires);
                }
                if (s != null) {
                  builder.staff(s);
                }
                if (e != null) {
                  builder.entity(e);
                }
                return builder.build();
              });
        }
      case WITHDRAWN:
        {
          Set<Intent> is = intents;
          Set<Channel> cs = channels;
          String e = entity;
          return object.build(
              () -> {
                Withdrawn.Builder builder =
                    Withdrawn.builder().id(eventId).at(instant).intents(is).channels(cs).evidence(proof);
                if (e != null) {
                  builder.entity(e);
                }
                return builder.build();
              });
        }
      case OBJECTED:
        return object.build(() -> Objected.builder().id(eventId).at(instant).evidence(proof).build());
      case CONFIRMED:
        {
          String g = grant;
          return object.build(
              () -> Confirmed.builder().id(eventId).at(instant).grant(g).evidence(proof).build());
        }
      case PREFERENCES:
        return object.build(
            () ->
                PreferencesChanged.builder()
                    .id(eventId)
                    .at(instant)
                    .preferences(preferences.build())
                    .build());
      case PURCHASED:
        {
          Channel c = channel;
          String e = entity;
          boolean offered = optOutOffered;
          return object.build(
              () -> {
                Purchased.Builder builder =
                    Purchased.builder().id(eventId).at(instant).optOutOffered(offered);
                if (c != null) {
                  builder.channel(c);
                }
                if (e != null) {
                  builder.entity(e);
                }
                return builder.build();
              });
        }
      case INQUIRED:
        {
          Channel c = channel;
          String e = entity;
          boolean offered = optOutOffered;
          return object.build(
              () -> {
                Inquired.Builder builder =
                    Inquired.builder().id(eventId).at(instant).channel(c).optOutOffered(offered);
                if (e != null) {
                  builder.entity(e);
                }
                return builder.build();
              });
        }
      case REGISTERED:
        {
          Registry r = registry;
          return object.build(() -> Registered.builder().id(eventId).at(instant).registry(r).build());
        }
      case ERASED:
        return object.build(
            () -> {
              Erased.Builder builder = Erased.builder().id(eventId).at(instant);
              if (proof != null) {
                builder.evidence(proof);
              }
              return builder.build();
            });
    }
    throw new AssertionError(kind);
  }

  private static EventType eventType(JsonIn in) {
    String text = in.string();
    for (EventType type : EventType.values()) {
      if (type.wireName().equals(text)) {
        return type;
      }
    }
    throw in.error("unknown event type \"" + text + "\"; allowed: " + TYPES);
  }

  private static String[] concat(List<String> a, List<String> b, List<String> c) {
    return ImmutableSet.<String>builder().addAll(a).addAll(b).addAll(c).build().toArray(new String[0]);
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
            "expected a " + eventType.wireName() + " event, got a " + event.type().wireName() + " event");
      }
      return type.cast(event);
    }
  }
}
