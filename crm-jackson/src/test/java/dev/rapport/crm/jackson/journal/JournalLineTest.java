package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.jackson.journal.record.JournalRecord;
import dev.rapport.crm.ledger.LedgerEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The envelope of a journal line ({@code crm-jackson/README.md}, "The journal format") is read as
 * strictly as the wire format: a line that breaks it, written whole with a right checksum and
 * chain link (so only its content is wrong), stops the open with a {@link
 * CorruptJournalException} naming the journal line, and the JSON path and column in that line.
 */
final class JournalLineTest {
  private static final String SALT = "\"salt\":\"00112233445566778899aabbccddeeff\"";
  private static final String CREATE =
      "{\"op\":\"create\",\"customer\":{\"id\":\"c-2\",\"jurisdiction\":\"GB\",\"zone\":\"Europe/London\"},"
          + SALT + "}";
  private static final String APPEND =
      "{\"op\":\"append\",\"customerId\":\"c-1\",\"expectedVersion\":0,"
          + "\"events\":[{\"id\":\"e1\",\"type\":\"purchased\",\"at\":\"2026-03-02T10:00:00Z\"}],"
          + SALT + "}";
  private static final String ERASE =
      "{\"op\":\"erase\",\"customerId\":\"c-1\",\"expectedVersion\":0,"
          + "\"customer\":{\"id\":\"c-1\",\"jurisdiction\":\"CA-ON\",\"zone\":\"America/Toronto\"},"
          + "\"event\":{\"id\":\"x\",\"type\":\"erased\",\"at\":\"2026-03-02T10:00:00Z\"}}";
  private static final String REDACTED =
      "{\"op\":\"redacted\",\"customerId\":\"c-1\",\"digest\":\"" + "ab".repeat(32) + "\"}";

  @TempDir Path dir;

  private static String edit(String line, String find, String replace) {
    assertThat(line).contains(find);
    return line.replace(find, replace);
  }

  private static Arguments row(String name, String content, String path, String problem, String marker) {
    return Arguments.of(name, content, path, problem, marker);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        row("a missing field", edit(APPEND, "\"expectedVersion\":0,", ""),
            "$.expectedVersion", "missing required field \"expectedVersion\" in an append line", "{"),
        row("a missing op", edit(APPEND, "\"op\":\"append\",", ""),
            "$.op", "missing required field \"op\" in a journal line", "{"),
        row("an unknown field", edit(APPEND, SALT, "\"mood\":\"calm\"," + SALT),
            "$.mood",
            "unknown field \"mood\" in a journal line; allowed: format, op, customer, customerId,"
                + " expectedVersion, events, event, digest, salt, prev, crc32c",
            "\"mood\""),
        row("a field of another op", edit(CREATE, SALT, "\"customerId\":\"c-9\"," + SALT),
            "$.customerId",
            "field \"customerId\" is not allowed in a create line; allowed: op, customer, salt, prev, crc32c",
            "\"c-9\""),
        row("a field in a header", "{\"format\":\"rapport-journal/2\",\"customerId\":\"c-9\"}",
            "$.customerId",
            "field \"customerId\" is not allowed in a header line; allowed: format, prev, crc32c",
            "\"c-9\""),
        row("a wrong type", edit(APPEND, "\"expectedVersion\":0", "\"expectedVersion\":\"0\""),
            "$.expectedVersion", "expected a whole number, got a string", "\"0\""),
        row("a negative version", edit(APPEND, "\"expectedVersion\":0", "\"expectedVersion\":-1"),
            "$.expectedVersion", "expected a version (0 or more), got -1", "-1,"),
        row("a list where one value is expected", edit(APPEND, "\"customerId\":\"c-1\"", "\"customerId\":[\"c-1\"]"),
            "$.customerId", "expected a string, got a list (a single value is expected here)", "[\"c-1\"]"),
        row("a duplicate field", edit(APPEND, "\"expectedVersion\"", "\"customerId\":\"c-2\",\"expectedVersion\""),
            "$.customerId", "duplicate field \"customerId\"", "\"customerId\":\"c-2\""),
        row("an unknown op", edit(APPEND, "\"append\"", "\"delete\""),
            "$.op", "unknown op \"delete\"; allowed: create, append, erase, redacted", "\"delete\""),
        row("a digest not in lower-case hex", edit(REDACTED, "ab".repeat(32), "AB".repeat(32)),
            "$.digest", "expected 64 lower-case hex digits, got \"" + "AB".repeat(32) + "\"", "\"ABAB"),
        row("a digest too short", edit(REDACTED, "ab".repeat(32), "abcd"),
            "$.digest", "expected 64 lower-case hex digits, got \"abcd\"", "\"abcd\""),
        row("a salt that is not hex", edit(APPEND, "00112233445566778899aabbccddeeff", "salt-of-the-earth"),
            "$.salt", "expected 32 lower-case hex digits, got \"salt-of-the-earth\"", "\"salt-of"),
        row("an event the wire format refuses", edit(APPEND, "\"2026-03-02T10:00:00Z\"", "\"2026-13-02T10:00:00Z\""),
            "$.events[0].at", "malformed instant \"2026-13-02T10:00:00Z\"", "\"2026-13"),
        row("an unknown field in an event", edit(APPEND, "\"type\":\"purchased\"", "\"type\":\"purchased\",\"mood\":1"),
            "$.events[0].mood", "unknown field \"mood\" in an event", "\"mood\""),
        row("an erase line holding another event", edit(ERASE, "\"erased\"", "\"purchased\""),
            "$.event", "an erase line holds a purchased event, not an erased one", "{\"id\":\"x\""),
        row("two values on one line", "{\"format\":\"rapport-journal/2\"}" + CREATE,
            "$", "malformed JSON: more than one JSON value on the line", "{\"op\""),
        row("malformed JSON", edit(APPEND, ",\"customerId\"", ",,\"customerId\""),
            "$", "malformed JSON: Unexpected character (',' (code 44))", ",\"customerId\""));
  }

  @ParameterizedTest(name = "{0} is refused at {2}")
  @MethodSource("malformed")
  void aLineThatBreaksTheEnvelopeIsRefusedNamingTheLineThePathAndTheColumn(
      String name, String content, String path, String problem, String marker) throws IOException {
    Path journal = dir.resolve("ledgers.journal");
    try (OutputStream out = Files.newOutputStream(journal)) {
      JournalLines lines = new JournalLines(out);
      lines.create(customer("c-1"));
      lines.write(content.getBytes(UTF_8));
    }
    long offset = Files.readAllLines(journal, UTF_8).subList(0, 2).stream().mapToLong(l -> l.length() + 1).sum();

    CorruptJournalException e =
        catchThrowableOfType(CorruptJournalException.class, () -> JournalLedgerStore.open(journal).close());

    assertThat(e).as(name).isNotNull();
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.offset()).isEqualTo(offset);
    int column = content.indexOf(marker) + 1;
    assertThat(e.getMessage())
        .startsWith("journal " + journal.toRealPath() + " is corrupt at line 3 (byte " + offset + "): unreadable: ")
        .contains(": unreadable: " + path + " (column " + column + "): " + problem);
  }

  /** Lines are read a block (1 MiB) at a time: lines across a block's end and a line longer than a block. */
  @Test
  void linesAcrossBlocksAndALineLongerThanABlockReadBack() throws IOException {
    Path journal = dir.resolve("ledgers.journal");
    List<LedgerEvent> batch = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      batch.add(purchase("b-" + i));
    }
    try (OutputStream out = Files.newOutputStream(journal)) {
      JournalLines lines = new JournalLines(out);
      lines.create(customer("c-1"));
      lines.create(customer("c-2"));
      for (int i = 0; i < 5_000; i++) {
        lines.append("c-1", i, List.of(purchase("p-" + i)));
      }
      lines.append("c-2", 0, batch);
      lines.append("c-2", batch.size(), List.of(purchase("last")));
    }
    assertThat(Files.size(journal)).isGreaterThan(2L << 20);
    assertThat(Files.readAllLines(journal, UTF_8).stream().mapToInt(String::length).max().orElseThrow())
        .isGreaterThan(1 << 20);

    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      assertThat(store.read("c-1").orElseThrow().version()).isEqualTo(5_000);
      assertThat(store.read("c-2").orElseThrow().version()).isEqualTo(12_001);
      assertThat(store.recovery().lines()).isEqualTo(1 + 2 + 5_000 + 2);
    }
  }

  @Test
  void eachOpReadsBackAsItsRecord() {
    assertThat(read("{\"format\":\"rapport-journal/2\"}"))
        .isEqualTo(new JournalRecord.Header("rapport-journal/2"));
    assertThat(read(CREATE))
        .isInstanceOfSatisfying(JournalRecord.Create.class, c -> assertThat(c.customer().id()).isEqualTo("c-2"));
    assertThat(read(APPEND))
        .isInstanceOfSatisfying(
            JournalRecord.Append.class,
            a -> {
              assertThat(a.customerId()).isEqualTo("c-1");
              assertThat(a.expectedVersion()).isZero();
              assertThat(a.events()).extracting(LedgerEvent::id).containsExactly("e1");
            });
    assertThat(read(ERASE))
        .isInstanceOfSatisfying(
            JournalRecord.Erase.class,
            e -> assertThat(e.event().id()).isEqualTo("x"));
    byte[] digest = new byte[32];
    Arrays.fill(digest, (byte) 0xab);
    assertThat(read(REDACTED))
        .isInstanceOfSatisfying(
            JournalRecord.Redacted.class, r -> assertThat(r.digest()).isEqualTo(digest));
  }

  private static JournalRecord read(String content) {
    byte[] line = LineFrame.seal(Chain.withPrev(content.getBytes(UTF_8), Chain.GENESIS));
    return JournalCodec.standard().read(line, line.length - 1);
  }
}
