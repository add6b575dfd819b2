package dev.rapport.crm.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.base.VerifyException;
import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.RuleOutcome;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine looks for the end of a deferral step by step and gives up after a bound of steps
 * ({@code RULES.md} 6, Timing: DEFER, the earliest instant at which nothing defers). The
 * compiled form never searches: it answers in closed form only where the search is short, and
 * leaves every other customer to the engine, so the two cannot part at the bound.
 */
class CampaignDeferralBoundTest {
  private static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");
  private static final Outreach NEWSLETTER =
      Outreach.builder().purpose(Purpose.PROMOTION).channel(Channel.EMAIL).at(AT).build();
  private static final Evidence EVIDENCE =
      Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice("prefs-v3").build();
  private static final ZoneId[] ZONES = {
    ZoneId.of("Europe/London"), ZoneId.of("Asia/Tokyo"), ZoneId.of("America/New_York"),
    ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata")
  };
  /**
   * The moves of the search the closed form stands for, {@code end(max(free, end(at)))}: at most
   * two (three rounds of the engine's loop, the last finding nothing later), against the
   * engine's bound of 10,000 rounds.
   */
  private static final int SHORT_SEARCH = 2;

  @Test
  void where_a_teams_rule_keeps_deferring_past_the_engines_bound_the_gate_gives_the_engines_answer() {
    // A team's rule that defers to one second after any instant it is asked about: the engine's
    // search never settles and stops at its bound with an error. Any team rule makes the
    // compiled form leave every customer to the engine, so the gate fails the same way.
    PolicyEngine engine =
        PolicyEngine.builder()
            .addRule(context -> RuleOutcome.defer("ALWAYS_LATER", context.at().plusSeconds(1), "Always a second later."))
            .build();
    Ledger ledger = ledger("c-1", ZONES[0], List.of(grant()));
    assertThatThrownBy(() -> engine.decide(ledger, List.of(), NEWSLETTER))
        .isInstanceOf(VerifyException.class)
        .hasMessageContaining("no deferral end found");

    CampaignGate gate = CampaignGate.builder().engine(engine).build();
    CustomerSource source = CustomerSource.of(List.of(CampaignCustomer.of(ledger, List.of())));
    CompiledPopulation compiled = gate.compile(source, OutreachTemplate.at(NEWSLETTER));
    assertThat(compiled.alwaysFallback()).isEqualTo(1);
    assertThatThrownBy(() -> gate.gate(compiled, OutreachTemplate.at(NEWSLETTER)))
        .isInstanceOf(VerifyException.class)
        .hasMessageContaining("no deferral end found");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 2L, 3L, 4L})
  void every_deferral_the_compiled_form_answers_ends_within_a_few_steps_of_the_engines_search(long seed) {
    // Quiet hours, a cool-off and a business cap all deferring at once, in zones with and
    // without daylight saving. For each customer the compiled form decides, the engine's search
    // replayed from the customer's own declarations (each rule's earliest free instant from t,
    // the latest of them the next t) ends where the gate says, in at most SHORT_SEARCH steps.
    Random random = new Random(seed);
    List<CampaignCustomer> customers = new ArrayList<>();
    List<Rules> rules = new ArrayList<>();
    FrequencyCap cap =
        FrequencyCap.builder().addPurposes(Purpose.PROMOTION).addChannels(Channel.EMAIL).max(2).per(Duration.ofHours(30)).build();
    PolicyEngine engine = PolicyEngine.builder().options(PolicyOptions.builder().addCaps(cap).build()).build();
    for (int c = 0; c < 4_000; c++) {
      ZoneId zone = ZONES[random.nextInt(ZONES.length)];
      LocalTime start = LocalTime.of(random.nextInt(24), 15 * random.nextInt(4));
      LocalTime end = LocalTime.of(random.nextInt(24), 15 * random.nextInt(4));
      if (start.equals(end)) {
        end = end.plusHours(9);
      }
      Duration coolOff = Duration.ofMinutes(30 + random.nextInt(60 * 60));
      Instant bought = AT.minus(Duration.ofMinutes(random.nextInt(60 * 48)));
      Preferences preferences =
          Preferences.builder().quietHours(QuietHours.of(start, end)).coolOffAfterPurchase(coolOff).build();
      List<LedgerEvent> events =
          List.of(
              grant(),
              PreferencesChanged.builder().id("e2").at(AT.minus(Duration.ofDays(20))).preferences(preferences).build(),
              Purchased.builder().id("e3").at(bought).channel(Channel.EMAIL).optOutOffered(true).build());
      List<HistoryEntry> history = new ArrayList<>();
      for (int h = random.nextInt(4); h > 0; h--) {
        history.add(HistoryEntry.of(AT.minus(Duration.ofMinutes(1 + random.nextInt(60 * 30))), Purpose.PROMOTION, Channel.EMAIL));
      }
      customers.add(CampaignCustomer.of(ledger("c-" + c, zone, events), history));
      rules.add(new Rules(zone, start, end, bought.plus(coolOff), history, cap));
    }
    CampaignGate gate = CampaignGate.builder().engine(engine).build();
    CampaignRun run = gate.gate(CustomerSource.of(customers), OutreachTemplate.at(NEWSLETTER));
    int replayed = 0;
    for (int i = 0; i < customers.size(); i++) {
      GatedDecision gated = run.get(i);
      Decision single = engine.decide(customers.get(i).ledger().orElseThrow(), customers.get(i).history(), NEWSLETTER);
      assertThat(gated.verdict()).as("seed %s, customer %s", seed, i).isEqualTo(single.verdict());
      assertThat(gated.reasonCodes()).as("seed %s, customer %s", seed, i).isEqualTo(single.reasonCodes());
      assertThat(gated.deferUntil()).as("seed %s, customer %s", seed, i).isEqualTo(single.deferUntil());
      if (gated.isFallback() || gated.verdict() != Verdict.DEFER) {
        continue;
      }
      Instant t = AT;
      int steps = 0;
      for (Instant next = rules.get(i).freeFrom(t); !next.equals(t); next = rules.get(i).freeFrom(t)) {
        t = next;
        if (++steps > SHORT_SEARCH) {
          fail("seed " + seed + ", customer " + i + ": no end after " + SHORT_SEARCH + " steps, at " + t);
        }
      }
      assertThat(Optional.of(t)).as("seed %s, customer %s", seed, i).isEqualTo(gated.deferUntil());
      replayed++;
    }
    assertThat(replayed).as("compiled deferrals replayed").isGreaterThan(customers.size() / 4);
  }

  /** One customer's three timing rules, each as the engine applies it: its earliest free instant from t. */
  private static final class Rules {
    final ZoneId zone;
    final LocalTime start;
    final LocalTime end;
    final Instant coolOffEnd;
    final List<HistoryEntry> history;
    final FrequencyCap cap;

    Rules(ZoneId zone, LocalTime start, LocalTime end, Instant coolOffEnd, List<HistoryEntry> history, FrequencyCap cap) {
      this.zone = zone;
      this.start = start;
      this.end = end;
      this.coolOffEnd = coolOffEnd;
      this.history = history;
      this.cap = cap;
    }

    Instant freeFrom(Instant t) {
      Instant free = t;
      LocalTime local = t.atZone(zone).toLocalTime();
      boolean quiet = start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end) : !local.isBefore(start) || local.isBefore(end);
      if (quiet) {
        free = max(free, t.atZone(zone).plusSeconds(Duration.between(local, end).plusDays(1).toSeconds() % 86_400).toInstant());
      }
      free = max(free, coolOffEnd);
      List<Instant> counted = new ArrayList<>();
      for (HistoryEntry entry : history) {
        if (entry.at().isAfter(t.minus(cap.per())) && !entry.at().isAfter(t) && !entry.at().isAfter(AT)) {
          counted.add(entry.at());
        }
      }
      counted.sort(null);
      if (counted.size() >= cap.max()) {
        free = max(free, counted.get(counted.size() - cap.max()).plus(cap.per()));
      }
      return free;
    }

    private static Instant max(Instant a, Instant b) {
      return a.isAfter(b) ? a : b;
    }
  }

  private static Granted grant() {
    return Granted.builder()
        .id("e1")
        .at(AT.minus(Duration.ofDays(30)))
        .addIntents(Intent.PROMOTION)
        .addChannels(Channel.EMAIL)
        .evidence(EVIDENCE)
        .build();
  }

  private static Ledger ledger(String id, ZoneId zone, List<LedgerEvent> events) {
    return Ledger.of(CustomerProfile.of(id, Jurisdiction.of("AU"), zone), ImmutableList.copyOf(events));
  }
}
