package dev.rapport.crm.jackson.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.jackson.RapportJson;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;

/** The store's tables: created from the versioned script, checked on open, rows in the wire format. */
final class PostgresSchemaTest {
  private static HikariDataSource pool;
  private static final List<String> schemas = new ArrayList<>();

  @BeforeAll
  static void connect() {
    pool = TestDatabase.pool(8);
  }

  @AfterAll
  static void dropSchemas() throws Exception {
    if (pool != null) {
      TestDatabase.drop(pool, schemas);
      pool.close();
    }
  }

  private static String freshSchema() {
    String schema = TestDatabase.freshSchema();
    schemas.add(schema);
    return schema;
  }

  @Test
  void openingCreatesTheTablesOfVersionOneAndReopeningKeepsTheData() throws Exception {
    String schema = freshSchema();
    PostgresLedgerStore.builder().schema(schema).open(pool).create(profile("c-1"));

    PostgresLedgerStore reopened = PostgresLedgerStore.builder().schema(schema).open(pool);

    assertThat(reopened.customerIds()).containsExactly("c-1");
    assertThat(query("SELECT string_agg(version::text, ',') FROM " + schema + ".rapport_schema"))
        .isEqualTo("1");
    assertThat(query("SELECT string_agg(table_name, ',' ORDER BY table_name)"
            + " FROM information_schema.tables WHERE table_schema = '" + schema + "'"))
        .isEqualTo("rapport_customer,rapport_event,rapport_schema");
  }

  @Test
  void storesOpeningOneNewSchemaAtOnceCreateItOnce() throws Exception {
    String schema = freshSchema();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<PostgresLedgerStore>> opened = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<PostgresLedgerStore> open = () -> PostgresLedgerStore.builder().schema(schema).open(pool);
        opened.add(threads.submit(open));
      }
      for (Future<PostgresLedgerStore> store : opened) {
        assertThat(store.get(30, TimeUnit.SECONDS).schema()).isEqualTo(schema);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(query("SELECT count(*) FROM " + schema + ".rapport_schema")).isEqualTo("1");
  }

  @Test
  void aStoreThatMayNotCreateTablesRefusesAnEmptySchema() throws Exception {
    String schema = freshSchema();

    assertThatThrownBy(() -> PostgresLedgerStore.builder().schema(schema).createTables(false).open(pool))
        .isInstanceOf(PostgresStoreException.class)
        .hasMessageContaining("schema " + schema + " has no Rapport ledger tables")
        .hasMessageContaining("schema-1.sql");
    assertThat(query("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'"))
        .isEqualTo("0");
  }

  @Test
  void tablesOfAnotherVersionAreRefused() throws Exception {
    String schema = freshSchema();
    PostgresLedgerStore.builder().schema(schema).open(pool);
    execute("UPDATE " + schema + ".rapport_schema SET version = 2");

    assertThatThrownBy(() -> PostgresLedgerStore.builder().schema(schema).open(pool))
        .isInstanceOf(PostgresStoreException.class)
        .hasMessage(
            "schema " + schema + " holds Rapport ledger tables of version 2; this store reads and"
                + " writes version 1: use the newer Rapport that wrote them");
  }

  @Test
  void aSchemaNameThatIsNotAPlainIdentifierIsRefused() {
    for (String name : List.of("", "Rapport", "1st", "rapport; DROP TABLE x", "a".repeat(64))) {
      assertThatThrownBy(() -> PostgresLedgerStore.builder().schema(name))
          .as("schema name '%s'", name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a schema name is 1 to 63 lower case letters");
    }
  }

  @Test
  void eventsAndProfilesAreStoredAsJsonbInTheWireFormat() throws Exception {
    String schema = freshSchema();
    PostgresLedgerStore store = PostgresLedgerStore.builder().schema(schema).open(pool);
    store.create(profile("c-1"));
    Granted grant =
        Granted.builder()
            .id("g1")
            .at(Instant.parse("2026-03-02T10:00:00Z"))
            .addIntents(Intent.DEALS)
            .addChannels(Channel.EMAIL)
            .evidence(Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3").build())
            .build();
    store.append("c-1", 0, List.of(grant));

    JsonNode stored = RapportJson.mapper().readTree(query("SELECT event::text FROM " + schema + ".rapport_event"));
    JsonNode wire = RapportJson.mapper().readTree(RapportJson.mapper().writerFor(LedgerEvent.class).writeValueAsString(grant));
    assertThat(stored).isEqualTo(wire);
    assertThat(query("SELECT event->>'type' || ' ' || position || ' ' || event_id FROM " + schema + ".rapport_event"))
        .isEqualTo("granted 1 g1");
    assertThat(query("SELECT pg_typeof(event)::text FROM " + schema + ".rapport_event")).isEqualTo("jsonb");
    assertThat(query("SELECT profile->>'zone' FROM " + schema + ".rapport_customer")).isEqualTo("Europe/London");
  }

  @Test
  void aServerThatDoesNotAnswerFailsTheOpenNamingTheSchema() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:1/rapport_test?connectTimeout=2");
    nowhere.setUser("rapport");
    nowhere.setPassword("rapport");

    assertThatThrownBy(() -> PostgresLedgerStore.open(nowhere))
        .isInstanceOf(PostgresStoreException.class)
        .hasMessageStartingWith("could not open the ledger store in schema rapport: ");
  }

  private static CustomerProfile profile(String id) {
    return CustomerProfile.of(id, Jurisdiction.of("GB"), ZoneId.of("Europe/London"));
  }

  private static String query(String sql) throws Exception {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
