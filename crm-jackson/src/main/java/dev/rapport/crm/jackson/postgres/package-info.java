/**
 * A {@link dev.rapport.crm.store.LedgerStore} on PostgreSQL ({@link
 * dev.rapport.crm.jackson.postgres.PostgresLedgerStore}), shared by several application instances:
 * plain JDBC on a {@link javax.sql.DataSource}, events as {@code jsonb} in the wire format, and a
 * versioned schema script ({@code schema-1.sql}) kept beside the classes.
 */
@NullMarked
package dev.rapport.crm.jackson.postgres;

import org.jspecify.annotations.NullMarked;
