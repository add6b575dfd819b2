package dev.rapport.crm.law;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Registered;
import dev.rapport.crm.ledger.Registry;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.ImpliedConsent;
import dev.rapport.crm.policy.JurisdictionPack;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Situation;
import dev.rapport.crm.policy.Timing;
import dev.rapport.crm.policy.Wording;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.DailyWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The United States ({@code RULES.md}, US), all states:
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
final class UnitedStatesPack implements JurisdictionPack {
  static final String WRITTEN_CONSENT = "47 CFR 64.1200(a)(2), (f)(9)";
  static final String DO_NOT_CALL = "47 CFR 64.1200(c)(2), (f)(5)";
  static final String CALLING_HOURS = "47 CFR 64.1200(c)(1)";
  static final String FLORIDA_CALL_LIMIT = "Fla. Stat. 501.616(6)(b)";
  private static final int FLORIDA_CALLS_PER_DAY = 3;

  private static final ImmutableSet<Channel> CALLS_AND_TEXTS = ImmutableSet.of(Channel.CALL, Channel.SMS);
  private static final ImmutableSet<Channel> IMPLIED_CONSENT_CHANNELS = ImmutableSet.of(Channel.EMAIL, Channel.POST);
  private static final ImmutableList<Jurisdiction> OWN_CALLING_HOURS =
      ImmutableList.of(Jurisdiction.of("US-FL"), Jurisdiction.of("US-OK"), Jurisdiction.of("US-MD"));
  private static final RelationshipWindow BUSINESS_RELATIONSHIP =
      new RelationshipWindow(
          Period.ofMonths(18), Period.ofMonths(3), "TCPA established business relationship, 47 CFR 64.1200(f)(5)");
  private static final LocalTime CALLING_STARTS = LocalTime.of(8, 0);

  static final UnitedStatesPack FEDERAL =
      new UnitedStatesPack(null, LocalTime.of(21, 0), CALLING_HOURS, false);
  static final UnitedStatesPack FLORIDA =
      new UnitedStatesPack(Jurisdiction.of("US-FL"), LocalTime.of(20, 0), "Fla. Stat. 501.059 and 501.616", true);
  static final UnitedStatesPack OKLAHOMA =
      new UnitedStatesPack(Jurisdiction.of("US-OK"), LocalTime.of(20, 0), "Oklahoma Telephone Solicitation Act 2022", false);
  static final UnitedStatesPack MARYLAND =
      new UnitedStatesPack(Jurisdiction.of("US-MD"), LocalTime.of(20, 0), "Maryland Stop the Spam Calls Act 2023", false);

  private final @Nullable Jurisdiction state;
  private final LocalTime callingEnds;
  /** When no marketing call or text may go: from the end of calling hours to their start. */
  private final DailyWindow outsideCallingHours;
  private final String callingHoursCitation;
  private final boolean floridaCallLimit;

  /** A state's pack; {@code state} null for every state without calling hours of its own. */
  private UnitedStatesPack(
      @Nullable Jurisdiction state, LocalTime callingEnds, String callingHoursCitation, boolean floridaCallLimit) {
    this.state = state;
    this.callingEnds = callingEnds;
    this.outsideCallingHours = DailyWindow.of(callingEnds, CALLING_STARTS);
    this.callingHoursCitation = callingHoursCitation;
    this.floridaCallLimit = floridaCallLimit;
  }

  @Override
  public boolean governs(Jurisdiction jurisdiction) {
    if (!jurisdiction.country().equals("US")) {
      return false;
    }
    return state == null ? !OWN_CALLING_HOURS.contains(jurisdiction) : state.equals(jurisdiction);
  }

  @Override
  public Set<Channel> impliedConsentChannels() {
    return IMPLIED_CONSENT_CHANNELS;
  }

  @Override
  public ImpliedConsent impliedConsent(Situation situation) {
    return BUSINESS_RELATIONSHIP.judge(situation);
  }

  @Override
  public List<Reason> denials(Situation situation) {
    Outreach outreach = situation.outreach();
    if (!outreach.isMarketing() || !CALLS_AND_TEXTS.contains(outreach.channel())) {
      return ImmutableList.of();
    }
    List<Reason> denials = new ArrayList<>(2);
    List<Granted> covering = situation.coveringGrants();
    boolean written = false;
    for (int i = 0; i < covering.size() && !written; i++) {
      written = covering.get(i).evidence().written();
    }
    if (outreach.automated() && !written) {
      denials.add(writtenConsentRequired(situation, covering));
    }
    Optional<Registered> registered = situation.standing().registered(Registry.US_DNC);
    if (registered.isPresent()
        && !written
        && BUSINESS_RELATIONSHIP.judge(situation).basis().isEmpty()) {
      denials.add(doNotCallRegistry(situation, registered.get()));
    }
    return denials;
  }

  @Override
  public List<Timing> timing(Situation situation) {
    Outreach outreach = situation.outreach();
    if (!outreach.isMarketing() || !CALLS_AND_TEXTS.contains(outreach.channel())) {
      return ImmutableList.of();
    }
    Timing callingHours = Timing.dailyWindow(outsideCallingHours, callingHours(situation));
    if (!floridaCallLimit || outreach.channel() != Channel.CALL) {
      return ImmutableList.of(callingHours);
    }
    String topic = outreach.effectiveTopic();
    List<Instant> calls = new ArrayList<>();
    for (HistoryEntry entry : situation.history()) {
      if (entry.channel() == Channel.CALL && entry.effectiveTopic().equals(topic)) {
        calls.add(entry.at());
      }
    }
    return Timing.rollingLimit(calls, FLORIDA_CALLS_PER_DAY, Duration.ofHours(24), outreach.at())
        .map(until -> ImmutableList.of(callingHours, Timing.until(until, callLimit(situation, topic, until))))
        .orElse(ImmutableList.of(callingHours));
  }

  private static Reason writtenConsentRequired(Situation situation, List<Granted> covering) {
    Optional<Granted> first = covering.stream().findFirst();
    return Reason.explained(
        ReasonCode.WRITTEN_CONSENT_REQUIRED,
        first.map(Granted::id),
        () ->
            "An automated " + situation.outreach().channel() + " needs prior express written consent; "
                + first
                    .map(g -> "the covering grant (" + Wording.cite(situation.zone(), g) + ") is not a signed written agreement")
                    .orElse("no grant covers it")
                + " (" + WRITTEN_CONSENT + ").");
  }

  private static Reason doNotCallRegistry(Situation situation, Registered registered) {
    return Reason.explained(
        ReasonCode.DO_NOT_CALL_REGISTRY,
        Optional.of(registered.id()),
        () ->
            "The number is on the national do-not-call registry ("
                + Wording.date(situation.zone(), registered.at()) + "); a marketing "
                + situation.outreach().channel() + " needs written consent, a purchase within 18"
                + " months or an inquiry within 3 months (" + DO_NOT_CALL + ").");
  }

  private Reason callingHours(Situation situation) {
    return Reason.explained(
        ReasonCode.CALLING_HOURS,
        Optional.empty(),
        () ->
            "Marketing calls and texts only " + CALLING_STARTS + "-" + callingEnds + " local time ("
                + situation.zone() + "; " + callingHoursCitation + ").");
  }

  private static Reason callLimit(Situation situation, String topic, Instant until) {
    return Reason.explained(
        ReasonCode.CALL_LIMIT,
        Optional.empty(),
        () ->
            "At most " + FLORIDA_CALLS_PER_DAY + " marketing calls on topic " + topic
                + " in any 24 hours; the next may go at " + Wording.localTime(situation.zone(), until)
                + " (" + FLORIDA_CALL_LIMIT + ").");
  }
}
