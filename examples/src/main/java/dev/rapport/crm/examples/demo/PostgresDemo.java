package dev.rapport.crm.examples.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.crm.jackson.postgres.PostgresLedgerStore;
import dev.rapport.crm.jackson.postgres.PostgresStoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The demo week on a PostgreSQL server ({@code demo --store postgres --jdbc-url URL}): the same
 * customers and decisions as on the embedded journal, recorded by a {@link PostgresLedgerStore}
 * through a HikariCP pool, in a new schema {@code rapport_demo_<random>} that is dropped
 * afterwards.
 *
 * <pre>{@code
 * DemoReport report = PostgresDemo.run(Demo.bundled(),
 *     "jdbc:postgresql://127.0.0.1:5432/rapport_test?user=rapport&password=rapport", Progress.silent());
 * }</pre>
 */
public final class PostgresDemo {
  private PostgresDemo() {}

  /**
   * Runs {@code demo} on the server at {@code jdbcUrl} (user and password in the URL's query, or
   * what the driver finds by itself).
   *
   * @throws IllegalArgumentException if the URL is not a {@code jdbc:postgresql:} URL
   * @throws PostgresStoreException if the server cannot be reached or fails
   */
  public static DemoReport run(Demo demo, String jdbcUrl, Progress progress) {
    return run(demo, jdbcUrl, progress, gating -> {});
  }

  /** Runs {@code demo} on the server at {@code jdbcUrl}, telling {@code gatingTime} how long gating took. */
  public static DemoReport run(Demo demo, String jdbcUrl, Progress progress, Consumer<Duration> gatingTime) {
    checkNotNull(jdbcUrl, "jdbcUrl");
    checkArgument(
        jdbcUrl.startsWith("jdbc:postgresql:"),
        "expected a PostgreSQL JDBC URL such as"
            + " jdbc:postgresql://127.0.0.1:5432/rapport_test?user=rapport&password=rapport, got %s",
        jdbcUrl);
    String schema = "rapport_demo_" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(-1); // the store's open reports an unreachable server
    config.setPoolName("rapport-demo");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      PostgresLedgerStore store = PostgresLedgerStore.builder().schema(schema).open(pool);
      try {
        return demo.run(store, progress, gatingTime);
      } finally {
        drop(pool, schema);
      }
    }
  }

  private static void drop(HikariDataSource pool, String schema) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      System.getLogger(PostgresDemo.class.getName())
          .log(System.Logger.Level.WARNING, "could not drop the demo's schema " + schema, e);
    }
  }
}
