package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.jackson.journal.JournalCodec.Append;
import dev.rapport.crm.jackson.journal.JournalCodec.Create;
import dev.rapport.crm.jackson.journal.JournalCodec.Header;
import dev.rapport.crm.jackson.journal.JournalCodec.Record;
import dev.rapport.crm.ledger.Ledger;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Replays a journal into ledgers, cutting a torn last line and refusing any other damage. A new
 * (empty) journal gets its header line.
 *
 * <p>A line is <em>torn</em> when it has no newline (always the last bytes of the file) or when
 * its checksum does not match and no line follows it. Either way its write was never
 * acknowledged. A line whose checksum matches but which does not read or does not apply (a
 * version that does not follow, an event the ledger refuses) is corruption, wherever it is.
 */
final class Replay {
  private final Map<String, Ledger> ledgers;
  private final Recovery recovery;

  private Replay(Map<String, Ledger> ledgers, Recovery recovery) {
    this.ledgers = ledgers;
    this.recovery = recovery;
  }

  Map<String, Ledger> ledgers() {
    return ledgers;
  }

  Recovery recovery() {
    return recovery;
  }

  static Replay of(JournalFile file, JournalCodec codec) throws IOException {
    Map<String, Ledger> ledgers = new HashMap<>();
    Scan scan = new Scan(file, codec, ledgers);
    file.readLines(scan);
    long size = file.size();
    int cutLine = 0;
    long cutOffset = -1;
    long cutBytes = 0;
    String cause = null;
    if (scan.suspectLine > 0) {
      cutLine = scan.suspectLine;
      cutOffset = scan.suspectOffset;
      cutBytes = size - cutOffset;
      cause = scan.suspectCause;
      file.truncate(cutOffset);
    }
    int intact = scan.intactLines;
    if (file.size() == 0) {
      file.appendAndForce(LineFrame.seal(codec.header()));
      intact = 1;
    }
    long events = ledgers.values().stream().mapToLong(Ledger::version).sum();
    return new Replay(
        ledgers,
        new Recovery(intact, ledgers.size(), events, cutLine, cutOffset, cutBytes, cause));
  }

  /** Visits the lines, holding back a damaged one until it is known to be the last. */
  private static final class Scan implements JournalFile.LineVisitor {
    private final JournalFile file;
    private final JournalCodec codec;
    private final Map<String, Ledger> ledgers;
    int intactLines;
    int suspectLine;
    long suspectOffset;
    @Nullable String suspectCause;

    Scan(JournalFile file, JournalCodec codec, Map<String, Ledger> ledgers) {
      this.file = file;
      this.codec = codec;
      this.ledgers = ledgers;
    }

    @Override
    public void line(int number, long offset, byte[] bytes, int length, boolean terminated)
        throws IOException {
      if (suspectLine > 0) {
        throw corrupt(suspectLine, suspectOffset, suspectCause + ", and line " + number + " follows it", null);
      }
      if (number == 1 && !isHeaderPrefix(bytes, length)) {
        // Never cut what may be somebody else's file.
        throw corrupt(number, offset, "not a " + JournalCodec.FORMAT + " header", null);
      }
      if (!terminated) {
        suspect(number, offset, "no newline: a write cut short");
        return;
      }
      if (!LineFrame.isIntact(bytes, length)) {
        suspect(number, offset, "damaged: its checksum does not match");
        return;
      }
      Record record;
      try {
        record = codec.read(bytes, length);
      } catch (RuntimeException e) {
        throw corrupt(number, offset, "unreadable: " + e.getMessage(), e);
      }
      apply(number, offset, record);
      intactLines++;
    }

    private boolean isHeaderPrefix(byte[] bytes, int length) {
      byte[] header = LineFrame.seal(codec.header());
      if (length > header.length - 1) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (bytes[i] != header[i]) {
          return false;
        }
      }
      return true;
    }

    private void suspect(int number, long offset, String cause) {
      suspectLine = number;
      suspectOffset = offset;
      suspectCause = "line " + number + " is " + cause;
    }

    private void apply(int number, long offset, Record record) throws CorruptJournalException {
      if (number == 1) {
        if (!(record instanceof Header) || !((Header) record).format().equals(JournalCodec.FORMAT)) {
          throw corrupt(number, offset, "not a " + JournalCodec.FORMAT + " header", null);
        }
        return;
      }
      if (record instanceof Header) {
        throw corrupt(number, offset, "a second header", null);
      }
      if (record instanceof Create) {
        Create create = (Create) record;
        String id = create.customer().id();
        if (ledgers.putIfAbsent(id, Ledger.of(create.customer())) != null) {
          throw corrupt(number, offset, "creates customer " + id + " a second time", null);
        }
        return;
      }
      Append append = (Append) record;
      Ledger ledger = ledgers.get(append.customerId());
      if (ledger == null) {
        throw corrupt(number, offset, "appends to unknown customer " + append.customerId(), null);
      }
      if (ledger.version() != append.expectedVersion()) {
        throw corrupt(
            number,
            offset,
            String.format(
                "appends to customer %s at version %d, but the ledger is at version %d",
                append.customerId(), append.expectedVersion(), ledger.version()),
            null);
      }
      try {
        ledgers.put(append.customerId(), ledger.append(append.events()));
      } catch (RuntimeException e) {
        throw corrupt(number, offset, "the ledger refuses its events: " + e.getMessage(), e);
      }
    }

    private CorruptJournalException corrupt(
        int number, long offset, String why, @Nullable Throwable cause) {
      return new CorruptJournalException(file.path(), number, offset, why, cause);
    }
  }
}
