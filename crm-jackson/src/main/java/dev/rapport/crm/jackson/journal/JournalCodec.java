package dev.rapport.crm.jackson.journal;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.jackson.RapportModule;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journal records to and from JSON ({@code crm-jackson/README.md}, "The journal format").
 * Profiles and events are written and read by the wire format module ({@link RapportModule}),
 * exactly as in a ledger document; this class only adds the envelope of each line. The content
 * of each line:
 *
 * <pre>{@code
 * {"format":"rapport-journal/2"}                                                  line 1
 * {"op":"create","customer":{"id":"c-1",...},"salt":"<32 hex>"}
 * {"op":"append","customerId":"c-1","expectedVersion":0,"events":[{"id":"e1",...}],"salt":"..."}
 * {"op":"erase","customerId":"c-1","expectedVersion":1,"customer":{...},"event":{"type":"erased",...}}
 * {"op":"redacted","customerId":"c-1","digest":"<64 hex>"}
 * }</pre>
 *
 * (each followed by its {@linkplain Chain chain link} and its {@linkplain LineFrame checksum}).
 * The random salt of a create or append line makes the digest that a redacted line keeps of it
 * useless for guessing the erased content.
 */
final class JournalCodec {
  static final String FORMAT = "rapport-journal/2";

  /** The format before the hash chain and erasure; upgraded on open. */
  static final String FORMAT_1 = "rapport-journal/1";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ObjectMapper mapper;
  private final ObjectWriter profileWriter;
  private final ObjectWriter eventWriter;
  private final ObjectWriter ledgerWriter;
  private final ObjectReader profileReader;
  private final ObjectReader eventReader;

  JournalCodec(ObjectMapper mapper) {
    this.mapper = mapper;
    this.profileWriter = mapper.writerFor(CustomerProfile.class);
    this.eventWriter = mapper.writerFor(LedgerEvent.class);
    this.ledgerWriter = mapper.writerFor(Ledger.class);
    // Each reads one value inside a line; the line's own end is checked by read().
    this.profileReader =
        mapper.readerFor(CustomerProfile.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.eventReader =
        mapper.readerFor(LedgerEvent.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Shared: a mapper is thread-safe, and one whose caches are warm opens journals faster. */
  private static final JournalCodec STANDARD =
      new JournalCodec(JsonMapper.builder().addModule(new RapportModule()).build());

  /** The codec of the wire format ({@code crm-jackson/README.md}, "The wire format"). */
  static JournalCodec standard() {
    return STANDARD;
  }

  /** A journal record, as read back from one line. */
  sealed interface Record permits Header, Create, Append, Erase, Redacted {}

  /** The first line of every journal. */
  record Header(String format) implements Record {}

  /** A customer was created with an empty ledger. */
  record Create(CustomerProfile customer) implements Record {}

  /** Events were appended to a customer's ledger at {@code expectedVersion}. */
  record Append(String customerId, int expectedVersion, List<LedgerEvent> events)
      implements Record {}

  /**
   * The customer was erased at {@code expectedVersion}: what remains is the tombstone, the
   * profile and the erased event without evidence details.
   */
  record Erase(String customerId, int expectedVersion, CustomerProfile customer, Erased event)
      implements Record {}

  /** A create or append line of an erased customer, of which only the digest remains. */
  record Redacted(String customerId, byte[] digest) implements Record {}

  /** 16 random bytes in hex, for the content of a create or append line. */
  static String salt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return Chain.hex(salt);
  }

  byte[] header() {
    return header(FORMAT);
  }

  byte[] header(String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator gen = mapper.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringProperty("format", format);
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  byte[] create(CustomerProfile customer) {
    return create(customer, salt());
  }

  byte[] create(CustomerProfile customer, @Nullable String salt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator gen = mapper.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringProperty("op", "create");
      gen.writeName("customer");
      profileWriter.writeValue(gen, customer);
      if (salt != null) {
        gen.writeStringProperty("salt", salt);
      }
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  byte[] erase(String customerId, int expectedVersion, CustomerProfile customer, Erased event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator gen = mapper.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringProperty("op", "erase");
      gen.writeStringProperty("customerId", customerId);
      gen.writeNumberProperty("expectedVersion", expectedVersion);
      gen.writeName("customer");
      profileWriter.writeValue(gen, customer);
      gen.writeName("event");
      eventWriter.writeValue(gen, event);
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  byte[] redacted(String customerId, byte[] digest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator gen = mapper.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringProperty("op", "redacted");
      gen.writeStringProperty("customerId", customerId);
      gen.writeStringProperty("digest", Chain.hex(digest));
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  byte[] append(String customerId, int expectedVersion, List<? extends LedgerEvent> events) {
    return append(customerId, expectedVersion, events, salt());
  }

  byte[] append(
      String customerId,
      int expectedVersion,
      List<? extends LedgerEvent> events,
      @Nullable String salt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * events.size());
    try (JsonGenerator gen = mapper.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringProperty("op", "append");
      gen.writeStringProperty("customerId", customerId);
      gen.writeNumberProperty("expectedVersion", expectedVersion);
      gen.writeArrayPropertyStart("events");
      for (LedgerEvent event : events) {
        eventWriter.writeValue(gen, event);
      }
      gen.writeEndArray();
      if (salt != null) {
        gen.writeStringProperty("salt", salt);
      }
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * Reads one line (without its newline). Strict, like the wire format: an unknown property, a
   * missing one or a wrong type is an error.
   *
   * @throws RuntimeException ({@link IllegalArgumentException} or a {@code JacksonException}) if
   *     the line is not a journal record
   */
  Record read(byte[] line, int length) {
    String op = null;
    String format = null;
    CustomerProfile customer = null;
    String customerId = null;
    Integer expectedVersion = null;
    List<LedgerEvent> events = null;
    LedgerEvent event = null;
    String digest = null;
    try (JsonParser p = mapper.createParser(line, 0, length)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "a JSON object");
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "format":
            format = string(p, value, name);
            break;
          case "op":
            op = string(p, value, name);
            break;
          case "customer":
            expect(p, value, JsonToken.START_OBJECT, "'customer' to be a profile object");
            customer = profileReader.readValue(p);
            break;
          case "customerId":
            customerId = string(p, value, name);
            break;
          case "expectedVersion":
            expect(p, value, JsonToken.VALUE_NUMBER_INT, "'expectedVersion' to be an integer");
            expectedVersion = p.getIntValue();
            break;
          case "events":
            expect(p, value, JsonToken.START_ARRAY, "'events' to be an array");
            ImmutableList.Builder<LedgerEvent> read = ImmutableList.builder();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              expect(p, p.currentToken(), JsonToken.START_OBJECT, "an event object");
              read.add(eventReader.<LedgerEvent>readValue(p));
            }
            events = read.build();
            break;
          case "event":
            expect(p, value, JsonToken.START_OBJECT, "'event' to be an event object");
            event = eventReader.readValue(p);
            break;
          case "digest":
            digest = string(p, value, name);
            break;
          case "salt":
          case "prev":
          case "crc32c":
            string(p, value, name);
            break;
          default:
            throw new IllegalArgumentException("unknown property '" + name + "'");
        }
      }
      expect(p, p.currentToken(), JsonToken.END_OBJECT, "the end of the object");
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value on the line");
      }
    }
    if (op == null) {
      return new Header(required(format, "format"));
    }
    switch (op) {
      case "create":
        return new Create(required(customer, "customer"));
      case "append":
        return new Append(
            required(customerId, "customerId"),
            required(expectedVersion, "expectedVersion"),
            required(events, "events"));
      case "erase":
        LedgerEvent erased = required(event, "event");
        if (!(erased instanceof Erased)) {
          throw new IllegalArgumentException("an erase line holds a " + erased.type() + " event");
        }
        return new Erase(
            required(customerId, "customerId"),
            required(expectedVersion, "expectedVersion"),
            required(customer, "customer"),
            (Erased) erased);
      case "redacted":
        String hex = required(digest, "digest");
        if (!hex.matches("[0-9a-f]{64}")) {
          throw new IllegalArgumentException("'digest' is not 64 lower-case hex digits");
        }
        return new Redacted(required(customerId, "customerId"), Chain.parseHex(hex));
      default:
        throw new IllegalArgumentException(
            "unknown op '" + op + "' (allowed: create, append, erase, redacted)");
    }
  }

  /**
   * Writes {@code ledger} as a {@code rapport-ledger/1} document ({@code crm-jackson/README.md}),
   * through the module's ledger document serializer.
   */
  void writeDocument(Ledger ledger, OutputStream out) {
    ledgerWriter.writeValue(out, ledger);
  }

  /** Writes {@code ledger} as a {@code rapport-ledger/1} document. */
  void writeDocument(Ledger ledger, Writer out) {
    ledgerWriter.writeValue(out, ledger);
  }

  private static void expect(JsonParser p, @Nullable JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          "expected " + what + " at column " + p.currentLocation().getColumnNr() + ", found " + actual);
    }
  }

  private static String string(JsonParser p, @Nullable JsonToken value, String name) {
    expect(p, value, JsonToken.VALUE_STRING, "'" + name + "' to be a string");
    return p.getString();
  }

  private static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("missing property '" + name + "'");
    }
    return value;
  }
}
