package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.MARCH_2;
import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.EventType;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.RejectedEventException;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.store.VersionConflictException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure ({@code crm-jackson/README.md}, "Erasure"): once an {@code erased} event is stored, the
 * journal keeps only the customer's suppression tombstone, and none of the customer's personal
 * details remain in any file of the journal's directory.
 */
final class JournalErasureTest {
  @TempDir Path dir;

  private Path journal() {
    return dir.resolve("ledgers.journal");
  }

  /** The personal details recorded for a customer: an IP, an e-mail and a phone number. */
  static List<String> personal(String id) {
    return List.of("198.51.100.7/" + id + "/", "mail-" + id + "@example.org", "+1-555-0100 ext. " + id + ";");
  }

  static Evidence evidenceOf(String id) {
    List<String> values = personal(id);
    return Evidence.builder()
        .source(Source.PREFERENCE_CENTER)
        .actor(Actor.CUSTOMER)
        .notice("prefs-v3")
        .putDetails("ip", values.get(0))
        .putDetails("email", values.get(1))
        .putDetails("phone", values.get(2))
        .build();
  }

  static Granted grantOf(String id, String eventId) {
    return Granted.builder()
        .id(eventId)
        .at(MARCH_2)
        .addIntents(Intent.DEALS)
        .addChannels(Channel.EMAIL)
        .evidence(evidenceOf(id))
        .build();
  }

  static Erased erasureOf(String id, String eventId) {
    return Erased.builder().id(eventId).at(MARCH_2.plusSeconds(86_400)).evidence(evidenceOf(id)).build();
  }

  /** Every file in {@code dir} that holds one of {@code values}, with the value. */
  static List<String> filesHolding(Path dir, List<String> values) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String content = new String(Files.readAllBytes(file), UTF_8);
        for (String value : values) {
          if (content.contains(value)) {
            found.add(file.getFileName() + " holds " + value);
          }
        }
      }
    }
    return found;
  }

  private void writeTwoCustomersAndEraseTheFirst() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      for (String id : List.of("c-1", "c-2")) {
        store.create(customer(id));
        store.append(id, 0, List.of(grantOf(id, id + "-g1")));
        store.append(id, 1, List.of(purchase(id + "-p1")));
      }
      Ledger erased = store.append("c-1", 2, List.of(purchase("c-1-p2"), erasureOf("c-1", "c-1-x")));
      assertThat(erased.events()).extracting(LedgerEvent::id).containsExactly("c-1-x");
    }
  }

  @Test
  void afterErasureNoFileHoldsTheCustomersPersonalDetailsAndTheOthersAreKept() throws IOException {
    writeTwoCustomersAndEraseTheFirst();

    assertThat(filesHolding(dir, personal("c-1"))).isEmpty();
    assertThat(filesHolding(dir, personal("c-2"))).hasSize(3);
    assertThat(Files.readString(journal())).doesNotContain("c-1-g1", "c-1-p1", "c-1-p2");
  }

  @Test
  void readAndExportReturnOnlyTheTombstoneBeforeAndAfterReopening() throws IOException {
    writeTwoCustomersAndEraseTheFirst();

    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      Ledger tombstone = store.read("c-1").orElseThrow();
      assertThat(tombstone.events()).singleElement().extracting(LedgerEvent::type).isEqualTo(EventType.ERASED);
      Evidence kept = tombstone.erased().orElseThrow().evidence().orElseThrow();
      assertThat(kept.details()).isEmpty();
      assertThat(kept.source()).isEqualTo(Source.PREFERENCE_CENTER);
      assertThat(kept.notice()).hasValue("prefs-v3");
      assertThat(tombstone.customer()).isEqualTo(customer("c-1"));
      assertThat(store.read("c-2").orElseThrow().version()).isEqualTo(2);
      ByteArrayOutputStream export = new ByteArrayOutputStream();
      store.export("c-1", export);
      assertThat(export.toString(UTF_8)).doesNotContain(personal("c-1").toArray(new String[0])).contains("erased");
      assertThat(store.verify().isIntact()).isTrue();
    }
  }

  @Test
  void anErasedCustomerCannotBeCreatedAgainNorAppendedToAndNothingIsWritten() throws IOException {
    writeTwoCustomersAndEraseTheFirst();

    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      byte[] before = Files.readAllBytes(journal());

      assertThatThrownBy(() -> store.create(customer("c-1"))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.append("c-1", 1, List.of(purchase("c-1-p9"))))
          .isInstanceOf(RejectedEventException.class)
          .hasMessageContaining("erased");
      assertThatThrownBy(() -> store.append("c-1", 3, List.of(purchase("c-1-p9"))))
          .isInstanceOf(VersionConflictException.class);

      assertThat(Files.readAllBytes(journal())).isEqualTo(before);
      assertThat(store.read("c-1").orElseThrow().version()).isEqualTo(1);
    }
  }

  /**
   * A crash after the erase line was forced and before the rewrite: the next open finishes the
   * erasure.
   */
  @Test
  void anErasureCutShortByACrashBeforeTheRewriteIsFinishedOnOpen() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.create(customer("c-1"));
      store.append("c-1", 0, List.of(grantOf("c-1", "c-1-g1")));
      store.create(customer("c-2"));
      store.append("c-2", 0, List.of(grantOf("c-2", "c-2-g1")));
    }
    byte[] beforeErasure = Files.readAllBytes(journal());
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      store.append("c-1", 1, List.of(erasureOf("c-1", "c-1-x")));
    }
    byte[] erased = Files.readAllBytes(journal());
    byte[] eraseLine = Arrays.copyOfRange(erased, lastLineStart(erased), erased.length);
    byte[] crashed = Arrays.copyOf(beforeErasure, beforeErasure.length + eraseLine.length);
    System.arraycopy(eraseLine, 0, crashed, beforeErasure.length, eraseLine.length);
    Files.write(journal(), crashed);
    Files.write(JournalFile.temporaryFor(journal()), Arrays.copyOf(crashed, 100)); // a half-written rewrite
    assertThat(filesHolding(dir, personal("c-1"))).isNotEmpty();

    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      assertThat(store.read("c-1").orElseThrow().events()).singleElement().isInstanceOf(Erased.class);
      assertThat(store.read("c-2").orElseThrow().version()).isEqualTo(1);
      assertThat(store.verify().isIntact()).isTrue();
    }
    assertThat(filesHolding(dir, personal("c-1"))).isEmpty();
    assertThat(Files.exists(JournalFile.temporaryFor(journal()))).isFalse();
    assertThat(Files.readAllBytes(journal())).isEqualTo(erased);
  }

  /** crm-jackson/README.md, "The journal format": a rapport-journal/1 journal is upgraded on open. */
  @Test
  void aVersion1JournalIsUpgradedOnOpenAndItsErasedCustomersKeepOnlyTheirTombstone() throws IOException {
    JournalCodec codec = JournalCodec.standard();
    ByteArrayOutputStream v1 = new ByteArrayOutputStream();
    v1.write(LineFrame.seal(codec.header(JournalCodec.FORMAT_1)));
    for (String id : List.of("c-1", "c-2")) {
      v1.write(LineFrame.seal(codec.create(customer(id), null)));
      v1.write(LineFrame.seal(codec.append(id, 0, List.of(grantOf(id, id + "-g1")), null)));
    }
    v1.write(LineFrame.seal(codec.append("c-1", 1, List.of(erasureOf("c-1", "c-1-x")), null)));
    Files.write(journal(), v1.toByteArray());

    String head;
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      assertThat(store.read("c-1").orElseThrow().events()).singleElement().isInstanceOf(Erased.class);
      assertThat(store.read("c-1").orElseThrow().erased().orElseThrow().evidence().orElseThrow().details()).isEmpty();
      assertThat(store.read("c-2").orElseThrow().events()).extracting(LedgerEvent::id).containsExactly("c-2-g1");
      assertThat(store.verify().isIntact()).isTrue();
      head = store.head();
    }
    assertThat(Files.readAllLines(journal(), UTF_8).get(0)).startsWith("{\"format\":\"rapport-journal/2\"");
    assertThat(filesHolding(dir, personal("c-1"))).isEmpty();
    try (JournalLedgerStore store = JournalLedgerStore.open(journal())) {
      assertThat(store.head()).isEqualTo(head);
      assertThat(store.recovery().isClean()).isTrue();
    }
  }

  private static int lastLineStart(byte[] bytes) {
    int i = bytes.length - 2;
    while (i >= 0 && bytes[i] != '\n') {
      i--;
    }
    return i + 1;
  }
}
