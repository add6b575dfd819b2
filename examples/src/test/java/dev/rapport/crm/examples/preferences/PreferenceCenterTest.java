package dev.rapport.crm.examples.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.examples.RacingLedgerStore;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.store.InMemoryLedgerStore;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.store.VersionConflictException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PreferenceCenterTest {
  private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
  private static final Instant WEDNESDAY = Instant.parse("2026-03-04T10:00:00Z");

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();

  PreferenceCenterTest() {
    store.create(CustomerProfile.of("c-0042", Jurisdiction.of("IE"), ZoneId.of("Europe/Dublin")));
  }

  @Test
  void aDeclarationIsAGrantWithThePreferenceCentersEvidence() {
    Ledger ledger = new PreferenceCenter(store, "prefs-v3")
        .declare("c-0042", EnumSet.of(Intent.DEALS), EnumSet.of(Channel.EMAIL), MONDAY, "session-1");

    assertThat(ledger.events()).singleElement().isInstanceOfSatisfying(Granted.class, grant -> {
      assertThat(grant.intents()).containsExactly(Intent.DEALS);
      assertThat(grant.evidence().source()).isEqualTo(Source.PREFERENCE_CENTER);
      assertThat(grant.evidence().actor()).isEqualTo(Actor.CUSTOMER);
      assertThat(grant.evidence().notice()).contains("prefs-v3");
      assertThat(grant.evidence().details()).containsEntry("session", "session-1");
      assertThat(grant.isValidConsent()).isTrue();
    });
  }

  @Test
  void aWithdrawalIsAppendedAndTheEngineHonoursIt() {
    PreferenceCenter center = new PreferenceCenter(store, "prefs-v3");
    center.declare("c-0042", EnumSet.of(Intent.DEALS, Intent.PROMOTION), EnumSet.of(Channel.EMAIL), MONDAY, "s1");
    Ledger ledger = center.withdraw("c-0042", EnumSet.of(Intent.PROMOTION), EnumSet.of(Channel.EMAIL), WEDNESDAY, "s2");

    assertThat(ledger.events()).hasSize(2);
    assertThat(ledger.events().get(1)).isInstanceOf(Withdrawn.class);
    PolicyEngine engine = PolicyEngine.withDefaults();
    Instant thursday = WEDNESDAY.plusSeconds(86_400);
    assertThat(engine.decide(ledger, List.of(), email(Purpose.OFFER, thursday)).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(engine.decide(ledger, List.of(), email(Purpose.PROMOTION, thursday)).reasonCodes())
        .containsExactly(ReasonCode.WITHDRAWN);
  }

  @Test
  void aWriteThatLosesARaceReadsAgainAndRetries() {
    RacingLedgerStore racing = rival(store, 1);
    Ledger ledger = new PreferenceCenter(racing, "prefs-v3")
        .withdraw("c-0042", EnumSet.allOf(Intent.class), EnumSet.allOf(Channel.class), WEDNESDAY, "s1");

    assertThat(racing.conflicts()).isEqualTo(1);
    assertThat(ledger.events()).hasSize(2);
    assertThat(ledger.events().get(0)).isInstanceOf(Inquired.class); // the other writer's event
    assertThat(ledger.events().get(1)).isInstanceOf(Withdrawn.class); // ours, not lost
  }

  @Test
  void aWriteGivesUpAfterTheLastAttempt() {
    RacingLedgerStore racing = rival(store, PreferenceCenter.ATTEMPTS);
    PreferenceCenter center = new PreferenceCenter(racing, "prefs-v3");

    assertThatThrownBy(() -> center.objectToMarketing("c-0042", WEDNESDAY, "s1"))
        .isInstanceOf(VersionConflictException.class);
    assertThat(racing.conflicts()).isEqualTo(PreferenceCenter.ATTEMPTS);
  }

  /** Another writer appends an inquiry just before each of the first {@code races} writes. */
  private static RacingLedgerStore rival(LedgerStore store, int races) {
    RacingLedgerStore racing = new RacingLedgerStore(store,
        version -> Inquired.builder().id("other-" + version).at(MONDAY).channel(Channel.CALL).build());
    racing.race(races);
    return racing;
  }

  private static Outreach email(Purpose purpose, Instant at) {
    return Outreach.builder().purpose(purpose).channel(Channel.EMAIL).at(at).build();
  }

}
