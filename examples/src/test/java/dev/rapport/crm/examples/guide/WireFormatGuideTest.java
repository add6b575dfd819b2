package dev.rapport.crm.examples.guide;

import static dev.rapport.crm.relationship.Channel.CALL;
import static dev.rapport.crm.relationship.Channel.EMAIL;
import static dev.rapport.crm.relationship.Intent.ADVOCACY;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.examples.rules.NoAdvocacyAfterComplaint;
import dev.rapport.crm.jackson.RapportJson;
import dev.rapport.crm.jackson.RapportModule;
import dev.rapport.crm.jackson.journal.JournalLedgerStore;
import dev.rapport.crm.jackson.journal.Verification;
import dev.rapport.crm.jackson.postgres.PostgresLedgerStore;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.TeamCode;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.store.InMemoryLedgerStore;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.testing.LedgerStoreContract;
import dev.rapport.crm.testing.LedgerStory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java snippets of {@code crm-jackson/README.md} and {@code examples/README.md}, line for
 * line; the last tests keep the guides and this class in step. Snippets that need a PostgreSQL
 * server at the guide's address, or write into the working directory, are compiled here but not
 * called (each says so); the others run.
 */
final class WireFormatGuideTest {
  private static final CustomerProfile PROFILE =
      CustomerProfile.of("c-1", Jurisdiction.of("GB"), ZoneId.of("Europe/London"));
  private static final Granted GRANT =
      Granted.builder()
          .id("e1").at(Instant.parse("2026-03-02T10:00:00Z"))
          .addIntents(Intent.DEALS).addChannels(Channel.EMAIL)
          .evidence(Evidence.builder()
              .source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3")
              .build())
          .build();

  private final List<String> alerts = new ArrayList<>();

  @Test
  void the_in_code_snippet_reads_and_writes_the_wire_format(@TempDir Path dir) throws IOException {
    LedgerStore source = new InMemoryLedgerStore();
    source.create(PROFILE);
    Ledger written = source.append("c-1", 0, List.of(GRANT));
    Path path = dir.resolve("c-1.json");
    Files.writeString(path, RapportJson.writeLedger(written));
    String body = RapportJson.mapper().writeValueAsString(
        PolicyEngine.withDefaults().decide(written, List.of(),
            Outreach.builder().purpose(Purpose.OFFER).channel(Channel.EMAIL)
                .at(Instant.parse("2026-03-10T17:00:00Z")).build()));
    String line = RapportJson.mapper().writeValueAsString(GRANT);

    // --- crm-jackson/README.md: "In code" ---------------------------------------------------
    Ledger ledger = RapportJson.readLedger(Files.newBufferedReader(path));  // WireFormatException if it breaks the format
    String json = RapportJson.writeLedger(ledger);
    Decision decision = RapportJson.mapper().readValue(body, Decision.class);

    JsonMapper mapper = JsonMapper.builder().addModule(new RapportModule()).build();
    LedgerEvent event = mapper.readValue(line, LedgerEvent.class);
    // --- end of the README's code -----------------------------------------------------------

    assertThat(ledger).isEqualTo(written);
    assertThat(json).isEqualTo(Files.readString(path));
    assertThat(decision).isAllowed();
    assertThat(event).isEqualTo(GRANT);
  }

  /** The journal snippet; compiled, not called: it writes {@code ledgers.journal} in the working directory. */
  // --- crm-jackson/README.md: "The durable ledger store" -------------------------------------
  void record(CustomerProfile profile, Granted grant) throws IOException {  // opening and closing can fail
    try (JournalLedgerStore store = JournalLedgerStore.open(Path.of("ledgers.journal"))) {
      store.create(profile);
      store.append(profile.id(), 0, List.of(grant));
      store.export(profile.id(), System.out);   // the customer's ledger document
    }
  }
  // --- end of the README's code -------------------------------------------------------------

  @Test
  void the_tamper_evidence_snippet_verifies_against_an_anchored_head(@TempDir Path dir) throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(dir.resolve("ledgers.journal"))) {
      store.create(PROFILE);
      store.append("c-1", 0, List.of(GRANT));
      Writer out = new StringWriter();

      // --- crm-jackson/README.md: "Tamper evidence" -------------------------------------------
      String anchor = store.export("c-1", out);   // keep it with the export, or in an audit log
      Verification check = store.verify(anchor);  // IOException if the file cannot be read
      if (!check.isIntact()) {
        alert(check.problem().orElseThrow());      // "line 12 (byte 3456) does not link to the line before it: ..."
      }
      // --- end of the README's code -----------------------------------------------------------

      assertThat(anchor).isEqualTo(store.head());
      assertThat(out.toString()).contains("\"c-1\"");
      assertThat(alerts).isEmpty();
      assertThat(store.verify("00".repeat(32)).isIntact()).as("a head the chain does not pass through").isFalse();
    }
  }

  private void alert(String problem) {
    alerts.add(problem);
  }

  /** The PostgreSQL snippet; compiled, not called: it needs the guide's server {@code db.internal}. */
  static void postgres(String secret, CustomerProfile profile, Granted grant) {
    // --- crm-jackson/README.md: "The PostgreSQL ledger store" ---------------------------------
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://db.internal:5432/crm");
    config.setUsername("crm");
    config.setPassword(secret);
    LedgerStore store = PostgresLedgerStore.builder()
        .schema("rapport")          // the default; created if absent
        .open(new HikariDataSource(config));
    store.create(profile);
    store.append(profile.id(), 0, List.of(grant));
    // --- end of the README's code -----------------------------------------------------------
  }

  /** A store of the reader's own, for the contract snippet: here the in-memory store behind a data source's name. */
  static final class MyLedgerStore implements LedgerStore {
    private final LedgerStore inMemory = new InMemoryLedgerStore();

    MyLedgerStore(DataSource dataSource) {}

    @Override
    public Optional<Ledger> read(String customerId) {
      return inMemory.read(customerId);
    }

    @Override
    public Ledger create(CustomerProfile customer) {
      return inMemory.create(customer);
    }

    @Override
    public Ledger append(String customerId, int expectedVersion, List<? extends LedgerEvent> events) {
      return inMemory.append(customerId, expectedVersion, events);
    }

    @Override
    public Set<String> customerIds() {
      return inMemory.customerIds();
    }
  }

  /**
   * The store contract snippet; compiled, not run: the contract already runs against the
   * in-memory, journal and PostgreSQL stores. The snippet's class is abstract here, so that JUnit
   * neither runs it nor warns about an inner class holding tests.
   */
  abstract static class ContractSnippet {
    static DataSource dataSource;

    static String dumpOfMyTables() {
      return "";
    }

    // --- crm-jackson/README.md: "The store contract" -----------------------------------------
    abstract class MyLedgerStoreTest extends LedgerStoreContract { // abstract here only: compiled, never run
      @Override
      protected LedgerStore newStore() {       // a new, empty store for each test
        return new MyLedgerStore(dataSource);
      }

      @Override
      protected Optional<String> storedText() { // optional: everything the store wrote, as text,
        return Optional.of(dumpOfMyTables());  // searched for an erased customer's personal data
      }
    }
    // --- end of the README's code -----------------------------------------------------------
  }

  @Test
  void the_team_rule_snippet_denies_advocacy_after_a_complaint() {
    CustomerProfile customer = PROFILE;
    // --- examples/README.md: "A team's own rule" -------------------------------------------
    PolicyEngine engine = PolicyEngine.builder()
        .addRule(NoAdvocacyAfterComplaint.standard())
        .build();

    // In a test, with crm-core's test jar: the ledger told as a story, the decision asserted.
    Ledger complained = LedgerStory.of(customer)
        .granted(ADVOCACY).on(EMAIL).on("2026-01-05").at("09:00").atThe(Source.PREFERENCE_CENTER)
        .inquired().on(CALL).on("2026-03-02").at("15:00")
        .ledger();
    Outreach review = Outreach.builder()
        .purpose(Purpose.ADVOCACY).channel(EMAIL).at(Instant.parse("2026-03-03T15:00:00Z")).build();
    assertThat(engine.decide(complained, List.of(), review))
        .isDenied().hasOnlyReasons(TeamCode.of(NoAdvocacyAfterComplaint.CODE)).citesEvent(TeamCode.of(NoAdvocacyAfterComplaint.CODE), "i1");
    // --- end of the README's code -----------------------------------------------------------
  }

  @Test
  void crm_jackson_readme_shows_this_tests_code() throws IOException {
    String readme = Files.readString(Path.of("..", "crm-jackson", "README.md"));
    for (String heading : List.of(
        "\\*\\*In code\\.\\*\\*", "## The durable ledger store", "### Tamper evidence",
        "## The PostgreSQL ledger store", "## The store contract")) {
      assertBlockIsHere(readme, heading);
    }
  }

  @Test
  void examples_readme_shows_this_tests_code() throws IOException {
    assertBlockIsHere(Files.readString(Path.of("README.md")), "## A team's own rule");
  }

  private void assertBlockIsHere(String readme, String heading) throws IOException {
    Matcher block = Pattern.compile(heading + "[^#]*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("a java block under %s", heading).isTrue();
    String source = Files.readString(Path.of("src/test/java", getClass().getName().replace('.', '/') + ".java"));
    for (String line : block.group(1).split("\n")) {
      if (!line.isBlank() && !line.startsWith("//")) {
        assertThat(source).as("README line under %s is in %s", heading, getClass().getSimpleName())
            .contains(line.strip());
      }
    }
  }
}
