package dev.rapport.crm.examples.law;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.RelationshipEvent;
import dev.rapport.crm.policy.ImpliedConsent;
import dev.rapport.crm.policy.JurisdictionPack;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.Situation;
import dev.rapport.crm.policy.Timing;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.policy.Wording;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.DailyWindow;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An example of a team's own jurisdiction pack: Australia, which Rapport leaves to the model
 * alone. Added to an engine with {@code PolicyEngine.builder().addPack(new
 * AustralianSpamActPack())}; it then governs every customer whose jurisdiction is {@code AU}.
 *
 * <ul>
 *   <li>Inferred consent, with the implied-consent option on: a purchase or inquiry with the
 *       same entity stands in for {@code OFFER}/{@code PROMOTION} by e-mail and text (Spam Act
 *       2003 (Cth), Schedule 2, cl. 2: consent may be inferred from conduct and an existing
 *       business relationship). Where none exists, the reason says so under the team code
 *       {@value #NO_INFERRED_CONSENT}.
 *   <li>Telemarketing hours: marketing calls only from 09:00 to 20:00 local time
 *       (Telecommunications (Telemarketing and Research Calls) Industry Standard 2017), deferred
 *       otherwise under {@value #TELEMARKETING_HOURS}. The standard's shorter Saturday hours and
 *       its Sunday and public-holiday ban are not modelled by this example.
 * </ul>
 *
 * <p>It is an illustration of the pack interface, not legal advice: a team adopting it checks
 * it with its counsel, like any rule of its own.
 */
public final class AustralianSpamActPack implements JurisdictionPack {
  /** The team code of a failed inferred consent. */
  public static final String NO_INFERRED_CONSENT = "NO_INFERRED_CONSENT";
  /** The team code of a call deferred to telemarketing hours. */
  public static final String TELEMARKETING_HOURS = "TELEMARKETING_HOURS";

  static final String SPAM_ACT = "Spam Act 2003 (Cth), Sch. 2 cl. 2";
  static final String CALLING_STANDARD =
      "Telecommunications (Telemarketing and Research Calls) Industry Standard 2017";
  private static final LocalTime CALLS_FROM = LocalTime.of(9, 0);
  private static final LocalTime CALLS_UNTIL = LocalTime.of(20, 0);
  private static final DailyWindow OUTSIDE_CALLING_HOURS = DailyWindow.of(CALLS_UNTIL, CALLS_FROM);
  private static final ImmutableSet<Channel> INFERRED_CONSENT_CHANNELS =
      ImmutableSet.of(Channel.EMAIL, Channel.SMS);

  @Override
  public boolean governs(Jurisdiction jurisdiction) {
    return jurisdiction.country().equals("AU");
  }

  @Override
  public Set<Channel> impliedConsentChannels() {
    return INFERRED_CONSENT_CHANNELS;
  }

  @Override
  public ImpliedConsent impliedConsent(Situation situation) {
    Optional<String> entity = situation.outreach().entity();
    RelationshipEvent latest = null;
    for (RelationshipEvent event : situation.standing().relationshipEvents()) {
      if (event.entity().equals(entity)) {
        latest = event;
      }
    }
    if (latest != null) {
      return ImpliedConsent.by(latest);
    }
    return ImpliedConsent.none(
        List.of(
            Reason.custom(
                NO_INFERRED_CONSENT,
                Verdict.DENY,
                "No purchase or inquiry with " + Wording.entityName(entity)
                    + " from which consent could be inferred (" + SPAM_ACT + ").",
                Optional.empty())));
  }

  @Override
  public List<Timing> timing(Situation situation) {
    Outreach outreach = situation.outreach();
    if (!outreach.isMarketing() || outreach.channel() != Channel.CALL) {
      return List.of();
    }
    Reason reason =
        Reason.custom(
            TELEMARKETING_HOURS,
            Verdict.DEFER,
            "Marketing calls only " + CALLS_FROM + "-" + CALLS_UNTIL + " local time ("
                + situation.zone() + "; " + CALLING_STANDARD + ").",
            Optional.empty());
    return ImmutableList.of(Timing.dailyWindow(OUTSIDE_CALLING_HOURS, reason));
  }
}
