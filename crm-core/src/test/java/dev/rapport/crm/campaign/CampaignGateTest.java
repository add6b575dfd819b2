package dev.rapport.crm.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.store.InMemoryLedgerStore;
import dev.rapport.crm.testing.LedgerStory;
import dev.rapport.crm.relationship.Preferences;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The campaign API: local wall times (RULES.md 6, Timing), sources, order, summary, bad input. */
class CampaignGateTest {
  private static final Outreach NEWSLETTER =
      Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL).at(Instant.EPOCH).build();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

  @Test
  void a_wall_time_in_a_daylight_saving_gap_is_the_instant_the_gap_ends() {
    // 2026-03-08 02:00 EST -> 03:00 EDT in New York: 02:30 does not exist.
    OutreachTemplate template = OutreachTemplate.atLocalTime(NEWSLETTER, LocalDateTime.parse("2026-03-08T02:30"));
    assertThat(template.instantIn(NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
  }

  @Test
  void a_wall_time_in_a_repeated_hour_is_its_first_occurrence() {
    // 2026-04-05 03:00 AEDT -> 02:00 AEST in Sydney: 02:30 happens twice, first at +11:00.
    OutreachTemplate template = OutreachTemplate.atLocalTime(NEWSLETTER, LocalDateTime.parse("2026-04-05T02:30"));
    assertThat(template.instantIn(SYDNEY)).isEqualTo(Instant.parse("2026-04-04T15:30:00Z"));
  }

  @Test
  void a_fixed_instant_is_the_same_in_every_zone() {
    OutreachTemplate template = OutreachTemplate.at(NEWSLETTER.rescheduled(Instant.parse("2026-03-10T10:00:00Z")));
    assertThat(template.instantIn(SYDNEY)).isEqualTo(template.instantIn(NEW_YORK));
    assertThat(template.outreachIn(SYDNEY).at()).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
  }

  @Test
  void a_store_gives_its_customers_in_id_order_and_decisions_keep_that_order_on_many_threads() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String id = String.format("c-%05d", (i * 7919) % 20_000);
      store.create(CustomerProfile.of(id, Jurisdiction.of("GB"), ZoneId.of("Europe/London")));
      ids.add(id);
    }
    ids.sort(dev.rapport.crm.store.LedgerStore.CUSTOMER_ID_ORDER);
    CustomerSource source = CustomerSource.of(store, id -> ImmutableList.of());
    CampaignRun run =
        CampaignGate.builder().parallelism(3).build()
            .gate(source, OutreachTemplate.atLocalTime(NEWSLETTER, LocalDateTime.parse("2026-03-10T10:00")));
    List<String> decided = new ArrayList<>();
    run.stream().forEach(d -> decided.add(d.customerId()));
    assertThat(decided).isEqualTo(ids);
    assertThat(run.summary().verdicts()).isEqualTo(Map.of(Verdict.DENY, 20_000, Verdict.ALLOW, 0, Verdict.DEFER, 0));
    assertThat(run.summary().reasonCodes()).isEqualTo(Map.of(ReasonCode.NO_DECLARED_RELATIONSHIP, 20_000));
    assertThat(run.summary().fallbacks()).isZero();
    assertThat(run.get(0).decision().reasons().get(0).message()).contains("Nothing declared");
  }

  @Test
  void an_unknown_customer_is_denied_as_the_engine_denies_it() {
    CampaignRun run =
        CampaignGate.builder().build()
            .gate(CustomerSource.of(List.of(CampaignCustomer.unknown("c-404"))), OutreachTemplate.at(NEWSLETTER));
    assertThat(run.get(0).reasonCodes()).containsExactly(ReasonCode.UNKNOWN_CUSTOMER);
    assertThat(run.summary().fallbacks()).isEqualTo(1);
  }

  @Test
  void a_population_compiled_for_one_outreach_does_not_gate_another() {
    CampaignGate gate = CampaignGate.builder().build();
    Ledger ledger = Ledger.of(CustomerProfile.of("c-1", Jurisdiction.of("GB"), ZoneId.of("Europe/London")));
    CompiledPopulation compiled =
        gate.compile(CustomerSource.of(List.of(CampaignCustomer.of(ledger, List.of()))), OutreachTemplate.at(NEWSLETTER));
    OutreachTemplate sms =
        OutreachTemplate.at(Outreach.builder().from(NEWSLETTER).channel(Channel.SMS).build());
    assertThatThrownBy(() -> gate.gate(compiled, sms))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("compiled for");
    assertThatThrownBy(() -> CampaignGate.builder().parallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism must be at least 1");
  }

  @Test
  void a_deferral_past_the_end_of_the_time_line_is_the_engines_denial() {
    // RULES.md "Bounds of values": a deferral that would end after 9999-12-31 is a DENY. Quiet
    // hours 21:00-08:00 at 22:00 London time on the time line's last day end in year 10000.
    Ledger ledger =
        LedgerStory.of(CustomerProfile.of("c-1", Jurisdiction.of("GB"), ZoneId.of("Europe/London")))
            .granted(Intent.PROMOTION).on(Channel.EMAIL).on("2026-03-02")
            .keepsQuietHours("21:00", "08:00").on("2026-03-02")
            .ledger();
    Outreach lastEvening = NEWSLETTER.rescheduled(Instant.parse("9999-12-31T22:00:00Z"));
    CampaignGate gate = CampaignGate.builder().build();
    CustomerSource source = CustomerSource.of(List.of(CampaignCustomer.of(ledger, List.of())));
    var single = gate.engine().decide(ledger, List.of(), lastEvening);
    assertThat(single.verdict()).isEqualTo(Verdict.DENY);
    // Compiled for that evening, and compiled for a morning of 2026 then gated on that evening.
    CompiledPopulation compiledThatEvening = gate.compile(source, OutreachTemplate.at(lastEvening));
    CompiledPopulation compiledIn2026 =
        gate.compile(source, OutreachTemplate.at(NEWSLETTER.rescheduled(Instant.parse("2026-03-10T10:00:00Z"))));
    for (CompiledPopulation compiled : List.of(compiledThatEvening, compiledIn2026)) {
      GatedDecision gated = gate.gate(compiled, OutreachTemplate.at(lastEvening)).get(0);
      assertThat(gated.verdict()).isEqualTo(single.verdict());
      assertThat(gated.reasonCodes()).isEqualTo(single.reasons().stream().map(r -> r.code()).toList());
      assertThat(gated.deferUntil()).isEqualTo(single.deferUntil());
    }
  }

  @Test
  void a_deferral_further_away_than_the_runs_column_holds_is_left_to_the_engine() {
    // A cool-off may last up to 36,500 days (RULES.md, "Bounds of values"); the run keeps a
    // deferral as whole seconds after the customer's instant in an int, about 68 years: one
    // that ends later is the engine's, counted as a fallback, and the same.
    Ledger ledger =
        LedgerStory.of(CustomerProfile.of("c-1", Jurisdiction.of("AU"), ZoneId.of("Australia/Perth")))
            .granted(Intent.PROMOTION).on(Channel.EMAIL).on("2026-03-01")
            .chose(Preferences.builder().coolOffAfterPurchase(Duration.ofDays(36_500)).build()).on("2026-03-01")
            .bought().on(Channel.EMAIL).on("2026-03-02")
            .ledger();
    Ledger shorter =
        LedgerStory.of(CustomerProfile.of("c-2", Jurisdiction.of("AU"), ZoneId.of("Australia/Perth")))
            .granted(Intent.PROMOTION).on(Channel.EMAIL).on("2026-03-01")
            .chose(Preferences.builder().coolOffAfterPurchase(Duration.ofDays(365 * 60)).build()).on("2026-03-01")
            .bought().on(Channel.EMAIL).on("2026-03-02")
            .ledger();
    Outreach outreach = NEWSLETTER.rescheduled(Instant.parse("2026-03-10T10:00:00Z"));
    CampaignGate gate = CampaignGate.builder().build();
    CampaignRun run =
        gate.gate(
            CustomerSource.of(List.of(CampaignCustomer.of(ledger, List.of()), CampaignCustomer.of(shorter, List.of()))),
            OutreachTemplate.at(outreach));
    for (int i = 0; i < 2; i++) {
      var single = gate.engine().decide(i == 0 ? ledger : shorter, List.of(), outreach);
      assertThat(single.verdict()).isEqualTo(Verdict.DEFER);
      assertThat(run.get(i).reasonCodes()).isEqualTo(single.reasonCodes());
      assertThat(run.get(i).deferUntil()).isEqualTo(single.deferUntil());
    }
    assertThat(run.get(0).isFallback()).isTrue();
    assertThat(run.get(1).isFallback()).isFalse();
    assertThat(run.summary().fallbacks()).isEqualTo(1);
  }
}
