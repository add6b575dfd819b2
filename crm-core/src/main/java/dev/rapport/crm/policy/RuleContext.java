package dev.rapport.crm.policy;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.LedgerEvent;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * What a {@link PolicyRule} sees: the customer, the ledger as of the outreach's instant
 * (ordered by time, ties by ledger position), the history sent up to then, the outreach and
 * the instant being judged.
 */
@Value.Immutable
public abstract class RuleContext {
  RuleContext() {}

  /** The customer. */
  public abstract CustomerProfile customer();

  /** The ledger's events at or before the outreach's instant, in time order. */
  public abstract List<LedgerEvent> events();

  /** The outreach already sent at or before the outreach's instant. */
  public abstract List<HistoryEntry> history();

  /** The outreach being decided. */
  public abstract Outreach outreach();

  /**
   * The instant being judged: the outreach's own instant, or a later one while the engine
   * looks for the earliest instant at which nothing defers.
   */
  public abstract Instant at();

  static RuleContext of(
      CustomerProfile customer,
      List<LedgerEvent> events,
      List<HistoryEntry> history,
      Outreach outreach,
      Instant at) {
    return ImmutableRuleContext.builder()
        .customer(customer)
        .events(events)
        .history(history)
        .outreach(outreach)
        .at(at)
        .build();
  }

  RuleContext at(Instant instant) {
    return of(customer(), events(), history(), outreach(), instant);
  }
}
