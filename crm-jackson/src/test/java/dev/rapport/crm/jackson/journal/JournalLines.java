package dev.rapport.crm.jackson.journal;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.LedgerEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes journal lines straight to a stream, without a store or forces: for benchmarks. */
final class JournalLines {
  private final OutputStream out;
  private final JournalCodec codec = JournalCodec.standard();

  JournalLines(OutputStream out) throws IOException {
    this.out = out;
    out.write(LineFrame.seal(codec.header()));
  }

  void create(CustomerProfile customer) throws IOException {
    out.write(LineFrame.seal(codec.create(customer)));
  }

  void append(String customerId, int expectedVersion, List<? extends LedgerEvent> events)
      throws IOException {
    out.write(LineFrame.seal(codec.append(customerId, expectedVersion, events)));
  }
}
