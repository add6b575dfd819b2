/**
 * A durable embedded {@link dev.rapport.crm.store.LedgerStore}: every customer creation and
 * append is one checksummed JSON line of an append-only journal file, on disk before the call
 * returns. See {@link dev.rapport.crm.jackson.journal.JournalLedgerStore}.
 */
@NullMarked
package dev.rapport.crm.jackson.journal;

import org.jspecify.annotations.NullMarked;
