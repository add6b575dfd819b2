package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.grant;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a torn journal logs one WARNING naming the file and the cut (crm-jackson/README.md,
 * the journal). The test logging configuration keeps such expected warnings off the console;
 * a handler on the journal's own logger still receives them, as here.
 */
final class JournalRecoveryLogTest {
  @TempDir Path dir;

  @Test
  void openingATornJournalLogsOneWarningWithTheFileAndTheCut() throws IOException {
    Path journal = dir.resolve("ledgers.journal");
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      store.create(customer("c-1"));
      store.append("c-1", 0, List.of(grant("c-1-e1")));
    }
    byte[] intact = Files.readAllBytes(journal);
    Files.write(journal, Arrays.copyOf(intact, intact.length - 5));

    List<LogRecord> records = logWhileOpening(journal, false);

    assertThat(records).hasSize(1);
    LogRecord warning = records.get(0);
    assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
    assertThat(java.text.MessageFormat.format(warning.getMessage(), warning.getParameters()))
        .contains(journal.toString())
        .contains("cut");
  }

  @Test
  void aCleanJournalLogsNothing() throws IOException {
    Path journal = dir.resolve("clean.journal");
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      store.create(customer("c-1"));
    }
    List<LogRecord> records = logWhileOpening(journal, true);
    assertThat(records).isEmpty();
  }

  /** What the journal's logger publishes while {@code journal} is opened and closed again. */
  private static List<LogRecord> logWhileOpening(Path journal, boolean clean) throws IOException {
    Logger logger = Logger.getLogger(JournalLedgerStore.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      assertThat(store.recovery().isClean()).isEqualTo(clean);
    } finally {
      logger.removeHandler(capture);
    }
    return records;
  }
}
