package dev.rapport.crm.jackson.postgres;

/**
 * The PostgreSQL ledger store could not do what was asked: the server could not be reached or
 * failed a statement, the schema is missing or of an unknown version, or stored rows break the
 * store's invariants. The cause, when there is one, is the driver's {@link java.sql.SQLException}.
 * A write that fails this way was rolled back, unless the connection broke during its commit: read
 * the ledger again to see whether it was stored.
 */
public final class PostgresStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PostgresStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  PostgresStoreException(String message) {
    super(message);
  }
}
