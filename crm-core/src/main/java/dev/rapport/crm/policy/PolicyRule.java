package dev.rapport.crm.policy;

/**
 * A team's own business rule, composed with the built-in rules without forking
 * ({@code RULES.md} "The model"). Its denials and deferrals appear in the {@link Decision}
 * exactly like built-in ones, under codes of its own.
 *
 * <p>A rule is consulted once with {@link RuleContext#at()} equal to the outreach's instant.
 * If nothing denies and a rule (or a built-in timing rule) defers, the engine consults the
 * rules again at later instants to find the earliest instant at which nothing defers, so a
 * rule must judge the instant it is given, not the system clock. Rules must be pure and
 * thread-safe.
 *
 * <pre>{@code
 * PolicyRule noAdvocacyAfterComplaint = context -> {
 *   if (context.outreach().purpose() != Purpose.ADVOCACY) {
 *     return RuleOutcome.pass();
 *   }
 *   return context.events().stream()
 *       .filter(e -> e instanceof Inquired)
 *       .filter(e -> e.at().isAfter(context.at().minus(Duration.ofDays(30))))
 *       .reduce((first, second) -> second)
 *       .map(e -> RuleOutcome.deny("RECENT_COMPLAINT", "A support contact on "
 *           + e.at() + " is less than 30 days old.", e.id()))
 *       .orElse(RuleOutcome.pass());
 * };
 * }</pre>
 */
@FunctionalInterface
public interface PolicyRule {
  /** Judges the outreach at {@link RuleContext#at()}. */
  RuleOutcome evaluate(RuleContext context);
}
