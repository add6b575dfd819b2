package dev.rapport.crm.jackson.journal.record;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.LedgerEvent;
import java.util.List;

/**
 * What one journal line holds ({@code crm-jackson/README.md}, "The journal format"), as read back
 * by the wire format module's reader of journal lines and applied by the journal store. Shared
 * by those two packages of this module and not exported by it: not part of the API.
 */
public sealed interface JournalRecord
    permits JournalRecord.Header,
        JournalRecord.Create,
        JournalRecord.Append,
        JournalRecord.Erase,
        JournalRecord.Redacted {

  /** The first line of every journal. */
  record Header(String format) implements JournalRecord {}

  /** A customer was created with an empty ledger. */
  record Create(CustomerProfile customer) implements JournalRecord {}

  /** Events were appended to a customer's ledger at {@code expectedVersion}. */
  record Append(String customerId, int expectedVersion, List<LedgerEvent> events)
      implements JournalRecord {}

  /**
   * The customer was erased at {@code expectedVersion}: what remains is the tombstone, the
   * profile and the erased event without evidence details.
   */
  record Erase(String customerId, int expectedVersion, CustomerProfile customer, Erased event)
      implements JournalRecord {}

  /** A create or append line of an erased customer, of which only the digest remains. */
  record Redacted(String customerId, byte[] digest) implements JournalRecord {}
}
