package dev.rapport.crm.jackson.postgres;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The store's tables in one PostgreSQL schema: creates them from the versioned script {@code
 * schema-N.sql} (a resource beside this class) or checks that they are there and of the version
 * this code knows. Several processes opening one schema at once serialize on an advisory lock.
 */
final class Schema {
  /** The schema version this code reads and writes. */
  static final int VERSION = 1;

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final String name;

  private Schema(String name) {
    this.name = name;
  }

  /** A schema name: lower case letters, digits and underscores, as PostgreSQL folds them. */
  static Schema named(String name) {
    checkNotNull(name, "schema");
    checkArgument(
        NAME.matcher(name).matches(),
        "a schema name is 1 to 63 lower case letters, digits and underscores, not starting with a"
            + " digit; got '%s'",
        name);
    return new Schema(name);
  }

  String name() {
    return name;
  }

  /** {@code sql} with {@code ${schema}} replaced by the schema's name. */
  String sql(String sql) {
    return sql.replace("${schema}", name);
  }

  /** The script that creates version {@link #VERSION} of the tables, for this schema. */
  String script() {
    String resource = "schema-" + VERSION + ".sql";
    try (InputStream in = Schema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the jar");
      }
      return sql(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates the tables if the schema has none and {@code create} is set; otherwise checks their
   * version.
   *
   * @throws PostgresStoreException if the tables are missing and may not be created, or are of
   *     another version
   */
  void createOrCheck(Connection connection, boolean create) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
        lock.setString(1, "rapport-ledger-store:" + name);
        lock.execute();
      }
      if (!exists(connection, "rapport_schema")) {
        if (!create) {
          throw new PostgresStoreException(
              "schema "
                  + name
                  + " has no Rapport ledger tables: run schema-"
                  + VERSION
                  + ".sql (crm-jackson's dev/rapport/crm/jackson/postgres) or let the store create"
                  + " them");
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE SCHEMA IF NOT EXISTS " + name);
          statement.execute(script());
        }
      }
      checkVersion(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private void checkVersion(Connection connection) throws SQLException {
    int version;
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(sql("SELECT max(version) FROM ${schema}.rapport_schema"))) {
      rows.next();
      version = rows.getInt(1);
    }
    if (version != VERSION) {
      throw new PostgresStoreException(
          "schema "
              + name
              + " holds Rapport ledger tables of version "
              + version
              + "; this store reads and writes version "
              + VERSION
              + (version > VERSION ? ": use the newer Rapport that wrote them" : ""));
    }
    for (String table : new String[] {"rapport_customer", "rapport_event"}) {
      if (!exists(connection, table)) {
        throw new PostgresStoreException(
            "schema " + name + " is at version " + version + " but has no table " + table);
      }
    }
  }

  private boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?)")) {
      query.setString(1, name + "." + table);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1) != null;
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
