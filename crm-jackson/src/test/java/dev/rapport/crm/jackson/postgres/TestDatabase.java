package dev.rapport.crm.jackson.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests run against: by default the local one that {@code .ci/postgres
 * start} sets up ({@value #DEFAULT_URL}, role {@code rapport}, password {@code rapport}), or the
 * one named by the system properties {@code rapport.pg.url}, {@code rapport.pg.user} and {@code
 * rapport.pg.password}, else the environment variables {@code RAPPORT_PG_URL}, {@code
 * RAPPORT_PG_USER} and {@code RAPPORT_PG_PASSWORD}.
 *
 * <p>Without a server the tests fail, saying how to start one: they are never skipped. Each test
 * gets schemas of its own, named after this run ({@code rapport_t_<run>_<n>}), so that test classes
 * and concurrent builds on one database never see each other's rows.
 */
final class TestDatabase {
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/rapport_test";

  /** Unique to this JVM, so that builds sharing the database never share a schema. */
  private static final String RUN = HexFormat.of().toHexDigits(new SecureRandom().nextInt());

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private TestDatabase() {}

  static String url() {
    return setting("rapport.pg.url", "RAPPORT_PG_URL", DEFAULT_URL);
  }

  static String user() {
    return setting("rapport.pg.user", "RAPPORT_PG_USER", "rapport");
  }

  private static String password() {
    return setting("rapport.pg.password", "RAPPORT_PG_PASSWORD", "rapport");
  }

  private static String setting(String property, String variable, String fallback) {
    String value = System.getProperty(property, "");
    if (value.isEmpty()) {
      value = System.getenv().getOrDefault(variable, "");
    }
    return value.isEmpty() ? fallback : value;
  }

  /** A new schema name, unused by any other test or build. */
  static String freshSchema() {
    return "rapport_t_" + RUN + "_" + SCHEMAS.incrementAndGet();
  }

  /**
   * A new pool of up to {@code size} connections to the test server.
   *
   * @throws AssertionError saying how to start a server, if none answers
   */
  static HikariDataSource pool(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url());
    config.setUsername(user());
    config.setPassword(password());
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(5_000);
    config.setPoolName("rapport-test-" + SCHEMAS.get());
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "No PostgreSQL server answers at "
              + url()
              + " for role "
              + user()
              + " ("
              + e.getMessage()
              + "). The PostgreSQL store's tests need a real server: start the local one with"
              + " `sudo bash .ci/postgres start` (Debian's postgresql package; it creates role"
              + " rapport/rapport and database rapport_test), or name another with RAPPORT_PG_URL,"
              + " RAPPORT_PG_USER and RAPPORT_PG_PASSWORD (or -Drapport.pg.url=... and friends).",
          e);
    }
  }

  /** Drops {@code schemas} and everything in them. */
  static void drop(HikariDataSource pool, List<String> schemas) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      for (String schema : new ArrayList<>(schemas)) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
    schemas.clear();
  }
}
