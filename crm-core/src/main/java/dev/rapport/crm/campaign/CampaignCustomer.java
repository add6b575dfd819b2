package dev.rapport.crm.campaign;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.HistoryEntry;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One customer of a campaign: the ledger (absent for a customer the store no longer knows, who
 * is denied {@code UNKNOWN_CUSTOMER}, {@code RULES.md} 1) and the outreach already sent.
 */
public final class CampaignCustomer {
  private final String id;
  private final @Nullable Ledger ledger;
  private final List<HistoryEntry> history;

  private CampaignCustomer(String id, @Nullable Ledger ledger, List<HistoryEntry> history) {
    this.id = id;
    this.ledger = ledger;
    this.history = history;
  }

  /** A customer with a ledger and a history (in any order). */
  public static CampaignCustomer of(Ledger ledger, List<HistoryEntry> history) {
    checkNotNull(ledger, "ledger");
    return new CampaignCustomer(ledger.customer().id(), ledger, ImmutableList.copyOf(history));
  }

  /** A customer id the store does not know. */
  public static CampaignCustomer unknown(String id) {
    return new CampaignCustomer(checkNotNull(id, "id"), null, ImmutableList.of());
  }

  /** The customer's id. */
  public String id() {
    return id;
  }

  /** The ledger, absent for an unknown customer. */
  public Optional<Ledger> ledger() {
    return Optional.ofNullable(ledger);
  }

  @Nullable Ledger ledgerOrNull() {
    return ledger;
  }

  /** The outreach already sent to the customer. */
  public List<HistoryEntry> history() {
    return history;
  }
}
