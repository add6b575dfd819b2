package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.grant;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JournalCrashTest {
  @TempDir Path dir;

  private Path journal;
  private byte[] intact;
  private Map<String, Ledger> written;

  /** A journal of three customers whose last line appends two events to c-1. */
  @BeforeEach
  void writeAJournal() throws IOException {
    journal = dir.resolve("ledgers.journal");
    written = new HashMap<>();
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      for (String id : List.of("c-1", "c-2", "c-3")) {
        store.create(customer(id));
        store.append(id, 0, List.of(grant(id + "-e1")));
      }
      store.append("c-2", 1, List.of(purchase("c-2-p1")));
      store.append("c-1", 1, List.of(purchase("c-1-p1"), purchase("c-1-p2")));
      store.customerIds().forEach(id -> written.put(id, store.read(id).orElseThrow()));
    }
    intact = Files.readAllBytes(journal);
  }

  @Test
  void aJournalCutAtEveryByteOfItsLastLineKeepsEveryEarlierEventAndReportsTheCut()
      throws IOException {
    int lastLineStart = lastLineStart(intact);
    int lastLineNumber = lineCount(intact);
    Ledger c1BeforeLastLine =
        Ledger.of(customer("c-1"), written.get("c-1").events().subList(0, 1));
    for (int cut = lastLineStart + 1; cut < intact.length; cut++) {
      Files.write(journal, Arrays.copyOf(intact, cut));

      try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
        Recovery recovery = store.recovery();
        assertThat(recovery.isClean()).as("cut at %d", cut).isFalse();
        assertThat(recovery.cutLine()).isEqualTo(lastLineNumber);
        assertThat(recovery.cutOffset()).isEqualTo(lastLineStart);
        assertThat(recovery.cutBytes()).isEqualTo(cut - lastLineStart);
        assertThat(recovery.cause()).get().asString().contains("no newline");
        assertThat(store.read("c-1")).contains(c1BeforeLastLine);
        assertThat(store.read("c-2")).contains(written.get("c-2"));
        assertThat(store.read("c-3")).contains(written.get("c-3"));
      }
      assertThat(Files.size(journal)).isEqualTo(lastLineStart);
    }
  }

  @Test
  void aCutJournalTakesNewAppendsAfterTheCut() throws IOException {
    int lastLineStart = lastLineStart(intact);
    Files.write(journal, Arrays.copyOf(intact, lastLineStart + 10));

    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      store.append("c-1", 1, List.of(purchase("c-1-p9")));
    }
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      assertThat(store.recovery().isClean()).isTrue();
      assertThat(store.read("c-1").orElseThrow().events())
          .extracting(LedgerEvent::id)
          .containsExactly("c-1-e1", "c-1-p9");
    }
  }

  /**
   * crm-jackson/README.md, "The durable ledger store": only a line without its newline is torn.
   * A complete last line whose checksum fails was written whole and acknowledged: it is refused,
   * named, and left on disk.
   */
  @Test
  void aCompleteLastLineWithABadChecksumIsRefusedNamingItAndNothingIsCut() throws IOException {
    byte[] damaged = intact.clone();
    int lastLineStart = lastLineStart(intact);
    damaged[lastLineStart + 20] ^= 0x04;
    Files.write(journal, damaged);

    assertThatThrownBy(() -> JournalLedgerStore.open(journal))
        .isInstanceOfSatisfying(
            CorruptJournalException.class,
            e -> {
              assertThat(e.line()).isEqualTo(lineCount(intact));
              assertThat(e.offset()).isEqualTo(lastLineStart);
            })
        .hasMessageContaining("line " + lineCount(intact))
        .hasMessageContaining("checksum");
    assertThat(Files.readAllBytes(journal)).isEqualTo(damaged);
  }

  @Test
  void zerosLeftAfterTheLastLineByACrashAreCut() throws IOException {
    byte[] withZeros = Arrays.copyOf(intact, intact.length + 4096);
    Files.write(journal, withZeros);

    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      assertThat(store.recovery().cutBytes()).isEqualTo(4096);
      assertThat(store.recovery().cutLine()).isEqualTo(lineCount(intact) + 1);
      written.forEach((id, ledger) -> assertThat(store.read(id)).contains(ledger));
    }
  }

  @Test
  void aCorruptMiddleLineFailsTheOpenNamingTheLineAndChangesNothing() throws IOException {
    byte[] damaged = intact.clone();
    int line4 = lineStart(intact, 4);
    damaged[line4 + 15] ^= 0x01;
    Files.write(journal, damaged);

    assertThatThrownBy(() -> JournalLedgerStore.open(journal))
        .isInstanceOfSatisfying(
            CorruptJournalException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.offset()).isEqualTo(line4);
            })
        .hasMessageContaining("line 4")
        .hasMessageContaining("checksum");
    assertThat(Files.readAllBytes(journal)).isEqualTo(damaged);
    // Refused, not left locked.
    Files.write(journal, intact);
    JournalLedgerStore.open(journal).close();
  }

  @Test
  void aLostNewlineInTheMiddleIsCorruptionNotATornTail() throws IOException {
    int line3 = lineStart(intact, 3);
    int line4 = lineStart(intact, 4);
    byte[] damaged = intact.clone();
    damaged[line4 - 1] = ' ';
    Files.write(journal, damaged);

    assertThatThrownBy(() -> JournalLedgerStore.open(journal))
        .isInstanceOfSatisfying(
            CorruptJournalException.class, e -> assertThat(e.offset()).isEqualTo(line3))
        .hasMessageContaining("line 3");
  }

  @Test
  void aLineThatChecksButDoesNotFollowItsLedgerIsCorruption() throws IOException {
    // Replaying the append to c-1 twice: framed correctly, but at a version the ledger has passed.
    int lastLineStart = lastLineStart(intact);
    byte[] last = Arrays.copyOfRange(intact, lastLineStart, intact.length);
    byte[] doubled = Arrays.copyOf(intact, intact.length + last.length);
    System.arraycopy(last, 0, doubled, intact.length, last.length);
    Files.write(journal, doubled);

    assertThatThrownBy(() -> JournalLedgerStore.open(journal))
        .isInstanceOf(CorruptJournalException.class)
        .hasMessageContaining("line " + (lineCount(intact) + 1))
        .hasMessageContaining("hash chain");
  }

  @Test
  void aFileThatIsNotAJournalIsRefusedAndLeftAlone() throws IOException {
    byte[] notes = "shopping list: eggs, milk".getBytes(UTF_8);
    Files.write(journal, notes);

    assertThatThrownBy(() -> JournalLedgerStore.open(journal))
        .isInstanceOf(CorruptJournalException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("rapport-journal/2");
    assertThat(Files.readAllBytes(journal)).isEqualTo(notes);
  }

  @Test
  void aProcessKilledMidAppendsLosesNoAcknowledgedEvent() throws Exception {
    Path killed = dir.resolve("killed.journal");
    Process child = java("append", killed.toString(), "4");
    List<String> acks = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
      assertThat(out.readLine()).isEqualTo("ready");
      String line;
      while (acks.size() < 400 && (line = out.readLine()) != null) {
        acks.add(line);
      }
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      try {
        while ((line = out.readLine()) != null) {
          acks.add(line);
        }
      } catch (IOException e) {
        // the pipe went away with the process
      }
    }
    assertThat(acks).hasSizeGreaterThanOrEqualTo(400);

    try (JournalLedgerStore store = JournalLedgerStore.open(killed)) {
      for (String ack : acks) {
        String[] parts = ack.split(" ");
        if (parts.length < 3) {
          continue;
        }
        Ledger ledger = store.read(parts[1]).orElseThrow();
        assertThat(ledger.event(parts[2])).as("acknowledged %s", ack).isPresent();
      }
      for (String id : store.customerIds()) {
        List<LedgerEvent> events = store.read(id).orElseThrow().events();
        for (int i = 0; i < events.size(); i++) {
          assertThat(events.get(i).id()).isEqualTo(id + "-" + i);
        }
      }
    }
  }

  /**
   * A SIGKILL during appends and erasures (each erasure rewrites the journal), repeated: no
   * acknowledged event or erasure is lost, and no erased customer's personal details are left in
   * any file ({@code crm-jackson/README.md}, "Erasure").
   */
  @Test
  void processesKilledWhileErasingLoseNoAcknowledgedWriteAndLeaveNoErasedValueOnDisk() throws Exception {
    Path killed = dir.resolve("erasing.journal");
    Map<String, List<String>> acked = new HashMap<>();
    List<String> erasedAcks = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      Process child = java("erase", killed.toString(), "3", String.valueOf(run));
      List<String> lines = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
        assertThat(out.readLine()).isEqualTo("ready");
        String line;
        while (lines.size() < 120 + 40 * run && (line = out.readLine()) != null) {
          lines.add(line);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try {
          while ((line = out.readLine()) != null) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the pipe went away with the process
        }
      }
      for (String line : lines) {
        String[] parts = line.split(" ");
        if (parts[0].equals("ack") && parts.length == 3) {
          acked.computeIfAbsent(parts[1], id -> new ArrayList<>()).add(parts[2]);
        } else if (parts[0].equals("erased") && parts.length == 2) {
          erasedAcks.add(parts[1]);
        }
      }

      List<String> tombstones = new ArrayList<>();
      try (JournalLedgerStore store = JournalLedgerStore.open(killed)) {
        for (var entry : acked.entrySet()) {
          Ledger ledger = store.read(entry.getKey()).orElseThrow();
          if (ledger.erased().isPresent()) {
            assertThat(ledger.events()).as("tombstone of %s", entry.getKey()).hasSize(1);
            tombstones.add(entry.getKey());
            continue;
          }
          for (String event : entry.getValue()) {
            assertThat(ledger.event(event)).as("acknowledged %s", event).isPresent();
          }
        }
        for (String id : erasedAcks) {
          assertThat(store.read(id).orElseThrow().erased()).as("acknowledged erasure of %s", id).isPresent();
        }
        assertThat(store.verify().isIntact()).isTrue();
      }
      assertThat(tombstones).as("run %d erased someone", run).isNotEmpty();
      for (String id : tombstones) {
        assertThat(JournalErasureTest.filesHolding(dir, JournalErasureTest.personal(id))).as("erased %s", id).isEmpty();
      }
    }
  }

  /**
   * The lock is on the journal file itself: a second process is refused whatever path reaches
   * the file, a symbolic link or a hard link.
   */
  @Test
  @SuppressWarnings("try") // the store is held open for its effect on the journal, not used by name
  void anotherProcessCannotOpenAnOpenJournalThroughALinkToIt() throws Exception {
    Path symlink = dir.resolve("symlink.journal");
    Path hardLink = dir.resolve("hardlink.journal");
    Files.createSymbolicLink(symlink, journal);
    Files.createLink(hardLink, journal);
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      for (Path path : List.of(symlink, hardLink)) {
        Process child = java("open", path.toString());
        String answer;
        try (BufferedReader out =
            new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
          answer = out.readLine();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(answer).as("opening %s", path).startsWith("refused").contains("another process holds");
      }
      assertThatThrownBy(() -> JournalLedgerStore.open(hardLink))
          .isInstanceOf(JournalInUseException.class)
          .hasMessageContaining("already open in this JVM");
    }
  }

  /** A journal is created whole (header written aside and linked in), so a lone fragment is not one. */
  @Test
  void aFileHoldingOnlyAnOpeningBraceIsRefusedAndLeftAlone() throws IOException {
    Files.write(journal, "{".getBytes(UTF_8));

    assertThatThrownBy(() -> JournalLedgerStore.open(journal))
        .isInstanceOfSatisfying(CorruptJournalException.class, e -> assertThat(e.line()).isEqualTo(1))
        .hasMessageContaining("not a whole rapport-journal/2 header");
    assertThat(Files.readAllBytes(journal)).isEqualTo("{".getBytes(UTF_8));
  }

  @SuppressWarnings("try") // the store is held open for its effect on the journal, not used by name
  @Test
  void anotherProcessCannotOpenAnOpenJournal() throws Exception {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      Process child = java("open", journal.toString());
      String answer;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
        answer = out.readLine();
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(answer).startsWith("refused").contains("another process holds");
    }
  }

  private static Process java(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(classPath());
    command.add(AppendingProcess.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** This JVM's class path, plus its module path when Surefire runs the tests as a module. */
  private static String classPath() {
    String classPath = System.getProperty("java.class.path", "");
    String modulePath = System.getProperty("jdk.module.path", "");
    return modulePath.isEmpty() ? classPath : modulePath + java.io.File.pathSeparator + classPath;
  }

  private static int lastLineStart(byte[] bytes) {
    int i = bytes.length - 2;
    while (i >= 0 && bytes[i] != '\n') {
      i--;
    }
    return i + 1;
  }

  /** The offset at which line {@code number} (from 1) starts. */
  private static int lineStart(byte[] bytes, int number) {
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (line == number) {
        return i;
      }
      if (bytes[i] == '\n') {
        line++;
      }
    }
    throw new IllegalArgumentException("no line " + number);
  }

  private static int lineCount(byte[] bytes) {
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
