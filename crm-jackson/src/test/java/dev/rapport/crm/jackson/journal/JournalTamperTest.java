package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.grant;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tamper evidence ({@code crm-jackson/README.md}, "Tamper evidence"): every line is chained to the
 * one before it by hash; {@code verify()} names the first broken link, and a head anchored
 * elsewhere exposes lines removed from the end.
 */
final class JournalTamperTest {
  @TempDir Path dir;

  private Path journal;

  /** Header, three creates and three grants, then a purchase of c-2: 8 lines. */
  @BeforeEach
  void writeAJournal() throws IOException {
    journal = dir.resolve("ledgers.journal");
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      for (String id : List.of("c-1", "c-2", "c-3")) {
        store.create(customer(id));
        store.append(id, 0, List.of(grant(id + "-e1")));
      }
      store.append("c-2", 1, List.of(purchase("c-2-p1")));
    }
  }

  private List<String> lines() throws IOException {
    return new ArrayList<>(Files.readAllLines(journal, UTF_8));
  }

  private void write(List<String> lines) throws IOException {
    Files.write(journal, (String.join("\n", lines) + "\n").getBytes(UTF_8));
  }

  /** The line with {@code find} replaced and its checksum made right again: a deliberate edit. */
  private static String edited(String line, String find, String replace) {
    assertThat(line).contains(find);
    String changed = line.replace(find, replace);
    String body = changed.substring(0, changed.length() - ",\"crc32c\":\"00000000\"}".length()) + "}";
    byte[] sealed = LineFrame.seal(body.getBytes(UTF_8));
    return new String(sealed, 0, sealed.length - 1, UTF_8);
  }

  @Test
  void anIntactJournalVerifiesAndItsHeadIsWhatHeadAndExportReturn() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      String head = store.head();
      Verification check = store.verify(head);

      assertThat(check.isIntact()).as("%s", check).isTrue();
      assertThat(check.lines()).isEqualTo(8);
      assertThat(check.head()).isEqualTo(head).matches("[0-9a-f]{64}");
      assertThat(store.export("c-1", new ByteArrayOutputStream())).isEqualTo(head);
      assertThat(store.export("c-1", new StringWriter())).isEqualTo(head);

      store.append("c-1", 1, List.of(purchase("c-1-p1")));

      assertThat(store.head()).isNotEqualTo(head);
      assertThat(store.verify(head).isIntact()).as("an older anchor stays on the chain").isTrue();
      assertThat(store.verify().head()).isEqualTo(store.head());
    }
  }

  @Test
  void anEditedLineWithARecomputedChecksumIsTheFirstBrokenLinkAndTheJournalDoesNotOpen() throws IOException {
    List<String> lines = lines();
    lines.set(4, edited(lines.get(4), "\"notice\":\"prefs-v3\"", "\"notice\":\"prefs-v9\""));

    try (JournalLedgerStore store = JournalLedgerStore.open(dir.resolve("other.journal"))) {
      // a store of another journal: verify() reads its own file only
      assertThat(store.verify().isIntact()).isTrue();
    }
    write(lines);

    assertThatThrownBy(() -> JournalLedgerStore.open(journal))
        .isInstanceOfSatisfying(CorruptJournalException.class, e -> assertThat(e.line()).isEqualTo(6))
        .hasMessageContaining("hash chain");
  }

  @Test
  void verifyNamesTheFirstBrokenLinkOfAJournalChangedWhileOpen() throws IOException {
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      List<String> lines = lines();
      lines.set(2, edited(lines.get(2), "\"c-1-e1\"", "\"c-1-e7\""));
      write(lines);

      Verification check = store.verify();

      assertThat(check.isIntact()).isFalse();
      assertThat(check.brokenLine()).hasValue(4);
      assertThat(check.problem()).get().asString().contains("line 4").contains("does not link");
    }
  }

  @Test
  void aRemovedLastLineIsDetectedAgainstTheAnchoredHead() throws IOException {
    String anchor;
    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      anchor = store.head();
    }
    List<String> lines = lines();
    lines.remove(lines.size() - 1);
    write(lines);

    try (JournalLedgerStore store = JournalLedgerStore.open(journal)) {
      Verification check = store.verify(anchor);

      assertThat(store.read("c-2").orElseThrow().version()).isEqualTo(1);
      assertThat(check.isIntact()).isFalse();
      assertThat(check.brokenLine()).isEmpty();
      assertThat(check.problem()).get().asString().contains(anchor).contains("not on the chain");
    }
  }

  @Test
  void aLineRedactedForACustomerWhoWasNeverErasedIsRefused() throws IOException {
    List<String> lines = lines();
    // Line 4 is c-2's create: replace it by a redacted line with the right digest and link.
    String line = lines.get(3);
    byte[] bytes = line.getBytes(UTF_8);
    int contentEnd = Chain.contentEnd(bytes, bytes.length);
    byte[] digest = Chain.contentDigest(Chain.sha256(), bytes, contentEnd);
    byte[] prev = Chain.prev(bytes, contentEnd);
    byte[] redacted =
        LineFrame.seal(Chain.withPrev(JournalCodec.standard().redacted("c-2", digest), prev));
    lines.set(3, new String(redacted, 0, redacted.length - 1, UTF_8));
    write(lines);

    assertThatThrownBy(() -> JournalLedgerStore.open(journal))
        .isInstanceOf(CorruptJournalException.class)
        .hasMessageContaining("c-2");
  }
}
