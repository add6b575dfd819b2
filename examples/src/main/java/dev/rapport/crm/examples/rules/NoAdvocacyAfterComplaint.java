package dev.rapport.crm.examples.rules;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.policy.PolicyRule;
import dev.rapport.crm.policy.RuleContext;
import dev.rapport.crm.policy.RuleOutcome;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A team's own rule: no request for a review, referral or testimonial ({@code ADVOCACY})
 * within 30 days of a support complaint. Asking a customer who just had a problem to recommend
 * you is tone-deaf, even when they once said they would.
 *
 * <p>What counts as a complaint is this team's choice: an {@code inquired} event on one of the
 * support channels (by default the support line, {@code CALL}, and the support inbox, {@code
 * EMAIL}). An inquiry at {@code t} blocks advocacy asks at every instant {@code at} with {@code
 * at - 30 days < t <= at}; from exactly 30 days after it, they are allowed again. The outreach
 * is denied, not deferred, under the code {@value #CODE}: a review request planned today is not
 * meant to go out a month later.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.builder()
 *     .addRule(NoAdvocacyAfterComplaint.standard())
 *     .build();
 * }</pre>
 */
public final class NoAdvocacyAfterComplaint implements PolicyRule {
  /** The rule's reason code. */
  public static final String CODE = "RECENT_SUPPORT_COMPLAINT";

  private final ImmutableSet<Channel> supportChannels;
  private final Duration window;

  private NoAdvocacyAfterComplaint(Set<Channel> supportChannels, Duration window) {
    checkArgument(!supportChannels.isEmpty(), "name at least one support channel");
    checkArgument(!window.isNegative() && !window.isZero(), "the window must be positive, got %s", window);
    this.supportChannels = ImmutableSet.copyOf(supportChannels);
    this.window = window;
  }

  /** The rule with 30 days and the support line and inbox ({@code CALL}, {@code EMAIL}). */
  public static NoAdvocacyAfterComplaint standard() {
    return of(Set.of(Channel.CALL, Channel.EMAIL), Duration.ofDays(30));
  }

  /** The rule with the team's own support channels and window. */
  public static NoAdvocacyAfterComplaint of(Set<Channel> supportChannels, Duration window) {
    return new NoAdvocacyAfterComplaint(supportChannels, window);
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    if (context.outreach().purpose() != Purpose.ADVOCACY) {
      return RuleOutcome.pass();
    }
    Instant from = context.at().minus(window);
    Optional<Inquired> complaint = Optional.empty();
    for (LedgerEvent event : context.events()) {
      if (event instanceof Inquired
          && supportChannels.contains(((Inquired) event).channel())
          && event.at().isAfter(from)
          && !event.at().isAfter(context.at())) {
        complaint = Optional.of((Inquired) event); // events are in time order: keep the latest
      }
    }
    return complaint
        .map(
            c ->
                RuleOutcome.deny(
                    CODE,
                    "The customer contacted support by "
                        + c.channel()
                        + " on "
                        + c.at()
                        + ", less than "
                        + window.toDays()
                        + " days ago; no advocacy asks until "
                        + c.at().plus(window)
                        + ".",
                    c.id()))
        .orElse(RuleOutcome.pass());
  }
}
