package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.Reason;


import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
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

  /**
   * The latest qualifying event, or why none qualifies. Only the events with the outreach's
   * entity count: where there is one, the answer is that it is too old ({@code
   * IMPLIED_CONSENT_EXPIRED}) whatever other entities' events exist; {@code OTHER_ENTITY} is
   * given only when every event is another entity's ({@code law.md} CA and US).
   */
  ImpliedConsent judge(Evaluation evaluation) {
    State state = evaluation.state();
    Optional<String> entity = evaluation.outreach().entity();
    ImmutableList.Builder<Reason> expired = ImmutableList.builder();
    ImmutableList.Builder<Reason> otherEntity = ImmutableList.builder();
    boolean sameEntityEvent = false;
    @Nullable LedgerEvent qualifying = null;
    for (LedgerEvent event : state.events()) {
      Period window;
      Optional<String> eventEntity;
      if (event instanceof Purchased) {
        window = purchase;
        eventEntity = ((Purchased) event).entity();
      } else if (event instanceof Inquired) {
        window = inquiry;
        eventEntity = ((Inquired) event).entity();
      } else {
        continue;
      }
      if (!eventEntity.equals(entity)) {
        otherEntity.add(evaluation.messages().impliedOtherEntity(event, eventEntity, citation));
        continue;
      }
      sameEntityEvent = true;
      if (state.localDate(event.at()).isAfter(state.localDate(state.at()).minus(window))) {
        qualifying = event;
      } else {
        expired.add(evaluation.messages().impliedExpired(event, window, citation));
      }
    }
    if (qualifying != null) {
      return ImpliedConsent.by(qualifying);
    }
    return ImpliedConsent.none(sameEntityEvent ? expired.build() : otherEntity.build());
  }
}
