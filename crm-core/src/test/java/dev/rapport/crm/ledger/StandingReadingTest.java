package dev.rapport.crm.ledger;

import static dev.rapport.crm.testing.Fixtures.customer;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A reader's own form of a standing ({@code Standing.reading}, reached by the engine through {@code internal.Access}) is made once per ledger state and
 * kept with the ledger, like the fold ({@code RULES.md}, the ledger: decisions read the state at
 * their instant): every instant at or after the latest event shares it; an earlier instant gets
 * the form of the fold of the events up to it; a ledger appended to makes its own.
 */
final class StandingReadingTest {
  /** A reading: the ids of the events folded. */
  private static final class Ids {
    final String ids;

    Ids(Standing standing) {
      this.ids = standing.events().stream().map(LedgerEvent::id).reduce("", (a, b) -> a + b + ";");
    }
  }

  private final AtomicInteger made = new AtomicInteger();
  private final Function<Standing, Ids> derive =
      standing -> {
        made.incrementAndGet();
        return new Ids(standing);
      };

  private final Ledger ledger =
      Ledger.of(customer())
          .append(grant("g1", day(1), Intent.DEALS, Channel.EMAIL))
          .append(purchase("p1", day(3)));

  @Test
  void everyInstantAtOrAfterTheLatestEventSharesOneReading() {
    Ids atLatest = Standing.reading(ledger, day(3), Ids.class, derive);
    Ids later = Standing.reading(ledger, day(30), Ids.class, derive);

    assertThat(later).isSameAs(atLatest);
    assertThat(atLatest.ids).isEqualTo("g1;p1;");
    assertThat(made).hasValue(1);
  }

  @Test
  void anEarlierInstantReadsTheFoldOfTheEventsUpToIt() {
    Ids kept = Standing.reading(ledger, day(30), Ids.class, derive);
    Ids before = Standing.reading(ledger, day(2), Ids.class, derive);

    assertThat(before.ids).isEqualTo("g1;");
    assertThat(Standing.reading(ledger, day(30), Ids.class, derive)).isSameAs(kept);
    assertThat(made).hasValue(2);
  }

  @Test
  void aLedgerAppendedToMakesItsOwnReadingAndTheOlderKeepsItsOwn() {
    Ids older = Standing.reading(ledger, day(30), Ids.class, derive);
    Ledger newer = ledger.append(purchase("p2", day(4)));

    assertThat(Standing.reading(newer, day(30), Ids.class, derive).ids).isEqualTo("g1;p1;p2;");
    assertThat(Standing.reading(ledger, day(30), Ids.class, derive)).isSameAs(older);
  }

  @Test
  void aReadingOfAnotherTypeIsMadeAndKeptInstead() {
    Standing.reading(ledger, day(30), Ids.class, derive);
    String counted = Standing.reading(ledger, day(30), String.class, s -> "events " + s.events().size());

    assertThat(counted).isEqualTo("events 2");
    assertThat(Standing.reading(ledger, day(30), Ids.class, derive).ids).isEqualTo("g1;p1;");
    assertThat(made).hasValue(2);
  }
}
