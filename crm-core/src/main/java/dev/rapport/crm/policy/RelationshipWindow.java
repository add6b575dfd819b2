package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.RelationshipEvent;
import java.time.Period;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An existing relationship with the sender that counts for a while: a purchase within one
 * period or an inquiry within another before the send day, by the same entity as the
 * outreach. Counted on local dates with the boundary day excluded: the event counts if and
 * only if {@code E > S - N} ({@code law.md}, Dates). A newer purchase or inquiry restarts the
 * clock.
 */
final class RelationshipWindow {
  private final Period purchase;
  private final Period inquiry;
  private final String citation;

  RelationshipWindow(Period purchase, Period inquiry, String citation) {
    this.purchase = purchase;
    this.inquiry = inquiry;
    this.citation = citation;
  }

  /** The latest qualifying event, or, for each event that fails, why. */
  ImpliedConsent judge(Evaluation evaluation) {
    State state = evaluation.state();
    Optional<String> entity = evaluation.outreach().entity();
    ImmutableList.Builder<Reason> failures = ImmutableList.builder();
    @Nullable LedgerEvent qualifying = null;
    for (RelationshipEvent event : state.standing().relationshipEvents()) {
      Period window = event instanceof Purchased ? purchase : inquiry;
      Optional<String> eventEntity = event.entity();
      if (!eventEntity.equals(entity)) {
        failures.add(evaluation.messages().impliedOtherEntity(event, eventEntity, citation));
      } else if (state.localDate(event.at()).isAfter(state.localDate(state.at()).minus(window))) {
        qualifying = event;
      } else {
        failures.add(evaluation.messages().impliedExpired(event, window, citation));
      }
    }
    return qualifying != null
        ? ImpliedConsent.by(qualifying)
        : ImpliedConsent.none(failures.build());
  }
}
