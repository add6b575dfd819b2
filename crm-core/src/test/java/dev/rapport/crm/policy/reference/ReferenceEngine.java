package dev.rapport.crm.policy.reference;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyOptions;
import java.util.List;

/**
 * The decision path as it was before issue 9 rebuilt it, kept in test scope only: the engine of
 * main after issues 8 and 11, copied unchanged but for its package, the team rules left out (they are
 * tested on their own) and one package-private helper of {@code Outreach} written out. The
 * differential test decides random cases with it and with the engine and finds no difference.
 */
public final class ReferenceEngine {
  private final PolicyOptions options;

  /** The old path with these options and no team rules. */
  public ReferenceEngine(PolicyOptions options) {
    this.options = options;
  }

  /** The old path's decision. */
  public Decision decide(Ledger ledger, List<HistoryEntry> history, Outreach outreach) {
    return new Evaluation(ledger, history, outreach, options, ImmutableList.of()).decide();
  }
}
