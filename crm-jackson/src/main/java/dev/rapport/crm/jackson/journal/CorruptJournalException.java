package dev.rapport.crm.jackson.journal;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A journal holds a damaged or inconsistent line (a complete line whose checksum or hash-chain
 * link fails, or a line that does not apply), so opening it would lose or invent data. Nothing was changed on disk: restore the line from a backup, or
 * inspect it with the line number and byte offset given.
 */
public final class CorruptJournalException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path journal;
  private final int line;
  private final long offset;

  CorruptJournalException(Path journal, int line, long offset, String why, @Nullable Throwable cause) {
    super(String.format("journal %s is corrupt at line %d (byte %d): %s", journal, line, offset, why), cause);
    this.journal = journal;
    this.line = line;
    this.offset = offset;
  }

  /** The journal. */
  public Path journal() {
    return journal;
  }

  /** The number of the damaged line, counting from 1. */
  public int line() {
    return line;
  }

  /** The byte offset at which the damaged line starts. */
  public long offset() {
    return offset;
  }
}
