package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.MARCH_2;
import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.grant;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a journal of many blocks ({@link JournalFile.BLOCK} each), whose lines are
 * decoded ahead on a second thread and folded in order: every line is still checked at open, and the first
 * damaged line is the one named, with its line number and byte offset, whichever block and
 * thread decoded it ({@code crm-jackson/README.md}, "The journal format").
 */
final class JournalParallelReplayTest {
  private static final int CUSTOMERS = 50;
  private static final int PER_CUSTOMER = 240;

  @TempDir Path dir;

  private Path journal;
  /** The bytes of the journal as written, and where each line starts (index 0 is line 1). */
  private byte[] bytes;

  private long[] starts;

  /**
   * A header, 50 creates, then 240 rounds of one append per customer: 12,051 lines of about 290
   * bytes, over three blocks.
   */
  @BeforeEach
  void writeAJournal() throws IOException {
    journal = dir.resolve("ledgers.journal");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(journal))) {
      JournalLines lines = new JournalLines(out);
      for (int c = 0; c < CUSTOMERS; c++) {
        lines.create(customer("c-" + c));
      }
      for (int i = 0; i < PER_CUSTOMER; i++) {
        for (int c = 0; c < CUSTOMERS; c++) {
          String id = "c-" + c;
          lines.append(id, i, List.of(i == 0 ? grant(id + "-" + i) : purchase(id + "-" + i)));
        }
      }
    }
    bytes = Files.readAllBytes(journal);
    starts = lineStarts(bytes);
    assertThat(bytes.length).as("the journal spans several blocks").isGreaterThan(3 * JournalFile.BLOCK);
  }

  private static long[] lineStarts(byte[] bytes) {
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    for (int i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] == '\n') {
        starts.add(i + 1L);
      }
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  private int lineCount() {
    return starts.length;
  }

  private String line(int number) {
    int from = (int) starts[number - 1];
    int to = number < starts.length ? (int) starts[number] - 1 : bytes.length - 1;
    return new String(bytes, from, to - from, UTF_8);
  }

  /** The journal with line {@code number} replaced by {@code text}. */
  private void replaceLine(int number, String text) throws IOException {
    int from = (int) starts[number - 1];
    int to = number < starts.length ? (int) starts[number] - 1 : bytes.length - 1;
    byte[] replacement = text.getBytes(UTF_8);
    byte[] changed = new byte[bytes.length - (to - from) + replacement.length];
    System.arraycopy(bytes, 0, changed, 0, from);
    System.arraycopy(replacement, 0, changed, from, replacement.length);
    System.arraycopy(bytes, to, changed, from + replacement.length, bytes.length - to);
    bytes = changed;
    starts = lineStarts(bytes);
    Files.write(journal, bytes);
  }

  /** Line {@code number} with one byte of its content changed: its checksum no longer matches. */
  private void damage(int number) throws IOException {
    byte[] line = line(number).getBytes(UTF_8);
    line[3] ^= 1; // {"op" becomes {"oq"
    replaceLine(number, new String(line, UTF_8));
  }

  /** Line {@code number} with {@code find} replaced and its checksum made right: an edit. */
  private void edit(int number, String find, String replace) throws IOException {
    String line = line(number);
    assertThat(line).contains(find);
    String changed = line.replace(find, replace);
    String body = changed.substring(0, changed.length() - ",\"crc32c\":\"00000000\"}".length()) + "}";
    byte[] sealed = LineFrame.seal(body.getBytes(UTF_8));
    replaceLine(number, new String(sealed, 0, sealed.length - 1, UTF_8));
  }

  private CorruptJournalException openFails() {
    CorruptJournalException e =
        catchThrowableOfType(CorruptJournalException.class, () -> JournalLedgerStore.open(journal).close());
    assertThat(e).as("opening fails").isNotNull();
    return e;
  }

  @Test
  void aJournalOfManyBlocksReplaysEveryEventInOrder() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      assertThat(store.recovery().isClean()).isTrue();
      assertThat(store.recovery().lines()).isEqualTo(lineCount());
      assertThat(store.recovery().events()).isEqualTo((long) CUSTOMERS * PER_CUSTOMER);
      for (int c = 0; c < CUSTOMERS; c++) {
        String id = "c-" + c;
        Ledger ledger = store.read(id).orElseThrow();
        assertThat(ledger.version()).isEqualTo(PER_CUSTOMER);
        List<String> ids = ledger.events().stream().map(LedgerEvent::id).toList();
        assertThat(ids)
            .containsExactlyElementsOf(IntStream.range(0, PER_CUSTOMER).mapToObj(i -> id + "-" + i).toList());
      }
      assertThat(store.verify().isIntact()).isTrue();
      assertThat(store.verify().head()).isEqualTo(store.head());
    }
  }

  /**
   * A damaged line anywhere (first and last lines, lines on both sides of block boundaries,
   * random lines) is named with its number and offset; with a second damaged line after it, the
   * first is still the one named.
   */
  @TestFactory
  Stream<DynamicTest> theFirstDamagedLineIsNamedWhicheverBlockHoldsIt() {
    long seed = 20261203L;
    Random random = new Random(seed);
    List<Integer> numbers = new ArrayList<>(List.of(2, 3, lineCount()));
    for (int block = 1; block <= 3; block++) {
      int boundary = lineAt(block * (long) JournalFile.BLOCK);
      numbers.addAll(List.of(boundary - 1, boundary, boundary + 1));
    }
    for (int i = 0; i < 6; i++) {
      numbers.add(2 + random.nextInt(lineCount() - 1));
    }
    return numbers.stream()
        .map(
            number ->
                DynamicTest.dynamicTest(
                    "line " + number + " (seed " + seed + ")",
                    () -> {
                      writeAJournal();
                      long offset = starts[number - 1];
                      damage(number);
                      if (number + 4000 <= lineCount()) {
                        damage(number + 4000); // decoded by another task, maybe before it
                      }
                      CorruptJournalException e = openFails();
                      assertThat(e.line()).as("seed %d", seed).isEqualTo(number);
                      assertThat(e.offset()).as("seed %d", seed).isEqualTo(offset);
                      assertThat(e).hasMessageContaining("checksum does not match");
                    }));
  }

  /** The number of the line that holds byte {@code offset}. */
  private int lineAt(long offset) {
    int index = Arrays.binarySearch(starts, offset);
    return index >= 0 ? index + 1 : -index - 1;
  }

  @Test
  void anUnreadableLineIsNamedBeforeADamagedLineAfterIt() throws IOException {
    int number = lineAt(2L * JournalFile.BLOCK) + 7;
    edit(number, "\"op\":\"append\"", "\"op\":\"apend\"");
    damage(number + 1);
    damage(lineCount());

    CorruptJournalException e = openFails();

    assertThat(e.line()).isEqualTo(number);
    assertThat(e.offset()).isEqualTo(starts[number - 1]);
    assertThat(e).hasMessageEndingWith("unreadable: $.op (column 7): unknown op \"apend\"; allowed: create, append, erase, redacted");
  }

  /** The parser's own error, as reading the line alone gives it, though later lines were read. */
  @Test
  void aLineThatIsNotJsonIsNamedWithTheParsersErrorForThatLine() throws IOException {
    int number = lineAt(JournalFile.BLOCK) + 3;
    edit(number, "\"expectedVersion\":", "\"expectedVersion\":0");
    String expected;
    try {
      byte[] line = line(number).getBytes(UTF_8);
      JournalCodec.standard().read(line, line.length);
      throw new AssertionError("line " + number + " reads");
    } catch (RuntimeException e) {
      expected = "unreadable: " + e.getMessage();
    }

    CorruptJournalException e = openFails();

    assertThat(e.line()).isEqualTo(number);
    assertThat(e.getMessage()).endsWith(expected);
  }

  @Test
  void anEditedLineBreaksTheChainAtTheLineAfterIt() throws IOException {
    int number = lineAt(JournalFile.BLOCK) - 1;
    edit(number, "acme-retail", "acme-retaiL");

    CorruptJournalException e = openFails();

    assertThat(e.line()).isEqualTo(number + 1);
    assertThat(e).hasMessageContaining("breaks the hash chain");
  }

  @Test
  void aLineTheLedgerRefusesIsNamedInALaterBlock() throws IOException {
    int number = lineCount() - 10; // in the last round of appends
    int version = PER_CUSTOMER - 1;
    edit(number, "\"expectedVersion\":" + version, "\"expectedVersion\":" + (version - 1));

    CorruptJournalException e = openFails();

    assertThat(e.line()).isEqualTo(number);
    assertThat(e.offset()).isEqualTo(starts[number - 1]);
    assertThat(e)
        .hasMessageContaining(
            "at version " + (version - 1) + ", but the ledger is at version " + version);
  }

  @Test
  void aTornLastLineAfterManyBlocksIsCut() throws IOException {
    int lines = lineCount();
    long lastStart = starts[lines - 1];
    byte[] torn = Arrays.copyOf(bytes, bytes.length - 20); // the last line loses its end
    Files.write(journal, torn);

    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      assertThat(store.recovery().cutLine()).isEqualTo(lines);
      assertThat(store.recovery().cutOffset()).isEqualTo(lastStart);
      assertThat(store.recovery().lines()).isEqualTo(lines - 1);
      assertThat(store.recovery().events()).isEqualTo((long) CUSTOMERS * PER_CUSTOMER - 1);
    }
    assertThat(Files.size(journal)).isEqualTo(lastStart);
  }

  @Test
  void aLineLongerThanABlockIsReadWhole() throws IOException {
    // 5 grants of 64 details of 4,000 characters: one line of about 1.3 MB.
    Evidence.Builder evidence = Evidence.builder().source(Source.WEB_FORM).actor(Actor.CUSTOMER);
    for (int d = 0; d < 64; d++) {
      evidence.putDetails("d" + d, String.valueOf((char) ('a' + d % 26)).repeat(4000));
    }
    List<LedgerEvent> grants = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      grants.add(
          Granted.builder()
              .id("big-" + g)
              .at(MARCH_2)
              .addIntents(Intent.DEALS)
              .addChannels(Channel.EMAIL)
              .evidence(evidence.build())
              .build());
    }
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      store.append("c-7", PER_CUSTOMER, grants);
    }
    assertThat(Files.size(journal) - bytes.length).isGreaterThan(JournalFile.BLOCK);

    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      Ledger ledger = store.read("c-7").orElseThrow();
      assertThat(ledger.events().subList(PER_CUSTOMER, PER_CUSTOMER + 5)).isEqualTo(grants);
      assertThat(store.verify().isIntact()).isTrue();
      store.append("c-7", PER_CUSTOMER + 5, List.of(purchase("after-big")));
    }
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      assertThat(store.read("c-7").orElseThrow().version()).isEqualTo(PER_CUSTOMER + 6);
    }
  }

  @Test
  void aDamagedHeaderOfALargeJournalIsRefusedAndLeftAsItIs() throws IOException {
    damage(1);
    byte[] before = Files.readAllBytes(journal);

    CorruptJournalException e = openFails();

    assertThat(e.line()).isEqualTo(1);
    assertThat(e).hasMessageContaining("not a " + JournalCodec.FORMAT + " header");
    assertThat(Files.readAllBytes(journal)).isEqualTo(before);
  }
}
