package dev.rapport.crm.jackson.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.testing.LedgerStoreContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The PostgreSQL store passes the contract every {@link LedgerStore} must pass, against a real
 * server ({@link TestDatabase}); each test has a schema of its own. The erasure tests search the
 * text of every row of both tables for the erased customer's personal data.
 */
final class PostgresLedgerStoreContractTest extends LedgerStoreContract {
  private static HikariDataSource pool;
  private static final List<String> schemas = new ArrayList<>();

  private PostgresLedgerStore postgres;

  @BeforeAll
  static void connect() {
    pool = TestDatabase.pool(10);
  }

  @AfterAll
  static void dropSchemas() throws Exception {
    if (pool != null) {
      TestDatabase.drop(pool, schemas);
      pool.close();
    }
  }

  @Override
  protected LedgerStore newStore() {
    String schema = TestDatabase.freshSchema();
    schemas.add(schema);
    postgres = PostgresLedgerStore.builder().schema(schema).open(pool);
    return postgres;
  }

  @Override
  protected Optional<String> storedText() throws Exception {
    String sql =
        "SELECT coalesce(string_agg(row, E'\\n'), '') FROM ("
            + " SELECT c::text FROM ${schema}.rapport_customer c"
            + " UNION ALL SELECT e::text FROM ${schema}.rapport_event e) AS rows(row)";
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql.replace("${schema}", postgres.schema()))) {
      rows.next();
      return Optional.of(rows.getString(1));
    }
  }
}
