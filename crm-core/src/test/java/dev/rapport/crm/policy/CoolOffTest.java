package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.preferences;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.reason;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cool-off after purchase ({@code model.md} 5.8): no marketing purpose until the last purchase
 * plus the cool-off. Reason {@code COOL_OFF}.
 */
final class CoolOffTest {
  private static final CustomerProfile MEI = customer("JP", "Asia/Tokyo");
  private static final Instant JOINED = utc("2026-04-01T00:00:00Z");
  private static final Instant BOUGHT = utc("2026-06-10T05:17:23Z");
  private static final Duration THREE_DAYS = Duration.ofDays(3);

  private static Ledger withCoolOff(LedgerEvent... more) {
    List<LedgerEvent> events = new ArrayList<>();
    events.add(grant("g-promo", JOINED, Intent.PROMOTION, Channel.EMAIL, Channel.POST));
    events.add(grant("g-support", JOINED, Intent.SUPPORT, Channel.EMAIL));
    events.add(grant("g-know", JOINED, Intent.KNOWLEDGE, Channel.EMAIL));
    events.add(preferences("p-cool", JOINED, Preferences.builder().coolOffAfterPurchase(THREE_DAYS).build()));
    events.addAll(List.of(more));
    return ledger(MEI, events.toArray(LedgerEvent[]::new));
  }

  @Test
  @DisplayName("5.8 cool-off defers marketing until exactly the purchase plus the cool-off")
  void coolOffDefersUntilPurchasePlusCoolOff() {
    Decision decision =
        decide(withCoolOff(purchase("b1", BOUGHT)), outreach(Purpose.PROMOTION, Channel.EMAIL, BOUGHT.plus(Duration.ofDays(1))));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.COOL_OFF)
        .isDeferredUntil(BOUGHT.plus(THREE_DAYS));
    assertThat(reason(decision, ReasonCode.COOL_OFF).event()).contains("b1");
  }

  @Test
  @DisplayName("5.8 cool-off ends exactly at purchase + coolOff: that instant is free, one second before is not")
  void coolOffEndsExactlyAtItsEnd() {
    Ledger ledger = withCoolOff(purchase("b1", BOUGHT));
    Instant end = BOUGHT.plus(THREE_DAYS);

    assertThat(decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, end)).verdict()).isEqualTo(Verdict.ALLOW);
    Decision justBefore = decide(ledger, outreach(Purpose.PROMOTION, Channel.EMAIL, end.minusSeconds(1)));
    assertThat(justBefore).isDeferredUntil(end);
  }

  @Test
  @DisplayName("5.8 cool-off starts at the purchase instant itself")
  void coolOffStartsAtThePurchase() {
    Decision decision = decide(withCoolOff(purchase("b1", BOUGHT)), outreach(Purpose.OFFER, Channel.EMAIL, BOUGHT));

    assertThat(decision).isDeferredUntil(BOUGHT.plus(THREE_DAYS));
  }

  @Test
  @DisplayName("5.8 the last purchase counts: a newer purchase restarts the cool-off")
  void theLastPurchaseCounts() {
    Instant again = BOUGHT.plus(Duration.ofDays(2));

    Decision decision =
        decide(
            withCoolOff(purchase("b1", BOUGHT), purchase("b2", again)),
            outreach(Purpose.PROMOTION, Channel.EMAIL, BOUGHT.plus(Duration.ofDays(4))));

    assertThat(decision).isDeferredUntil(again.plus(THREE_DAYS));
  }

  @Test
  @DisplayName("5 a purchase after the outreach's instant starts no cool-off for it")
  void aLaterPurchaseIsIgnored() {
    Decision decision =
        decide(withCoolOff(purchase("b1", BOUGHT)), outreach(Purpose.PROMOTION, Channel.EMAIL, BOUGHT.minusSeconds(1)));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 cool-off holds a letter too: POST is exempt from quiet hours only")
  void coolOffHoldsPost() {
    Decision decision =
        decide(withCoolOff(purchase("b1", BOUGHT)), outreach(Purpose.OFFER, Channel.POST, BOUGHT.plus(Duration.ofHours(1))));

    assertThat(decision).hasOnlyReasons(ReasonCode.COOL_OFF);
  }

  @ParameterizedTest(name = "5.8 cool-off does not hold a non-marketing {0} message")
  @EnumSource(value = Purpose.class, names = {"TRANSACTIONAL", "SERVICE"})
  void coolOffHoldsNoNonMarketingPurpose(Purpose purpose) {
    Decision decision =
        decide(withCoolOff(purchase("b1", BOUGHT)), outreach(purpose, Channel.EMAIL, BOUGHT.plus(Duration.ofHours(1))));

    assertThat(decision).isAllowed();
  }

  @Test
  @DisplayName("5.8 cool-off holds every marketing purpose, CONTENT included")
  void coolOffHoldsContent() {
    Decision decision =
        decide(withCoolOff(purchase("b1", BOUGHT)), outreach(Purpose.CONTENT, Channel.EMAIL, BOUGHT.plus(Duration.ofHours(1))));

    assertThat(decision).hasOnlyReasons(ReasonCode.COOL_OFF);
  }

  @Test
  @DisplayName("5.2, 5.8 cool-off holds a TRANSACTIONAL message carrying promotion")
  void coolOffHoldsTransactionalWithPromotion() {
    Decision decision =
        decide(
            withCoolOff(purchase("b1", BOUGHT)),
            outreach(Purpose.TRANSACTIONAL, Channel.EMAIL, BOUGHT.plus(Duration.ofHours(1))).containsPromotion(true));

    assertThat(decision)
        .isDeferred()
        .hasOnlyReasons(ReasonCode.COOL_OFF);
  }

  @Test
  @DisplayName("5.8 without a purchase a cool-off preference defers nothing")
  void noPurchaseNoCoolOff() {
    Decision decision = decide(withCoolOff(), outreach(Purpose.PROMOTION, Channel.EMAIL, BOUGHT));

    assertThat(decision).isAllowed();
  }
}
