package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.LedgerEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Writes journal lines, chained and checksummed, straight to a stream without a store or
 * forces: for benchmarks that need a large journal fast.
 */
final class JournalLines {
  private final OutputStream out;
  private final JournalCodec codec = JournalCodec.standard();
  private final MessageDigest sha = Chain.sha256();
  private byte[] head;

  JournalLines(OutputStream out) throws IOException {
    this.out = out;
    out.write(Compaction.headerLine(codec));
    head = Chain.link(sha, Chain.GENESIS, Chain.digest(codec.header()));
  }

  void create(CustomerProfile customer) throws IOException {
    write(codec.create(customer));
  }

  void append(String customerId, int expectedVersion, List<? extends LedgerEvent> events)
      throws IOException {
    write(codec.append(customerId, expectedVersion, events));
  }

  /** Writes {@code content} (a compact JSON object) as the next line, chained and checksummed. */
  void write(byte[] content) throws IOException {
    out.write(LineFrame.seal(Chain.withPrev(content, head)));
    head = Chain.link(sha, head, Chain.digest(content));
  }
}
