package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Reason;


import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Registry;
import dev.rapport.crm.relationship.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The United States ({@code law.md} US), all states:
 *
 * <ul>
 *   <li>Automated marketing calls and texts need a covering grant with written evidence (prior
 *       express written consent): 47 CFR 64.1200(a)(2), (f)(9).
 *   <li>With the number on the national do-not-call registry, a marketing call or text needs a
 *       covering grant with written evidence, or a purchase within 18 months or an inquiry
 *       within 3 months before the send day by the same entity, whatever the implied-consent
 *       option says: 47 CFR 64.1200(c)(2), (f)(5).
 *   <li>Calling hours: marketing calls and texts only at local times in [08:00, 21:00): 47 CFR
 *       64.1200(c)(1); [08:00, 20:00) in Florida (Fla. Stat. 501.059 and 501.616), Oklahoma
 *       (Oklahoma Telephone Solicitation Act 2022) and Maryland (Stop the Spam Calls Act 2023).
 *   <li>Florida: at most 3 marketing calls per topic in any 24 hours: Fla. Stat.
 *       501.616(6)(b).
 *   <li>Implied consent, with the option on: a purchase within 18 months or an inquiry within 3
 *       months, by the same entity, for {@code OFFER}/{@code PROMOTION} on email and post only.
 *       This borrows the TCPA's established-business-relationship windows as a conservative
 *       bound; CAN-SPAM itself is opt-out.
 * </ul>
 */
final class UnitedStatesPack extends JurisdictionPack {
  static final String WRITTEN_CONSENT = "47 CFR 64.1200(a)(2), (f)(9)";
  static final String DO_NOT_CALL = "47 CFR 64.1200(c)(2), (f)(5)";
  static final String CALLING_HOURS = "47 CFR 64.1200(c)(1)";
  static final String FLORIDA_CALL_LIMIT = "Fla. Stat. 501.616(6)(b)";

  private static final ImmutableSet<Channel> CALLS_AND_TEXTS =
      ImmutableSet.of(Channel.CALL, Channel.SMS);
  private static final RelationshipWindow BUSINESS_RELATIONSHIP =
      new RelationshipWindow(
          Period.ofMonths(18), Period.ofMonths(3), "TCPA established business relationship, 47 CFR 64.1200(f)(5)");

  private static final UnitedStatesPack FEDERAL =
      new UnitedStatesPack(LocalTime.of(21, 0), CALLING_HOURS, false);
  private static final UnitedStatesPack FLORIDA =
      new UnitedStatesPack(LocalTime.of(20, 0), "Fla. Stat. 501.059 and 501.616", true);
  private static final UnitedStatesPack OKLAHOMA =
      new UnitedStatesPack(LocalTime.of(20, 0), "Oklahoma Telephone Solicitation Act 2022", false);
  private static final UnitedStatesPack MARYLAND =
      new UnitedStatesPack(LocalTime.of(20, 0), "Maryland Stop the Spam Calls Act 2023", false);

  private static final LocalTime CALLING_STARTS = LocalTime.of(8, 0);

  private final LocalTime callingEnds;
  private final String callingHoursCitation;
  private final boolean floridaCallLimit;

  private UnitedStatesPack(LocalTime callingEnds, String callingHoursCitation, boolean floridaCallLimit) {
    this.callingEnds = callingEnds;
    this.callingHoursCitation = callingHoursCitation;
    this.floridaCallLimit = floridaCallLimit;
  }

  static UnitedStatesPack forState(String subdivision) {
    switch (subdivision) {
      case "FL":
        return FLORIDA;
      case "OK":
        return OKLAHOMA;
      case "MD":
        return MARYLAND;
      default:
        return FEDERAL;
    }
  }

  @Override
  ImmutableSet<Channel> impliedConsentChannels() {
    return ImmutableSet.of(Channel.EMAIL, Channel.POST);
  }

  @Override
  ImpliedConsent impliedConsent(Evaluation evaluation) {
    return BUSINESS_RELATIONSHIP.judge(evaluation);
  }

  @Override
  List<Reason> denials(Evaluation evaluation) {
    if (!evaluation.outreach().isMarketing()
        || !CALLS_AND_TEXTS.contains(evaluation.outreach().channel())) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<Reason> denials = ImmutableList.builder();
    boolean written = evaluation.coveringGrants().stream().anyMatch(g -> g.evidence().written());
    if (evaluation.outreach().automated() && !written) {
      denials.add(evaluation.messages().writtenConsentRequired(evaluation.coveringGrants()));
    }
    Optional<Registered> registered =
        evaluation.state().all(Registered.class).filter(r -> r.registry() == Registry.US_DNC).findFirst();
    if (registered.isPresent()
        && !written
        && BUSINESS_RELATIONSHIP.judge(evaluation).basis().isEmpty()) {
      denials.add(evaluation.messages().doNotCallRegistry(registered.get()));
    }
    return denials.build();
  }

  @Override
  List<TimingRule> timingRules(Evaluation evaluation) {
    if (!evaluation.outreach().isMarketing()
        || !CALLS_AND_TEXTS.contains(evaluation.outreach().channel())) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<TimingRule> rules = ImmutableList.builder();
    rules.add(
        new DailyWindow(
            callingEnds,
            CALLING_STARTS,
            evaluation.state().customer().zone(),
            evaluation.messages().callingHours(CALLING_STARTS, callingEnds, callingHoursCitation)));
    if (floridaCallLimit && evaluation.outreach().channel() == Channel.CALL) {
      String topic = evaluation.outreach().effectiveTopic();
      List<Instant> calls =
          evaluation.history().stream()
              .filter(h -> h.channel() == Channel.CALL && h.effectiveTopic().equals(topic))
              .map(HistoryEntry::at)
              .collect(ImmutableList.toImmutableList());
      Cap.freeFrom(calls, 3, Duration.ofHours(24), evaluation.outreach().at())
          .ifPresent(
              until ->
                  rules.add(
                      TimingRule.until(
                          until, evaluation.messages().callLimit(topic, until, FLORIDA_CALL_LIMIT))));
    }
    return rules.build();
  }
}
