package dev.rapport.crm.jackson.journal;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What opening a journal found: how much it replayed and whether it cut a torn last line. A
 * torn line is one a crash left half-written, without its newline; its append was never
 * acknowledged, since an append returns only after its whole line is on disk. (A complete line
 * that fails its checksum is not torn: opening refuses it with {@link CorruptJournalException}.)
 *
 * <pre>{@code
 * try (JournalLedgerStore store = JournalLedgerStore.open(path)) {
 *   if (!store.recovery().isClean()) {
 *     alert(store.recovery().toString());
 *   }
 * }
 * }</pre>
 */
public final class Recovery {
  private final int lines;
  private final int customers;
  private final long events;
  private final int cutLine;
  private final long cutOffset;
  private final long cutBytes;
  private final @Nullable String cause;

  Recovery(
      int lines,
      int customers,
      long events,
      int cutLine,
      long cutOffset,
      long cutBytes,
      @Nullable String cause) {
    this.lines = lines;
    this.customers = customers;
    this.events = events;
    this.cutLine = cutLine;
    this.cutOffset = cutOffset;
    this.cutBytes = cutBytes;
    this.cause = cause;
  }

  /** Whether the journal was intact: nothing was cut. */
  public boolean isClean() {
    return cutBytes == 0;
  }

  /** The number of intact lines replayed, the header line included. */
  public int lines() {
    return lines;
  }

  /** The number of customers replayed. */
  public int customers() {
    return customers;
  }

  /** The number of events replayed, over all customers. */
  public long events() {
    return events;
  }

  /** The number (from 1) of the torn line that was cut, or 0 when nothing was cut. */
  public int cutLine() {
    return cutLine;
  }

  /** The byte offset at which the journal was cut (its new size), or -1 when nothing was cut. */
  public long cutOffset() {
    return cutOffset;
  }

  /** The number of bytes cut away; 0 when the journal was intact. */
  public long cutBytes() {
    return cutBytes;
  }

  /** Why the last line was judged torn; empty when nothing was cut. */
  public Optional<String> cause() {
    return Optional.ofNullable(cause);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof Recovery)) {
      return false;
    }
    Recovery that = (Recovery) other;
    return lines == that.lines
        && customers == that.customers
        && events == that.events
        && cutLine == that.cutLine
        && cutOffset == that.cutOffset
        && cutBytes == that.cutBytes
        && Objects.equals(cause, that.cause);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lines, customers, events, cutLine, cutOffset, cutBytes, cause);
  }

  @Override
  public String toString() {
    String replayed =
        String.format("replayed %d lines: %d customers, %d events", lines, customers, events);
    return isClean()
        ? "Recovery{clean, " + replayed + "}"
        : String.format(
            "Recovery{cut %d bytes of torn line %d at byte %d (%s), %s}",
            cutBytes, cutLine, cutOffset, cause, replayed);
  }
}
