package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.jackson.journal.record.JournalRecord.Append;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Create;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Erase;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Header;
import dev.rapport.crm.jackson.journal.record.JournalRecord;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Redacted;
import dev.rapport.crm.ledger.Ledger;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Replays a journal into ledgers, cutting a torn last line and refusing any other damage; checks
 * the hash chain of every line; finishes an erasure a crash interrupted; upgrades a {@code
 * rapport-journal/1} journal. A new (empty) journal gets its header line. The lines are read,
 * checked alone and decoded by {@link Decoding}; this class folds them in order.
 *
 * <p>A line is <em>torn</em> only when it has no newline: a crash cut its write short, always at
 * the end of the file, and its write was never acknowledged. A complete line whose checksum does
 * not match, that breaks the chain, or that does not read or apply (a version that does not
 * follow, an event the ledger refuses) is corruption, wherever it is: acknowledged data is never
 * cut.
 */
final class Replay {
  private final Map<String, Ledger> ledgers;
  private final Set<String> erased;
  private final Recovery recovery;
  private final byte[] head;

  private Replay(Map<String, Ledger> ledgers, Set<String> erased, Recovery recovery, byte[] head) {
    this.ledgers = ledgers;
    this.erased = erased;
    this.recovery = recovery;
    this.head = head;
  }

  Map<String, Ledger> ledgers() {
    return ledgers;
  }

  /** The customers whose ledger is a tombstone. */
  Set<String> erased() {
    return erased;
  }

  Recovery recovery() {
    return recovery;
  }

  /** The chain value after the last line. */
  byte[] head() {
    return head;
  }

  static Replay of(JournalFile file, JournalCodec codec) throws IOException {
    if (file.size() == 0) {
      // An empty file (created by hand, or by a version that wrote no header first): a new journal.
      file.appendAndForce(Compaction.headerLine(codec));
    }
    Scan scan = new Scan(file);
    Decoding.replay(file, codec, scan);
    int cutLine = 0;
    long cutOffset = -1;
    long cutBytes = 0;
    String cause = null;
    if (scan.tornLine > 0) {
      cutLine = scan.tornLine;
      cutOffset = scan.tornOffset;
      cutBytes = file.size() - cutOffset;
      cause = "line " + scan.tornLine + " has no newline: a write cut short";
      file.truncate(cutOffset);
    }
    for (String id : scan.redacted) {
      if (!scan.erased.contains(id)) {
        throw new CorruptJournalException(
            file.path(), scan.intactLines, 0, "redacts lines of customer " + id + ", who was never erased", null);
      }
    }
    boolean upgrade = scan.version1;
    Set<String> toErase = new HashSet<>(scan.pendingErasure);
    if (upgrade) {
      scan.ledgers.forEach((id, ledger) -> {
        if (ledger.erased().isPresent()) {
          toErase.add(id);
        }
      });
    }
    byte[] head = scan.chain;
    if (upgrade || !toErase.isEmpty()) {
      head = Compaction.rewrite(file, codec, toErase, upgrade, scan.ledgers);
      for (String id : toErase) {
        scan.ledgers.put(id, scan.ledgers.get(id).tombstone());
        scan.erased.add(id);
      }
    }
    long events = scan.ledgers.values().stream().mapToLong(Ledger::version).sum();
    return new Replay(
        scan.ledgers,
        scan.erased,
        new Recovery(
            scan.intactLines, scan.ledgers.size(), events, cutLine, cutOffset, cutBytes, cause),
        head);
  }

  /** Folds the lines: checks each line's place in the journal and its chain link, and applies it. */
  private static final class Scan implements Decoding.Fold {
    private final JournalFile file;
    private final MessageDigest sha = Chain.sha256();
    final Map<String, Ledger> ledgers = new LinkedHashMap<>();
    /** Customers whose ledger is a tombstone. */
    final Set<String> erased = new HashSet<>();
    /** Erased customers whose earlier lines are still on disk (a crash before compaction). */
    final Set<String> pendingErasure = new HashSet<>();
    /** Customers with redacted lines. */
    final Set<String> redacted = new HashSet<>();
    byte[] chain = Chain.GENESIS;
    boolean version1;
    int intactLines;
    int tornLine;
    long tornOffset;

    Scan(JournalFile file) {
      this.file = file;
    }

    @Override
    public void torn(int number, long offset) throws CorruptJournalException {
      if (number == 1) {
        throw corrupt(
            number,
            offset,
            "not a whole " + JournalCodec.FORMAT + " header (no newline); a journal is created"
                + " whole, so this file is not one this store wrote: nothing was changed",
            null);
      }
      tornLine = number;
      tornOffset = offset;
    }

    @Override
    public void line(int number, Decoding.Line line) throws CorruptJournalException {
      long offset = line.offset();
      if (!line.intact()) {
        throw corrupt(
            number,
            offset,
            number == 1 && !line.headerLike()
                ? "not a " + JournalCodec.FORMAT + " header"
                : "damaged: a complete line whose checksum does not match (a torn write has no"
                    + " newline; this line was written whole and changed since)",
            null);
      }
      JournalRecord record = line.record();
      if (record == null) {
        RuntimeException e = line.unreadable();
        throw corrupt(number, offset, "unreadable: " + (e == null ? null : e.getMessage()), e);
      }
      if (number == 1) {
        if (!(record instanceof Header)) {
          throw corrupt(number, offset, "not a " + JournalCodec.FORMAT + " header", null);
        }
        String format = ((Header) record).format();
        if (format.equals(JournalCodec.FORMAT_1)) {
          version1 = true;
          intactLines++;
          return;
        }
        if (!format.equals(JournalCodec.FORMAT)) {
          throw corrupt(
              number,
              offset,
              "format " + format + " is not " + JournalCodec.FORMAT + " (nor " + JournalCodec.FORMAT_1 + ", which is upgraded)",
              null);
        }
      }
      if (!version1) {
        link(number, offset, line);
      }
      apply(number, offset, record);
      intactLines++;
    }

    private void link(int number, long offset, Decoding.Line line) throws CorruptJournalException {
      byte[] prev = line.prev();
      byte[] digest = line.digest();
      if (prev == null || digest == null) {
        throw corrupt(number, offset, "has no hash-chain link ('prev') before its checksum", null);
      }
      if (!Arrays.equals(prev, chain)) {
        throw corrupt(
            number,
            offset,
            "breaks the hash chain: its 'prev' does not match the lines before it (a line before"
                + " it was changed, removed or inserted)",
            null);
      }
      chain = Chain.link(sha, chain, digest);
    }

    private void apply(int number, long offset, JournalRecord record) throws CorruptJournalException {
      if (number == 1) {
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
      if (record instanceof Redacted) {
        if (version1) {
          throw corrupt(number, offset, "a redacted line in a " + JournalCodec.FORMAT_1 + " journal", null);
        }
        redacted.add(((Redacted) record).customerId());
        return;
      }
      if (record instanceof Erase) {
        erase(number, offset, (Erase) record);
        return;
      }
      Append append = (Append) record;
      Ledger ledger = ledgers.get(append.customerId());
      if (ledger == null) {
        throw corrupt(number, offset, "appends to unknown customer " + append.customerId(), null);
      }
      if (erased.contains(append.customerId())) {
        throw corrupt(number, offset, "appends to customer " + append.customerId() + ", who was erased", null);
      }
      checkVersion(number, offset, append.customerId(), append.expectedVersion(), ledger);
      try {
        ledgers.put(append.customerId(), ledger.append(append.events()));
      } catch (RuntimeException e) {
        throw corrupt(number, offset, "the ledger refuses its events: " + e.getMessage(), e);
      }
    }

    private void erase(int number, long offset, Erase erase) throws CorruptJournalException {
      if (version1) {
        throw corrupt(number, offset, "an erase line in a " + JournalCodec.FORMAT_1 + " journal", null);
      }
      String id = erase.customerId();
      if (!erase.customer().id().equals(id)) {
        throw corrupt(number, offset, "erases customer " + id + " with the profile of " + erase.customer().id(), null);
      }
      if (erase.event().evidence().map(e -> !e.details().isEmpty()).orElse(false)) {
        throw corrupt(number, offset, "erases customer " + id + " but keeps evidence details", null);
      }
      if (erased.contains(id)) {
        throw corrupt(number, offset, "erases customer " + id + " a second time", null);
      }
      Ledger tombstone;
      try {
        tombstone = Ledger.of(erase.customer(), java.util.List.of(erase.event()));
      } catch (RuntimeException e) {
        throw corrupt(number, offset, "the tombstone is refused: " + e.getMessage(), e);
      }
      Ledger ledger = ledgers.get(id);
      if (ledger != null) {
        // Its earlier lines are still on disk: the erasure's compaction did not finish.
        checkVersion(number, offset, id, erase.expectedVersion(), ledger);
        pendingErasure.add(id);
      }
      ledgers.put(id, tombstone);
      erased.add(id);
    }

    private void checkVersion(int number, long offset, String id, int expected, Ledger ledger)
        throws CorruptJournalException {
      if (ledger.version() != expected) {
        throw corrupt(
            number,
            offset,
            String.format(
                "appends to customer %s at version %d, but the ledger is at version %d",
                id, expected, ledger.version()),
            null);
      }
    }

    private CorruptJournalException corrupt(
        int number, long offset, String why, @Nullable Throwable cause) {
      return new CorruptJournalException(file.path(), number, offset, why, cause);
    }
  }
}
