package dev.rapport.crm.jackson;

import dev.rapport.crm.scenario.Scenario;
import dev.rapport.crm.ledger.Ledger;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short way to Rapport's wire format: a configured {@link JsonMapper}, and reading and
 * writing of ledger documents and scenario files.
 *
 * <pre>{@code
 * Ledger ledger = RapportJson.readLedger(Files.newBufferedReader(path));
 * String json = RapportJson.writeLedger(ledger);
 * Decision decision = RapportJson.mapper().readValue(body, Decision.class);
 * }</pre>
 *
 * <p>Every {@code read} method fails with a {@link WireFormatException}, naming the JSON path,
 * line and column, for a document that breaks the format, malformed JSON and trailing content
 * included; nothing is returned half-read.
 */
public final class RapportJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .addModule(new RapportModule())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private RapportJson() {}

  /**
   * A shared mapper with the {@link RapportModule} that refuses trailing content. Jackson's own
   * errors (malformed JSON) come from it as Jackson's exceptions; the {@code read} methods of
   * this class turn them into {@link WireFormatException}.
   */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads a ledger document ({@code rapport-ledger/1}); its events are validated by the
   * ledger.
   *
   * @throws WireFormatException if the document breaks the format or the ledger refuses it
   */
  public static Ledger readLedger(String json) {
    return read(MAPPER.createParser(json), Ledger.class, "a ledger document");
  }

  /**
   * Reads a ledger document from {@code reader}, which is left open.
   *
   * @throws WireFormatException if the document breaks the format or the ledger refuses it
   * @throws UncheckedIOException if the reader fails
   */
  public static Ledger readLedger(Reader reader) {
    return read(reader, Ledger.class, "a ledger document");
  }

  /** The ledger as a ledger document ({@code rapport-ledger/1}), on one line. */
  public static String writeLedger(Ledger ledger) {
    return MAPPER.writeValueAsString(ledger);
  }

  /**
   * Writes the ledger as a ledger document to {@code writer}, which is left open.
   *
   * @throws UncheckedIOException if the writer fails
   */
  public static void writeLedger(Ledger ledger, Writer writer) {
    try {
      writer.write(writeLedger(ledger));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a scenario file ({@code rapport-scenario/1}, UTF-8).
   *
   * @throws WireFormatException if the file breaks the format
   * @throws IOException if the file cannot be read
   */
  public static Scenario readScenario(Path file) throws IOException {
    // From bytes, so that malformed UTF-8 is a reading error with its line and column.
    byte[] bytes = Files.readAllBytes(file);
    return read(MAPPER.createParser(bytes), Scenario.class, "a scenario");
  }

  /**
   * Reads a scenario from a string.
   *
   * @throws WireFormatException if it breaks the format
   */
  public static Scenario readScenario(String json) {
    return read(MAPPER.createParser(json), Scenario.class, "a scenario");
  }

  /**
   * Reads one value of a type of the wire format, such as {@code LedgerEvent.class},
   * {@code Outreach.class} or {@code Decision.class}.
   *
   * @throws WireFormatException if the document breaks the format
   */
  public static <T> T read(String json, Class<T> type) {
    return read(MAPPER.createParser(json), type, "a " + type.getSimpleName());
  }

  private static <T> T read(Reader reader, Class<T> type, String what) {
    return read(MAPPER.createParser(reader), type, what);
  }

  /** Reads from {@code input}. */
  private static <T> T read(JsonParser input, Class<T> type, String what) {
    try (JsonParser parser = input) {
      T value;
      try {
        value = MAPPER.readerFor(type).readValue(parser);
      } catch (WireFormatException e) {
        throw e;
      } catch (JacksonIOException e) {
        throw new UncheckedIOException(e.getCause());
      } catch (JacksonException e) {
        TokenStreamLocation location =
            e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw new WireFormatException(
            parser, JsonIn.path(parser.streamReadContext()), location, e.getOriginalMessage(), e);
      }
      if (value == null) {
        throw new WireFormatException(
            parser, "$", parser.currentTokenLocation(), "expected " + what + ", got null", null);
      }
      return value;
    }
  }
}
