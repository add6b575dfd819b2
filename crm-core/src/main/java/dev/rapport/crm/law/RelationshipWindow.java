package dev.rapport.crm.law;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.RelationshipEvent;
import dev.rapport.crm.policy.ImpliedConsent;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Situation;
import dev.rapport.crm.policy.Wording;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An existing relationship with the sender that counts for a while: a purchase within one
 * period or an inquiry within another before the send day, by the same entity as the
 * outreach. Counted on local dates with the boundary day excluded: the event counts if and
 * only if {@code E > S - N} ({@code RULES.md}, The law: local dates). A newer purchase or inquiry restarts the
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
   * given only when every event is another entity's ({@code RULES.md}, CA and US).
   */
  ImpliedConsent judge(Situation situation) {
    Optional<String> entity = situation.outreach().entity();
    List<RelationshipEvent> events = situation.standing().relationshipEvents();
    LocalDate sendDay = null;
    boolean sameEntityEvent = false;
    @Nullable RelationshipEvent qualifying = null;
    for (int i = 0; i < events.size(); i++) {
      RelationshipEvent event = events.get(i);
      if (!event.entity().equals(entity)) {
        continue;
      }
      sameEntityEvent = true;
      if (sendDay == null) {
        sendDay = situation.localDate(situation.at());
      }
      if (counts(situation, event, sendDay)) {
        qualifying = event;
      }
    }
    if (qualifying != null) {
      return ImpliedConsent.by(qualifying);
    }
    // None qualifies: why, event by event (the failures are made only here).
    ImmutableList.Builder<Reason> failures = ImmutableList.builder();
    for (int i = 0; i < events.size(); i++) {
      RelationshipEvent event = events.get(i);
      boolean sameEntity = event.entity().equals(entity);
      if (sameEntityEvent && sameEntity) {
        failures.add(expired(situation, event, window(event)));
      } else if (!sameEntityEvent && !sameEntity) {
        failures.add(otherEntity(situation, event, citation));
      }
    }
    return ImpliedConsent.none(failures.build());
  }

  private Period window(RelationshipEvent event) {
    return event instanceof Purchased ? purchase : inquiry;
  }

  /** Whether {@code event} lies within its window before {@code sendDay}: {@code E > S - N}. */
  private boolean counts(Situation situation, RelationshipEvent event, LocalDate sendDay) {
    return situation.localDate(event.at()).isAfter(sendDay.minus(window(event)));
  }

  private Reason expired(Situation situation, RelationshipEvent event, Period window) {
    return Reason.explained(
        ReasonCode.IMPLIED_CONSENT_EXPIRED,
        Optional.of(event.id()),
        () ->
            "The " + Wording.kind(event) + " of " + Wording.date(situation.zone(), event.at())
                + " is not within " + Wording.period(window) + " before "
                + situation.localDate(situation.at()) + " (" + citation + ").");
  }

  /** The event was with another entity than the outreach's, under the law {@code citation}. */
  static Reason otherEntity(Situation situation, RelationshipEvent event, String citation) {
    return Reason.explained(
        ReasonCode.OTHER_ENTITY,
        Optional.of(event.id()),
        () ->
            "The " + Wording.kind(event) + " of " + Wording.date(situation.zone(), event.at())
                + " was with " + Wording.entityName(event.entity()) + ", not "
                + Wording.entityName(situation.outreach().entity()) + " (" + citation + ").");
  }
}
