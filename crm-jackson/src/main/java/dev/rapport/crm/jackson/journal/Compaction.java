package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.jackson.journal.record.JournalRecord.Append;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Create;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Header;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Redacted;
import dev.rapport.crm.jackson.journal.record.JournalRecord;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a journal whole through {@link JournalFile#replace} (a new file, forced, renamed over
 * the old one): erasure replaces every create and append line of an erased customer by a {@code
 * redacted} line keeping only the customer id and the line's digest, so every chain value stays
 * the same; an upgrade from {@code rapport-journal/1} re-encodes every line with its chain link
 * (and erases the customers that format kept erased events for).
 */
final class Compaction {
  private Compaction() {}

  /** The sealed header line of a new journal. */
  static byte[] headerLine(JournalCodec codec) {
    return LineFrame.seal(Chain.withPrev(codec.header(), Chain.GENESIS));
  }

  /**
   * Rewrites the journal, redacting the lines of the customers in {@code erase}; with {@code
   * upgrade}, the journal is in {@code rapport-journal/1} and every line is re-encoded. Returns
   * the chain head of the new journal.
   *
   * @param ledgers the replayed ledgers (an upgrade takes erased customers' tombstones from them)
   */
  static byte[] rewrite(
      JournalFile file,
      JournalCodec codec,
      Set<String> erase,
      boolean upgrade,
      Map<String, Ledger> ledgers)
      throws IOException {
    MessageDigest sha = Chain.sha256();
    byte[][] head = {Chain.GENESIS};
    file.replace(
        sink ->
            file.readLines(
                (number, offset, bytes, length, terminated) -> {
                  JournalRecord record = codec.read(bytes, length);
                  if (upgrade) {
                    for (byte[][] line : upgraded(codec, record, erase, ledgers)) {
                      head[0] = write(sink, sha, head[0], line[0], line[1]);
                    }
                    return;
                  }
                  String owner = owner(record);
                  if (owner != null && erase.contains(owner)) {
                    int contentEnd = Chain.contentEnd(bytes, length);
                    byte[] digest = Chain.contentDigest(sha, bytes, contentEnd);
                    head[0] = write(sink, sha, head[0], codec.redacted(owner, digest), digest);
                  } else {
                    sink.write(bytes, 0, length);
                    sink.write(NEWLINE, 0, 1);
                    int contentEnd = Chain.contentEnd(bytes, length);
                    byte[] digest =
                        record instanceof Redacted
                            ? ((Redacted) record).digest()
                            : Chain.contentDigest(sha, bytes, contentEnd);
                    head[0] = Chain.link(sha, head[0], digest);
                  }
                }));
    return head[0];
  }

  private static final byte[] NEWLINE = {'\n'};

  /** The customer a create or append line belongs to; null for other lines. */
  private static String owner(JournalRecord record) {
    if (record instanceof Create) {
      return ((Create) record).customer().id();
    }
    if (record instanceof Append) {
      return ((Append) record).customerId();
    }
    return null;
  }

  /**
   * The lines that a {@code rapport-journal/1} line becomes, each as its content and its chain
   * digest (for a redacted line, the digest of the content it replaces).
   */
  private static List<byte[][]> upgraded(
      JournalCodec codec, JournalRecord record, Set<String> erase, Map<String, Ledger> ledgers) {
    if (record instanceof Header) {
      return List.<byte[][]>of(plain(codec.header()));
    }
    if (record instanceof Create) {
      Create create = (Create) record;
      byte[] content = codec.create(create.customer());
      String id = create.customer().id();
      return List.<byte[][]>of(erase.contains(id) ? redacted(codec, id, content) : plain(content));
    }
    Append append = (Append) record;
    String id = append.customerId();
    byte[] content = codec.append(id, append.expectedVersion(), append.events());
    if (!erase.contains(id)) {
      return List.<byte[][]>of(plain(content));
    }
    for (int i = 0; i < append.events().size(); i++) {
      LedgerEvent event = append.events().get(i);
      if (event instanceof Erased) {
        Ledger tombstone = ledgers.get(id).tombstone();
        byte[] erasure =
            codec.erase(
                id, append.expectedVersion() + i, tombstone.customer(), (Erased) tombstone.events().get(0));
        return List.<byte[][]>of(redacted(codec, id, content), plain(erasure));
      }
    }
    return List.<byte[][]>of(redacted(codec, id, content));
  }

  private static byte[][] plain(byte[] content) {
    return new byte[][] {content, Chain.digest(content)};
  }

  private static byte[][] redacted(JournalCodec codec, String id, byte[] content) {
    byte[] digest = Chain.digest(content);
    return new byte[][] {codec.redacted(id, digest), digest};
  }

  /** Writes a line of {@code content} whose chain digest is {@code digest}; returns the new head. */
  private static byte[] write(
      JournalFile.Sink sink, MessageDigest sha, byte[] prev, byte[] content, byte[] digest)
      throws IOException {
    byte[] line = LineFrame.seal(Chain.withPrev(content, prev));
    sink.write(line, 0, line.length);
    return Chain.link(sha, prev, digest);
  }
}
