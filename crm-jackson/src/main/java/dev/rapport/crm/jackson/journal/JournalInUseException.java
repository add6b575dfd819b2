package dev.rapport.crm.jackson.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal could not be opened because another {@link JournalLedgerStore}, in this JVM or in
 * another process, has it open. Two writers on one journal would corrupt it, so the second open
 * is refused.
 */
public final class JournalInUseException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path journal;

  JournalInUseException(Path journal, String why) {
    super("journal " + journal + " is in use: " + why);
    this.journal = journal;
  }

  /** The journal that is in use. */
  public Path journal() {
    return journal;
  }
}
