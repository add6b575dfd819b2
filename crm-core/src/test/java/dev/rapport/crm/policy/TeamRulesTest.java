package dev.rapport.crm.policy;

import static dev.rapport.crm.testing.Fixtures.day;
import static dev.rapport.crm.testing.Fixtures.grant;
import static dev.rapport.crm.testing.Fixtures.inquiry;
import static dev.rapport.crm.testing.Fixtures.ledger;
import static dev.rapport.crm.testing.Fixtures.outreach;
import static dev.rapport.crm.testing.Fixtures.purchase;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static dev.rapport.crm.testing.RapportAssertions.assertThatThrownBy;

import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code RULES.md} "The model" and {@link PolicyRule}: a team's own rules compose with the built-in ones;
 * their denials appear under their own codes and their deferrals take part in finding
 * {@code deferUntil}.
 */
final class TeamRulesTest {
  private static final Ledger ADVOCATE = ledger(grant("g1", day(0), Intent.ADVOCACY, Channel.EMAIL));
  private static final Outreach REVIEW_REQUEST = outreach(Purpose.ADVOCACY, Channel.EMAIL, day(10));

  /** The example of {@link PolicyRule}'s javadoc. */
  private static final PolicyRule NO_ADVOCACY_AFTER_COMPLAINT =
      context -> {
        if (context.outreach().purpose() != Purpose.ADVOCACY) {
          return RuleOutcome.pass();
        }
        return context.events().stream()
            .filter(e -> e instanceof Inquired)
            .filter(e -> e.at().isAfter(context.at().minus(Duration.ofDays(30))))
            .reduce((first, second) -> second)
            .map(e -> RuleOutcome.deny("RECENT_COMPLAINT", "A support contact on " + e.at() + " is less than 30 days old.", e.id()))
            .orElse(RuleOutcome.pass());
      };

  private static PolicyEngine engineWith(PolicyRule... rules) {
    PolicyEngine.Builder builder = PolicyEngine.builder();
    for (PolicyRule rule : rules) {
      builder.addRule(rule);
    }
    return builder.build();
  }

  private static PolicyRule deferUntil(String code, Instant until) {
    return context -> context.at().isBefore(until) ? RuleOutcome.defer(code, until, "not before " + until) : RuleOutcome.pass();
  }

  /** A team rule that forgot to answer. */
  private static final class ForgetfulRule implements PolicyRule {
    @Override
    public RuleOutcome evaluate(RuleContext context) {
      return null;
    }
  }

  @Test
  void aTeamRuleThatReturnsNullFailsNamingItsClass() {
    PolicyEngine engine = engineWith(new ForgetfulRule());

    assertThatThrownBy(() -> engine.decide(ADVOCATE, List.of(), REVIEW_REQUEST))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "team rule dev.rapport.crm.policy.TeamRulesTest$ForgetfulRule returned null; a rule that"
                + " has nothing to say returns RuleOutcome.pass()");
  }

  @Test
  void aPassingTeamRuleChangesNothing() {
    Decision withRule = engineWith(context -> RuleOutcome.pass()).decide(ADVOCATE, List.of(), REVIEW_REQUEST);

    assertThat(withRule).isEqualTo(PolicyEngine.withDefaults().decide(ADVOCATE, List.of(), REVIEW_REQUEST));
  }

  @Test
  void aTeamRuleDenialTurnsAnAllowIntoADenyUnderItsOwnCode() {
    Ledger complained = ADVOCATE.append(inquiry("i1", day(5), Channel.EMAIL));

    Decision decision = engineWith(NO_ADVOCACY_AFTER_COMPLAINT).decide(complained, List.of(), REVIEW_REQUEST);

    assertThat(decision).isDenied().hasOnlyReasons(TeamCode.of("RECENT_COMPLAINT")).hasNoObligations();
    assertThat(decision.reasons().get(0).event()).contains("i1");
    assertThat(decision.reasons().get(0).verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void aTeamRuleDenialIsListedBesideTheBuiltInDenials() {
    Ledger noGrant = ledger(inquiry("i1", day(5), Channel.EMAIL));

    assertThat(engineWith(NO_ADVOCACY_AFTER_COMPLAINT).decide(noGrant, List.of(), REVIEW_REQUEST))
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP, TeamCode.of("RECENT_COMPLAINT"));
  }

  @Test
  void teamRulesAreListedAfterTheBuiltInRulesInTheOrderAdded() {
    PolicyEngine engine =
        engineWith(context -> RuleOutcome.deny("FIRST_RULE", "first"), context -> RuleOutcome.deny("SECOND_RULE", "second"));

    assertThat(engine.decide(ledger(), List.of(), REVIEW_REQUEST).reasonCodes())
        .containsExactly(ReasonCode.NO_DECLARED_RELATIONSHIP, TeamCode.of("FIRST_RULE"), TeamCode.of("SECOND_RULE"));
  }

  @Test
  void aTeamRuleDeferralDefersAnOtherwiseAllowedOutreach() {
    Instant until = REVIEW_REQUEST.at().plus(Duration.ofHours(2));

    assertThat(engineWith(deferUntil("AFTER_LAUNCH", until)).decide(ADVOCATE, List.of(), REVIEW_REQUEST))
        .isDeferredUntil(until)
        .hasOnlyReasons(TeamCode.of("AFTER_LAUNCH"))
        .hasNoObligations();
  }

  @Test
  void theLatestOfSeveralTeamDeferralsIsTheEarliestInstantAtWhichNothingDefers() {
    Instant oneHour = REVIEW_REQUEST.at().plus(Duration.ofHours(1));
    Instant threeHours = REVIEW_REQUEST.at().plus(Duration.ofHours(3));

    assertThat(
            engineWith(deferUntil("SHORT_WAIT", oneHour), deferUntil("LONG_WAIT", threeHours))
                .decide(ADVOCATE, List.of(), REVIEW_REQUEST))
        .isDeferredUntil(threeHours)
        .hasOnlyReasons(TeamCode.of("SHORT_WAIT"), TeamCode.of("LONG_WAIT"));
  }

  @Test
  void aTeamRuleIsConsultedAgainAtTheInstantItDeferredTo() {
    Instant firstUntil = REVIEW_REQUEST.at().plus(Duration.ofHours(1));
    Instant secondUntil = REVIEW_REQUEST.at().plus(Duration.ofHours(4));
    PolicyRule chained =
        context -> {
          if (context.at().isBefore(firstUntil)) {
            return RuleOutcome.defer("STAGED_ROLLOUT", firstUntil, "stage 1");
          }
          if (context.at().isBefore(secondUntil)) {
            return RuleOutcome.defer("STAGED_ROLLOUT", secondUntil, "stage 2");
          }
          return RuleOutcome.pass();
        };

    assertThat(engineWith(chained).decide(ADVOCATE, List.of(), REVIEW_REQUEST))
        .isDeferredUntil(secondUntil)
        .hasReasons(TeamCode.of("STAGED_ROLLOUT"));
  }

  @Test
  void aTeamRuleDeferralDoesNotHideABuiltInDenial() {
    Instant until = REVIEW_REQUEST.at().plus(Duration.ofHours(2));

    assertThat(engineWith(deferUntil("AFTER_LAUNCH", until)).decide(ledger(), List.of(), REVIEW_REQUEST))
        .isDenied()
        .hasReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @Test
  void aTeamRuleDenialWinsOverATeamRuleDeferral() {
    Instant until = REVIEW_REQUEST.at().plus(Duration.ofHours(2));
    PolicyEngine engine = engineWith(deferUntil("AFTER_LAUNCH", until), context -> RuleOutcome.deny("BLOCKED", "blocked"));

    assertThat(engine.decide(ADVOCATE, List.of(), REVIEW_REQUEST)).isDenied().hasReasons(TeamCode.of("BLOCKED"));
  }

  @Test
  void aTeamRuleSeesOnlyTheEventsAndHistoryUpToTheOutreach() {
    Ledger ledger =
        ADVOCATE.append(List.of(purchase("p-future", day(20)), purchase("p-past", day(3))));
    List<HistoryEntry> history =
        List.of(
            HistoryEntry.of(day(30), Purpose.ADVOCACY, Channel.EMAIL),
            HistoryEntry.of(day(2), Purpose.ADVOCACY, Channel.EMAIL));
    List<RuleContext> seen = new ArrayList<>();

    engineWith(
            context -> {
              synchronized (seen) {
                seen.add(context);
              }
              return RuleOutcome.pass();
            })
        .decide(ledger, history, REVIEW_REQUEST);

    assertThat(seen).hasSize(1);
    RuleContext context = seen.get(0);
    assertThat(context.at()).isEqualTo(REVIEW_REQUEST.at());
    assertThat(context.outreach()).isEqualTo(REVIEW_REQUEST);
    assertThat(context.customer()).isEqualTo(ledger.customer());
    assertThat(context.events()).extracting(LedgerEvent::id).containsExactly("g1", "p-past");
    assertThat(context.history()).extracting(HistoryEntry::at).containsExactly(day(2));
  }
}
