package dev.rapport.crm.campaign;

import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One customer's answer in a campaign: the verdict, reason codes, obligations and {@code
 * deferUntil} of the single-decision engine, exactly; the readable sentences on demand ({@link
 * #decision()}).
 */
public final class GatedDecision {
  private final String customerId;
  private final Outreach outreach;
  private final Outcome outcome;
  private final @Nullable Instant deferUntil;
  private final Supplier<Decision> full;

  GatedDecision(String customerId, Outreach outreach, Outcome outcome, @Nullable Instant deferUntil, Supplier<Decision> full) {
    this.customerId = customerId;
    this.outreach = outreach;
    this.outcome = outcome;
    this.deferUntil = deferUntil;
    this.full = full;
  }

  /** The customer's id. */
  public String customerId() {
    return customerId;
  }

  /** The outreach decided for this customer, at the customer's instant. */
  public Outreach outreach() {
    return outreach;
  }

  /** The verdict. */
  public Verdict verdict() {
    return outcome.verdict;
  }

  /** The reasons' codes, in the engine's order. */
  public List<Code> reasonCodes() {
    return outcome.codes;
  }

  /** What an allowed message must honour; empty unless {@code ALLOW}. */
  public List<Obligation> obligations() {
    return outcome.obligations;
  }

  /** For a {@code DEFER}, the earliest instant at which it would be allowed. */
  public Optional<Instant> deferUntil() {
    return outcome.decision != null ? outcome.decision.deferUntil() : Optional.ofNullable(deferUntil);
  }

  /** Whether the full engine decided this customer (the compiled form could not). */
  public boolean isFallback() {
    return outcome.decision != null;
  }

  /**
   * The engine's whole decision, reasons with their sentences and cited events; for a customer
   * the compiled form decided, the engine decides it now.
   */
  public Decision decision() {
    return outcome.decision != null ? outcome.decision : full.get();
  }

  @Override
  public String toString() {
    return customerId + " " + verdict() + " " + reasonCodes()
        + (obligations().isEmpty() ? "" : " obligations " + obligations())
        + deferUntil().map(d -> " until " + d).orElse("");
  }
}
