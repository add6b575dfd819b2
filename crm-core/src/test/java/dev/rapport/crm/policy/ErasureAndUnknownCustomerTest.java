package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.customer;
import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.decide;
import static dev.rapport.crm.testing.Fixtures.erasure;
import static dev.rapport.crm.testing.Fixtures.grantOfEverything;
import static dev.rapport.crm.testing.Fixtures.inquiry;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.planned;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.store.InMemoryLedgerStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code RULES.md} 1: erasure and unknown customers. */
final class ErasureAndUnknownCustomerTest {
  /** Everything granted, an inquiry open on every channel, then erased on day 5. */
  private static final Ledger ERASED_ON_DAY_5 =
      ledger(
          grantOfEverything("g1", day(0)),
          inquiry("i1", day(4), Channel.EMAIL),
          erasure("x1", day(5)));

  @ParameterizedTest(name = "section 5.1: {0} after erasure is denied (ERASED)")
  @EnumSource(Purpose.class)
  void section5_1_everyPurposeIsDeniedFromTheErasureOn(Purpose purpose) {
    Outreach afterErasure = planned(purpose, Channel.EMAIL, day(6)).staff("jane").build();

    assertThat(decide(ERASED_ON_DAY_5, afterErasure)).isDenied().hasReasons(ReasonCode.ERASED);
  }

  @Test
  void section5_1_theErasureAppliesAtItsOwnInstant() {
    assertThat(decide(ERASED_ON_DAY_5, outreach(Purpose.TRANSACTIONAL, Channel.POST, day(5))))
        .isDenied()
        .hasReasons(ReasonCode.ERASED);
  }

  @Test
  void section5_1_aReplyInsideTheWindowIsDeniedAfterErasure() {
    assertThat(decide(ERASED_ON_DAY_5, outreach(Purpose.REPLY, Channel.EMAIL, day(6))))
        .isDenied()
        .hasReasons(ReasonCode.ERASED)
        .doesNotHaveReasons(ReasonCode.REPLY_TO_CUSTOMER);
  }

  @Test
  void section5_1_aDecisionBeforeTheErasureIsMadeAsUsual() {
    assertThat(decide(ERASED_ON_DAY_5, outreach(Purpose.OFFER, Channel.EMAIL, day(4))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.DECLARED_INTENT);
  }

  @Test
  void section5_1_aTransactionalMessageASecondBeforeTheErasureIsAllowed() {
    assertThat(
            decide(ERASED_ON_DAY_5, outreach(Purpose.TRANSACTIONAL, Channel.EMAIL, day(5).minusSeconds(1))))
        .isAllowed()
        .hasOnlyReasons(ReasonCode.TRANSACTIONAL);
  }

  @ParameterizedTest(name = "section 5.1: {0} to an unknown customer is denied (UNKNOWN_CUSTOMER)")
  @EnumSource(Purpose.class)
  void section5_1_everyPurposeToAnUnknownCustomerIsDenied(Purpose purpose) {
    InMemoryLedgerStore store = new InMemoryLedgerStore();

    Decision decision =
        PolicyEngine.withDefaults()
            .decide(store, "c-404", List.of(), outreach(purpose, Channel.EMAIL, day(1)));

    assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.UNKNOWN_CUSTOMER);
    assertThat(decision).messageOf(ReasonCode.UNKNOWN_CUSTOMER).contains("c-404");
  }

  @Test
  void section5_1_aKnownCustomerWithNoEventsHasNoRelationshipYet() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.create(customer());

    Decision decision =
        PolicyEngine.withDefaults()
            .decide(store, customer().id(), List.of(), outreach(Purpose.OFFER, Channel.EMAIL, day(1)));

    assertThat(decision).isDenied().hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void section5_1_aKnownCustomerWithNoEventsStillGetsTransactionalMessages() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    store.create(customer());

    Decision decision =
        PolicyEngine.withDefaults()
            .decide(
                store, customer().id(), List.of(), outreach(Purpose.TRANSACTIONAL, Channel.EMAIL, day(1)));

    assertThat(decision).isAllowed().hasOnlyReasons(ReasonCode.TRANSACTIONAL).hasNoObligations();
  }
}
