package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.grant;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;
import static dev.rapport.crm.jackson.journal.Fixtures.withdrawal;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.jackson.RapportJson;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.RejectedEventException;
import dev.rapport.crm.store.VersionConflictException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class JournalLedgerStoreTest {
  @TempDir Path dir;

  private Path journal() {
    return dir.resolve("ledgers.journal");
  }

  @Test
  void aNewJournalHoldsOnlyItsHeaderAndOpensClean() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      assertThat(store.recovery().isClean()).isTrue();
      assertThat(store.customerIds()).isEmpty();
    }
    assertThat(Files.readAllLines(journal(), UTF_8))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("{\"format\":\"rapport-journal/2\",\"prev\":\"" + "0".repeat(64) + "\",\"crc32c\":\"");
  }

  @Test
  void reopeningReplaysEveryCustomerAndEveryEventInOrder() throws IOException {
    Ledger one;
    Ledger two;
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.create(customer("c-1"));
      store.create(customer("c-2"));
      store.append("c-1", 0, List.of(grant("e1")));
      store.append("c-2", 0, List.of(purchase("p1"), purchase("p2")));
      one = store.append("c-1", 1, List.of(withdrawal("e2")));
      two = store.read("c-2").orElseThrow();
    }
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      assertThat(store.customerIds()).containsExactlyInAnyOrder("c-1", "c-2");
      assertThat(store.read("c-1")).contains(one);
      assertThat(store.read("c-2")).contains(two);
      assertThat(store.read("c-1").orElseThrow().events())
          .extracting(LedgerEvent::id)
          .containsExactly("e1", "e2");
      assertThat(store.recovery().isClean()).isTrue();
      assertThat(store.recovery().lines()).isEqualTo(6);
      assertThat(store.recovery().customers()).isEqualTo(2);
      assertThat(store.recovery().events()).isEqualTo(4);
    }
  }

  @Test
  void everyWriteIsOneChecksummedJsonLine() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.create(customer("c-1"));
      store.append("c-1", 0, List.of(grant("e1"), purchase("p1")));
    }
    List<String> lines = Files.readAllLines(journal(), UTF_8);
    assertThat(lines).hasSize(3);
    JsonMapper json = JsonMapper.builder().build();
    JsonNode create = json.readTree(lines.get(1));
    assertThat(create.get("op").asString()).isEqualTo("create");
    assertThat(create.get("customer").get("id").asString()).isEqualTo("c-1");
    JsonNode append = json.readTree(lines.get(2));
    assertThat(append.get("op").asString()).isEqualTo("append");
    assertThat(append.get("customerId").asString()).isEqualTo("c-1");
    assertThat(append.get("expectedVersion").asInt()).isZero();
    assertThat(append.get("events").get(0).get("type").asString()).isEqualTo("granted");
    assertThat(append.get("crc32c").asString()).matches("[0-9a-f]{8}");
  }

  @Test
  void aVersionConflictWritesNothing() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.create(customer("c-1"));
      Ledger before = store.append("c-1", 0, List.of(grant("e1")));
      long size = Files.size(journal());

      assertThatThrownBy(() -> store.append("c-1", 0, List.of(purchase("p1"))))
          .isInstanceOfSatisfying(
              VersionConflictException.class,
              e -> {
                assertThat(e.expectedVersion()).isZero();
                assertThat(e.actualVersion()).isEqualTo(1);
              });

      assertThat(Files.size(journal())).isEqualTo(size);
      assertThat(store.read("c-1")).contains(before);
    }
  }

  @Test
  void aRejectedEventWritesNothingAndLeavesTheLedgerAsItWas() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.create(customer("c-1"));
      Ledger before = store.append("c-1", 0, List.of(grant("e1")));
      long size = Files.size(journal());

      // p1 is fine, but e1 is taken: all or nothing.
      assertThatThrownBy(() -> store.append("c-1", 1, List.of(purchase("p1"), purchase("e1"))))
          .isInstanceOf(RejectedEventException.class);

      assertThat(Files.size(journal())).isEqualTo(size);
      assertThat(store.read("c-1")).contains(before);
      assertThat(store.append("c-1", 1, List.of(purchase("p1"))).version()).isEqualTo(2);
    }
  }

  @Test
  void creatingAKnownCustomerAgainWritesNothing() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.create(customer("c-1"));
      long size = Files.size(journal());

      assertThatThrownBy(() -> store.create(customer("c-1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("c-1");

      assertThat(Files.size(journal())).isEqualTo(size);
    }
  }

  @Test
  void appendingToAnUnknownCustomerWritesNothing() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      long size = Files.size(journal());

      assertThatThrownBy(() -> store.append("c-9", 0, List.of(purchase("p1"))))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("c-9");

      assertThat(Files.size(journal())).isEqualTo(size);
      assertThat(store.read("c-9")).isEmpty();
    }
  }

  @Test
  void appendingNoEventsWritesNothingButStillChecksTheVersion() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      Ledger created = store.create(customer("c-1"));
      long size = Files.size(journal());

      assertThat(store.append("c-1", 0, List.of())).isEqualTo(created);
      assertThatThrownBy(() -> store.append("c-1", 3, List.of()))
          .isInstanceOf(VersionConflictException.class);

      assertThat(Files.size(journal())).isEqualTo(size);
    }
  }

  @Test
  void aClosedStoreRefusesWritesAndStillReads() throws IOException {
    JournalLedgerStore store = JournalLedgerStore.open(journal());
    store.create(customer("c-1"));
    store.close();

    assertThatThrownBy(() -> store.append("c-1", 0, List.of(purchase("p1"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(store.read("c-1")).isPresent();
  }

  @SuppressWarnings("try") // the store is held open for its effect on the journal, not used by name
  @Test
  void aSecondOpenOfTheSameJournalInThisJvmIsRefused() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      assertThatThrownBy(() -> JournalLedgerStore.open(dir.resolve(".").resolve("ledgers.journal")))
          .isInstanceOf(JournalInUseException.class)
          .hasMessageContaining("already open in this JVM");
    }
    // Released on close.
    JournalLedgerStore.open(journal()).close();
  }

  @Test
  void anInterruptedWriterStillWritesAndLeavesTheStoreWorking() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.create(customer("c-1"));
      Thread.currentThread().interrupt();
      try {
        store.append("c-1", 0, List.of(purchase("p1")));
      } finally {
        assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
      }
      store.append("c-1", 1, List.of(purchase("p2")));
    }
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      assertThat(store.read("c-1").orElseThrow().version()).isEqualTo(2);
    }
  }

  @Test
  void aBatchDelayStillAcknowledgesEveryWrite() throws IOException {
    try (JournalLedgerStore store =
        JournalLedgerStore.builder().maxBatchDelay(Duration.ofMillis(2)).open(journal())) {
      store.create(customer("c-1"));
      store.append("c-1", 0, List.of(grant("e1")));
    }
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      assertThat(store.read("c-1").orElseThrow().version()).isEqualTo(1);
    }
  }

  @Test
  void theBuilderRefusesABatchDelayWithoutGroupCommit() {
    assertThatThrownBy(
            () -> JournalLedgerStore.builder().groupCommit(false).maxBatchDelay(Duration.ofMillis(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JournalLedgerStore.builder().maxBatchDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exportWritesTheCustomersWholeLedgerAsALedgerDocument() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.create(customer("c-1"));
      store.append("c-1", 0, List.of(grant("e1"), withdrawal("e2")));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      StringWriter chars = new StringWriter();

      store.export("c-1", bytes);
      store.export("c-1", chars);

      JsonNode document = JsonMapper.builder().build().readTree(bytes.toByteArray());
      assertThat(chars.toString()).isEqualTo(bytes.toString(UTF_8));
      assertThat(document.get("format").asString()).isEqualTo("rapport-ledger/1");
      assertThat(document.get("customer").get("id").asString()).isEqualTo("c-1");
      assertThat(document.get("customer").get("zone").asString()).isEqualTo("America/Toronto");
      assertThat(document.get("events")).hasSize(2);
      assertThat(document.get("events").get(0).get("evidence").get("notice").asString())
          .isEqualTo("prefs-v3");
      assertThat(document.get("events").get(1).get("type").asString()).isEqualTo("withdrawn");
      assertThat(RapportJson.readLedger(chars.toString())).isEqualTo(store.read("c-1").orElseThrow());
      assertThatThrownBy(() -> store.export("c-9", bytes)).isInstanceOf(NoSuchElementException.class);
    }
  }
}
