package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Ledger;
import java.util.List;

/** One decision in the making. */
final class Evaluation {
  Evaluation(
      Ledger ledger,
      List<HistoryEntry> history,
      Outreach outreach,
      PolicyOptions options,
      ImmutableList<PolicyRule> rules) {}

  Decision decide() {
    throw new UnsupportedOperationException("not yet");
  }
}
