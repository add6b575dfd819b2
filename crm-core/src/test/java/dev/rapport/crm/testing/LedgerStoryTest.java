package dev.rapport.crm.testing;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A story becomes exactly the events it tells, and a word that does not fit fails at once. */
final class LedgerStoryTest {

  @Test
  void grantedDealsOnEmailOnTheSecondOfMarchAtTheCheckout() {
    List<LedgerEvent> events =
        LedgerStory.story().granted(Intent.DEALS).on(Channel.EMAIL).on("2026-03-02").atThe(Source.CHECKOUT).events();

    assertThat(events).hasSize(1);
    Granted grant = (Granted) events.get(0);
    assertThat(grant.id()).isEqualTo("g1");
    assertThat(grant.at()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(grant.intents()).containsExactly(Intent.DEALS);
    assertThat(grant.channels()).containsExactly(Channel.EMAIL);
    assertThat(grant.evidence().source()).isEqualTo(Source.CHECKOUT);
    assertThat(grant.evidence().actor()).isEqualTo(Actor.CUSTOMER);
    assertThat(grant.isValidConsent()).isTrue();
  }

  @Test
  void eachSentenceIsOneEventInTheOrderTold() {
    List<LedgerEvent> events =
        LedgerStory.story()
            .granted(Intent.KNOWLEDGE).on(Channel.SMS).on("2026-03-02").byStaff("ana")
            .confirmed().on("2026-03-03")
            .withdrew(Intent.KNOWLEDGE).on(Channel.SMS).on("2026-03-04").at("08:15")
            .objected().on("2026-03-05")
            .inquired().on(Channel.CALL).on("2026-03-06").forEntity("acme-bank")
            .keepsQuietHours("21:00", "08:00").on("2026-03-07")
            .events();

    assertThat(events).extracting(LedgerEvent::id).containsExactly("g1", "c1", "w1", "o1", "i1", "pref1");
    assertThat(((Granted) events.get(0)).evidence().staff()).contains("ana");
    assertThat(((Confirmed) events.get(1)).grant()).isEqualTo("g1");
    assertThat(((Withdrawn) events.get(2)).at()).isEqualTo(Instant.parse("2026-03-04T08:15:00Z"));
    assertThat(events.get(3)).isInstanceOf(Objected.class);
    assertThat(((Inquired) events.get(4)).entity()).contains("acme-bank");
    assertThat(((PreferencesChanged) events.get(5)).preferences().quietHours().orElseThrow().window().start())
        .isEqualTo(LocalTime.of(21, 0));
  }

  @Test
  void wordsThatDoNotFitTheEventFailAtOnce() {
    assertThatThrownBy(() -> LedgerStory.story().objected().on(Channel.EMAIL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("objected names no channel");
    assertThatThrownBy(() -> LedgerStory.story().on("2026-03-02"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start with an event");
    assertThatThrownBy(() -> LedgerStory.story().confirmed())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no grant to confirm");
  }
}
