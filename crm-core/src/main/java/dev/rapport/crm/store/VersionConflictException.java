package dev.rapport.crm.store;

/**
 * A writer appended to a ledger that had changed since it was read. Nothing was written; read
 * the ledger again, decide again, and retry.
 */
public final class VersionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String customerId;
  private final int expectedVersion;
  private final int actualVersion;

  /** A conflict on the customer's ledger. */
  public VersionConflictException(String customerId, int expectedVersion, int actualVersion) {
    super(
        String.format(
            "ledger of customer %s is at version %d, not the expected %d: read it again and retry",
            customerId, actualVersion, expectedVersion));
    this.customerId = customerId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** The customer whose ledger changed. */
  public String customerId() {
    return customerId;
  }

  /** The version the writer expected. */
  public int expectedVersion() {
    return expectedVersion;
  }

  /** The version the store holds. */
  public int actualVersion() {
    return actualVersion;
  }
}
