package dev.rapport.crm.ledger;

import static dev.rapport.crm.testing.Fixtures.CUSTOMER_ID;
import static dev.rapport.crm.testing.Fixtures.confirmation;
import static dev.rapport.crm.testing.Fixtures.customer;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.erasure;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.inquiry;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.objection;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static dev.rapport.crm.testing.Fixtures.withdrawal;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static dev.rapport.crm.testing.RapportAssertions.catchThrowableOfType;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The append-only ledger ({@code RULES.md} "The ledger"). */
final class LedgerTest {
  private static final Granted G1 = grant("g1", day(0), Intent.DEALS, Channel.EMAIL);

  @Test
  void aKnownCustomerWithNoEventsHasAnEmptyLedgerAtVersionZero() {
    Ledger empty = Ledger.of(customer());

    assertThat(empty.events()).isEmpty();
    assertThat(empty.version()).isZero();
  }

  @Test
  void appendingReturnsANewLedgerAndLeavesTheOldOneAsItWas() {
    Ledger before = ledger(G1);

    Ledger after = before.append(objection("o1", day(1)));

    assertThat(before.events()).containsExactly(G1);
    assertThat(after.events()).hasSize(2);
    assertThat(after.version()).isEqualTo(2);
  }

  @Test
  void anEventIdAlreadyInTheLedgerIsRejected() {
    Ledger ledger = ledger(G1);

    RejectedEventException rejected =
        catchThrowableOfType(
            RejectedEventException.class,
            () -> ledger.append(withdrawal("g1", day(1), Intent.DEALS, Channel.EMAIL)));

    assertThat(rejected).hasMessage("ledger of customer c-1 already holds an event g1");
    assertThat(rejected.eventId()).isEqualTo("g1");
  }

  @Test
  void aDuplicateIdInsideOneBatchIsRejected() {
    RejectedEventException rejected =
        catchThrowableOfType(
            RejectedEventException.class,
            () -> ledger(G1, purchase("g1", day(1))));

    assertThat(rejected).hasMessage("ledger of customer c-1 already holds an event g1");
  }

  @Test
  void aConfirmedNamingAMissingGrantIsRejected() {
    RejectedEventException rejected =
        catchThrowableOfType(
            RejectedEventException.class,
            () -> ledger(G1).append(confirmation("c1", day(1), "g9")));

    assertThat(rejected)
        .hasMessage("confirmed event c1 names grant g9, which is not a granted event of this ledger");
    assertThat(rejected.eventId()).isEqualTo("c1");
  }

  @Test
  void aConfirmedNamingAnEventThatIsNoGrantIsRejected() {
    Ledger ledger = ledger(G1, withdrawal("w1", day(1), Intent.DEALS, Channel.EMAIL));

    RejectedEventException rejected =
        catchThrowableOfType(
            RejectedEventException.class, () -> ledger.append(confirmation("c1", day(2), "w1")));

    assertThat(rejected)
        .hasMessage("confirmed event c1 names grant w1, which is not a granted event of this ledger");
  }

  @Test
  void aConfirmedMayNameAGrantEarlierInTheSameBatch() {
    Ledger ledger = Ledger.of(customer()).append(List.of(G1, confirmation("c1", day(1), "g1")));

    assertThat(ledger.version()).isEqualTo(2);
  }

  @Test
  void aConfirmedMayNotNameAGrantLaterInTheSameBatch() {
    RejectedEventException rejected =
        catchThrowableOfType(
            RejectedEventException.class,
            () -> Ledger.of(customer()).append(List.of(confirmation("c1", day(1), "g1"), G1)));

    assertThat(rejected.eventId()).isEqualTo("c1");
  }

  @Test
  void nothingMayFollowErased() {
    Ledger erased = ledger(G1, erasure("x1", day(2)));

    RejectedEventException rejected =
        catchThrowableOfType(RejectedEventException.class, () -> erased.append(purchase("p1", day(1))));

    assertThat(rejected).hasMessage("customer c-1 was erased; no event may follow (event p1)");
  }

  @Test
  void nothingMayFollowErasedInsideOneBatch() {
    RejectedEventException rejected =
        catchThrowableOfType(
            RejectedEventException.class,
            () -> Ledger.of(customer()).append(List.of(G1, erasure("x1", day(1)), objection("o1", day(2)))));

    assertThat(rejected.eventId()).isEqualTo("o1");
  }

  @Test
  void aSecondErasedIsRejectedToo() {
    Ledger erased = ledger(erasure("x1", day(1)));

    RejectedEventException rejected =
        catchThrowableOfType(RejectedEventException.class, () -> erased.append(erasure("x2", day(2))));

    assertThat(rejected.eventId()).isEqualTo("x2");
  }

  @Test
  void aRejectedBatchAppendsNothing() {
    Ledger before = ledger(G1);
    List<LedgerEvent> batch =
        List.of(
            objection("o1", day(1)),
            inquiry("i1", day(2), Channel.EMAIL),
            confirmation("c1", day(3), "missing"),
            purchase("p1", day(4)));

    catchThrowableOfType(RejectedEventException.class, () -> before.append(batch));

    assertThat(before).isEqualTo(ledger(G1));
    assertThat(before.event("o1")).isEmpty();
    assertThat(before.event("p1")).isEmpty();
  }

  @Test
  void anEventIsFoundById() {
    assertThat(ledger(G1).event("g1")).contains(G1);
  }

  @Test
  void theErasedEventIsFound() {
    Erased erased = erasure("x1", day(3));

    assertThat(ledger(G1, erased).erased()).contains(erased);
  }

  @Test
  void asOfOrdersByAt() {
    Purchased late = purchase("p1", day(3));
    Objected early = objection("o1", day(1));

    assertThat(ledger(late, early, G1).asOf(day(5))).containsExactly(G1, early, late);
  }

  @Test
  void asOfOrdersTiesByLedgerPosition() {
    Withdrawn withdrawal = withdrawal("w1", day(0), Intent.DEALS, Channel.EMAIL);
    Purchased purchase = purchase("p1", day(0));

    assertThat(ledger(withdrawal, G1, purchase).asOf(day(0)))
        .containsExactly(withdrawal, G1, purchase);
    assertThat(ledger(purchase, G1, withdrawal).asOf(day(0)))
        .containsExactly(purchase, G1, withdrawal);
  }

  @Test
  void asOfIncludesABackFilledEventAtItsOwnTime() {
    Purchased recent = purchase("p1", day(10));
    Granted backFilled = grant("g0", day(-30), Intent.PROMOTION, Channel.POST);

    assertThat(ledger(recent, backFilled).asOf(day(10))).containsExactly(backFilled, recent);
  }

  @Test
  void asOfIncludesAnEventAtTheInstantAndExcludesOneAfterIt() {
    Purchased atTheInstant = purchase("p1", day(2));
    Purchased aSecondLater = purchase("p2", day(2).plusSeconds(1));

    assertThat(ledger(aSecondLater, G1, atTheInstant).asOf(day(2))).containsExactly(G1, atTheInstant);
  }

  @Test
  void asOfBeforeEveryEventIsEmpty() {
    assertThat(ledger(G1).asOf(day(-1))).isEmpty();
  }

  @Test
  void eventsKeepAppendOrder() {
    Purchased late = purchase("p1", day(3));

    assertThat(ledger(late, G1).events()).containsExactly(late, G1);
  }

  @Test
  void aLedgerDescribesItselfWithIdsAndCountOnly() {
    assertThat(ledger(G1)).hasToString("Ledger{customer=" + CUSTOMER_ID + ", events=1}");
  }
}
