package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.jackson.RapportModule;
import dev.rapport.crm.jackson.WireFormatException;
import dev.rapport.crm.jackson.journal.record.JournalRecord;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MappingIterator;
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
  private final ObjectReader lineReader;

  JournalCodec(ObjectMapper mapper) {
    this.mapper = mapper;
    this.profileWriter = mapper.writerFor(CustomerProfile.class);
    this.eventWriter = mapper.writerFor(LedgerEvent.class);
    this.ledgerWriter = mapper.writerFor(Ledger.class);
    this.lineReader =
        mapper.readerFor(JournalRecord.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Shared: a mapper is thread-safe, and one whose caches are warm opens journals faster. */
  private static final JournalCodec STANDARD =
      new JournalCodec(
          JsonMapper.builder(
                  // Buffers recycled per thread: opening reads a million lines on one thread, and
                  // the default pool's deque costs a node and two atomic operations a line.
                  JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
              .addModule(new RapportModule())
              .build());

  /** The codec of the wire format ({@code crm-jackson/README.md}, "The wire format"). */
  static JournalCodec standard() {
    return STANDARD;
  }

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
    return content(64, gen -> gen.writeStringProperty("format", format));
  }

  byte[] create(CustomerProfile customer) {
    return create(customer, salt());
  }

  byte[] create(CustomerProfile customer, @Nullable String salt) {
    return content(
        128,
        gen -> {
          gen.writeStringProperty("op", "create");
          gen.writeName("customer");
          profileWriter.writeValue(gen, customer);
          salt(gen, salt);
        });
  }

  byte[] erase(String customerId, int expectedVersion, CustomerProfile customer, Erased event) {
    return content(
        256,
        gen -> {
          gen.writeStringProperty("op", "erase");
          gen.writeStringProperty("customerId", customerId);
          gen.writeNumberProperty("expectedVersion", expectedVersion);
          gen.writeName("customer");
          profileWriter.writeValue(gen, customer);
          gen.writeName("event");
          eventWriter.writeValue(gen, event);
        });
  }

  byte[] redacted(String customerId, byte[] digest) {
    return content(
        128,
        gen -> {
          gen.writeStringProperty("op", "redacted");
          gen.writeStringProperty("customerId", customerId);
          gen.writeStringProperty("digest", Chain.hex(digest));
        });
  }

  byte[] append(String customerId, int expectedVersion, List<? extends LedgerEvent> events) {
    return append(customerId, expectedVersion, events, salt());
  }

  byte[] append(
      String customerId,
      int expectedVersion,
      List<? extends LedgerEvent> events,
      @Nullable String salt) {
    return content(
        256 * events.size(),
        gen -> {
          gen.writeStringProperty("op", "append");
          gen.writeStringProperty("customerId", customerId);
          gen.writeNumberProperty("expectedVersion", expectedVersion);
          gen.writeArrayPropertyStart("events");
          for (LedgerEvent event : events) {
            eventWriter.writeValue(gen, event);
          }
          gen.writeEndArray();
          salt(gen, salt);
        });
  }

  /** The content of a line: a compact JSON object, its fields written by {@code fields}. */
  private byte[] content(int size, Consumer<JsonGenerator> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    try (JsonGenerator gen = mapper.createGenerator(out)) {
      gen.writeStartObject();
      fields.accept(gen);
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void salt(JsonGenerator gen, @Nullable String salt) {
    if (salt != null) {
      gen.writeStringProperty("salt", salt);
    }
  }

  /**
   * Reads one line (without its newline), strictly, through the wire format module's reader of
   * journal lines ({@code crm-jackson/README.md}, "The journal format").
   *
   * @throws IllegalArgumentException if the line is not a journal record: the message gives the
   *     JSON path and the column in the line, and what is wrong, such as {@code $.expectedVersion
   *     (column 53): expected a whole number, got a string}
   */
  JournalRecord read(byte[] line, int length) {
    return convertingErrors(() -> lineReader.readValue(line, 0, length));
  }

  /**
   * A reader of the lines of one block ({@link JournalFile.BlockVisitor#block}) with one parser:
   * what {@link #read} does a line, without a parser and its buffers made for each.
   */
  Lines lines(byte[] block, int length) {
    return new Lines(mapper.createParser(block, 0, length));
  }

  /** The lines of one block, read in order; see {@link #lines}. */
  final class Lines implements AutoCloseable {
    private final JsonParser parser;
    private final MappingIterator<JournalRecord> records;
    /** Where the next line starts in the block. */
    private long start;

    private Lines(JsonParser parser) {
      this.parser = parser;
      this.records = lineReader.readValues(parser);
    }

    /**
     * Reads the block's next line, {@code length} bytes without its newline, as {@link #read}
     * does (with the same messages).
     */
    JournalRecord next(int length) {
      long end = start + length;
      start = end + 1;
      JournalRecord record = convertingErrors(records::nextValue);
      TokenStreamLocation at = parser.currentLocation();
      if (at.getByteOffset() != end) {
        throw new IllegalArgumentException(
            "$" + column(at) + ": malformed JSON: more than one JSON value on the line");
      }
      return record;
    }

    @Override
    public void close() {
      parser.close();
    }
  }

  private static JournalRecord convertingErrors(Supplier<JournalRecord> read) {
    try {
      return read.get();
    } catch (WireFormatException e) {
      throw new IllegalArgumentException(
          e.path() + column(e.getLocation()) + ": " + e.problem(), e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "$" + column(e.getLocation()) + ": malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String column(@Nullable TokenStreamLocation location) {
    return location == null || location.getColumnNr() < 1 ? "" : " (column " + location.getColumnNr() + ")";
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
}
