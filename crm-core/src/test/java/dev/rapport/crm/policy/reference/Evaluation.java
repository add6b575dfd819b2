package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.PolicyRule;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.RuleContext;
import dev.rapport.crm.policy.RuleOutcome;
import dev.rapport.crm.policy.Verdict;


import com.google.common.base.Verify;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.limits.Limits;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One decision in the making ({@code RULES.md} "The model"): the state at the outreach's instant,
 * the jurisdiction pack, and the reasons collected so far.
 */
final class Evaluation {
  private static final ImmutableSet<Channel> UNSUBSCRIBE_CHANNELS =
      Sets.immutableEnumSet(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.SOCIAL);
  private static final int MAX_DEFERRAL_STEPS = 10_000;

  private final Outreach outreach;
  private final PolicyOptions options;
  private final ImmutableList<PolicyRule> rules;
  private final JurisdictionPack pack;
  private final State state;
  private final ImmutableList<HistoryEntry> history;
  private final Messages messages;

  private final List<Reason> allowReasons = new ArrayList<>();
  private final List<Reason> denyReasons = new ArrayList<>();
  private final List<Granted> coveringGrants = new ArrayList<>();

  Evaluation(
      Ledger ledger,
      List<HistoryEntry> history,
      Outreach outreach,
      PolicyOptions options,
      ImmutableList<PolicyRule> rules) {
    this.outreach = outreach;
    this.options = options;
    this.rules = rules;
    this.pack = JurisdictionPack.of(ledger.customer().jurisdiction());
    this.state =
        new State(
            ledger,
            outreach.at(),
            Sets.union(options.doubleOptIn(), pack.doubleOptIn()).immutableCopy());
    this.history =
        history.stream()
            .filter(h -> !h.at().isAfter(outreach.at()))
            .collect(ImmutableList.toImmutableList());
    this.messages = new Messages(state, outreach);
  }

  Outreach outreach() {
    return outreach;
  }

  State state() {
    return state;
  }

  ImmutableList<HistoryEntry> history() {
    return history;
  }

  Messages messages() {
    return messages;
  }

  /** The live grants that cover the outreach's marketing side, for the packs' written-consent rules. */
  List<Granted> coveringGrants() {
    return coveringGrants;
  }

  Decision decide() {
    Optional<Erased> erased = state.erased();
    if (erased.isPresent()) {
      return deny(ImmutableList.of(messages.erased(erased.get())));
    }
    switch (outreach.purpose()) {
      case TRANSACTIONAL:
        allowReasons.add(messages.transactional());
        break;
      case REPLY:
        judgeReply();
        break;
      case CONSENT_REQUEST:
        judgeConsentRequest();
        break;
      default:
        judgeDeclared(outreach.purpose());
    }
    if ((outreach.containsPromotion() && !outreach.purpose().isMarketing())) {
      judgeDeclared(Purpose.PROMOTION);
    }
    if (outreach.isMarketing()) {
      denyReasons.addAll(pack.denials(this));
    }
    // Team rules are not part of the differential test.
    List<TimingRule> timing = new ArrayList<>();
    if (!denyReasons.isEmpty()) {
      return deny(denyReasons);
    }
    timing.addAll(0, timingRules());
    return deferral(timing).orElseGet(this::allow);
  }

  // RULES.md 2
  private void judgeReply() {
    Instant from = outreach.at().minus(options.replyWindow());
    Optional<Inquired> inquiry =
        state
            .all(Inquired.class)
            .filter(i -> i.channel() == outreach.channel() && !i.at().isBefore(from))
            .reduce((first, second) -> second);
    if (inquiry.isPresent()) {
      allowReasons.add(messages.replyToCustomer(inquiry.get()));
    } else {
      denyReasons.add(messages.noOpenInquiry(options.replyWindow()));
    }
  }

  // RULES.md 3 and "Implied consent"
  private void judgeDeclared(Purpose purpose) {
    Coverage coverage = new Coverage(this, purpose, outreach.channel(), outreach.entity());
    if (coverage.covered()) {
      allowReasons.add(messages.declaredIntent(coverage.coveringGrants().get(0), purpose));
      if (purpose.isMarketing()) {
        coveringGrants.addAll(coverage.coveringGrants());
      }
      return;
    }
    Optional<ImpliedConsent> implied = impliedConsent(purpose);
    if (implied.isPresent() && implied.get().basis().isPresent()) {
      allowReasons.add(messages.impliedConsent(implied.get().basis().get(), purpose));
      return;
    }
    denyReasons.addAll(coverage.reasons());
    implied.ifPresent(i -> denyReasons.addAll(i.failures()));
  }

  /**
   * The pack's judgement of implied consent for {@code purpose} on the outreach's channel, or
   * empty where it is not consulted: the option off, another purpose or channel, a customer who
   * holds a live grant for the outreach's entity (their declaration is the ceiling), or ended
   * for good by a withdrawal naming an intent that opens the purpose on the channel, or by an
   * objection ({@code RULES.md} "Implied consent").
   */
  private Optional<ImpliedConsent> impliedConsent(Purpose purpose) {
    Channel channel = outreach.channel();
    if (!options.impliedConsent()
        || !(purpose == Purpose.OFFER || purpose == Purpose.PROMOTION)
        || !pack.impliedConsentChannels().contains(channel)) {
      return Optional.empty();
    }
    if (holdsLiveGrantForTheSender()) {
      return Optional.empty();
    }
    boolean ended =
        state.all(Objected.class).findAny().isPresent()
            || state
                .all(Withdrawn.class)
                .anyMatch(
                    w -> purpose.openedBy().stream().anyMatch(i -> w.names(i, channel, outreach.entity())));
    return ended ? Optional.empty() : Optional.of(pack.impliedConsent(this));
  }

  /**
   * Whether the customer holds a live grant at the instant for the outreach's entity, of any
   * intent on any channel: then implied consent is not consulted ({@code RULES.md} "Implied consent").
   */
  private boolean holdsLiveGrantForTheSender() {
    return state.liveGrants().stream().anyMatch(g -> g.entity().equals(outreach.entity()));
  }

  // RULES.md 7
  private void judgeConsentRequest() {
    Channel channel = outreach.channel();
    List<Granted> live = new ArrayList<>();
    Optional<Objected> objectedLiveKey = Optional.empty();
    Optional<Objected> objection = Optional.empty();
    for (Intent intent : Intent.values()) {
      if (!intent.opensMarketing()) {
        continue;
      }
      KeyStanding key = state.standing(intent, channel, outreach.entity());
      Optional<Granted> grant = key.liveGrant();
      if (key.objection().isEmpty()) {
        grant.ifPresent(live::add);
        continue;
      }
      if (objection.isEmpty()) {
        objection = key.objection();
      }
      if (grant.isPresent() && objectedLiveKey.isEmpty()) {
        objectedLiveKey = key.objection();
      }
    }
    if (!live.isEmpty()) {
      allowReasons.add(messages.declaredIntent(live.get(0), Purpose.CONSENT_REQUEST));
      coveringGrants.addAll(live);
      return;
    }
    if (objectedLiveKey.isPresent()) {
      // The request would be allowed but for the objection: OBJECTED alone.
      denyReasons.add(messages.objected(objectedLiveKey.get()));
      return;
    }
    Optional<ImpliedConsent> implied = impliedConsent(Purpose.PROMOTION);
    if (implied.isPresent() && implied.get().basis().isPresent()) {
      allowReasons.add(messages.impliedConsent(implied.get().basis().get(), Purpose.CONSENT_REQUEST));
      return;
    }
    denyReasons.add(messages.consentRequestIsMarketing());
    objection.ifPresent(o -> denyReasons.add(messages.objected(o)));
  }

  // RULES.md 6 and the packs' timing rules
  private List<TimingRule> timingRules() {
    Preferences preferences = state.preferences();
    List<TimingRule> timing = new ArrayList<>();
    String preferencesEvent = state.preferencesEventId().orElse(null);
    boolean exemptFromQuiet =
        (outreach.purpose() == Purpose.TRANSACTIONAL && !outreach.containsPromotion())
            || outreach.channel() == Channel.POST;
    preferences
        .quietHours()
        .filter(q -> !q.window().isEmpty() && !exemptFromQuiet)
        .ifPresent(
            q ->
                timing.add(
                    new DailyWindow(
                        q.window().start(), q.window().end(), state.customer().zone(), messages.quietHours(q, preferencesEvent))));
    List<FrequencyCap> caps = new ArrayList<>(preferences.caps());
    caps.addAll(options.caps());
    for (FrequencyCap cap : caps) {
      if (!countedBy(cap)) {
        continue;
      }
      boolean own = preferences.caps().contains(cap);
      List<Instant> sent =
          history.stream()
              .filter(h -> cap.counts(h.purpose(), h.channel()))
              .map(HistoryEntry::at)
              .collect(ImmutableList.toImmutableList());
      Cap.freeFrom(sent, cap.max(), cap.per(), outreach.at())
          .ifPresent(
              until ->
                  timing.add(
                      TimingRule.until(
                          until, messages.frequencyCap(cap, until, own ? preferencesEvent : null))));
    }
    if (outreach.isMarketing()) {
      preferences
          .coolOffAfterPurchase()
          .ifPresent(
              coolOff ->
                  state
                      .lastPurchase()
                      .ifPresent(
                          purchase ->
                              timing.add(
                                  TimingRule.until(
                                      purchase.at().plus(coolOff),
                                      messages.coolOff(purchase, coolOff)))));
    }
    timing.addAll(pack.timingRules(this));
    return timing;
  }

  private boolean countedBy(FrequencyCap cap) {
    return cap.counts(outreach.purpose(), outreach.channel())
        || ((outreach.containsPromotion() && !outreach.purpose().isMarketing()) && cap.counts(Purpose.PROMOTION, outreach.channel()));
  }

  private static RuleOutcome evaluate(PolicyRule rule, RuleContext context) {
    RuleOutcome outcome = rule.evaluate(context);
    if (outcome == null) {
      throw new NullPointerException(
          "team rule "
              + rule.getClass().getName()
              + " returned null; a rule that has nothing to say returns RuleOutcome.pass()");
    }
    return outcome;
  }

  /**
   * The earliest instant {@code t >= at} at which no timing rule defers, found as a fixpoint
   * ({@code RULES.md} 6); a DENY where the daily windows leave no free minute in a day.
   */
  private Optional<Decision> deferral(List<TimingRule> timing) {
    List<DailyWindow> daily = new ArrayList<>();
    timing.stream().filter(DailyWindow.class::isInstance).map(DailyWindow.class::cast).forEach(daily::add);
    if (!daily.isEmpty() && noFreeMinute(daily)) {
      return Optional.of(deny(daily.stream().map(TimingRule::reason).collect(ImmutableList.toImmutableList())));
    }
    Instant at = outreach.at();
    Instant t = at;
    for (int step = 0; ; step++) {
      Verify.verify(step < MAX_DEFERRAL_STEPS, "no deferral end found after %s steps", step);
      Instant next = t;
      for (TimingRule rule : timing) {
        Instant free = rule.freeFrom(t);
        if (free.isAfter(next)) {
          next = free;
        }
      }
      if (next.equals(t)) {
        break;
      }
      t = next;
    }
    if (t.equals(at)) {
      return Optional.empty();
    }
    Instant until = t;
    Set<String> seen = new LinkedHashSet<>();
    ImmutableList<Reason> reasons =
        timing.stream()
            .filter(rule -> rule.defersWithin(at, until))
            .map(TimingRule::reason)
            .filter(r -> seen.add(r.code() + "\u0000" + r.message()))
            .collect(ImmutableList.toImmutableList());
    if (!Limits.isInRange(until)) {
      return Optional.of(deny(reasons)); // no free instant before the time line ends (RULES.md, "Bounds of values")
    }
    return Optional.of(Decision.of(Verdict.DEFER, reasons, ImmutableList.of(), Optional.of(until)));
  }

  private static boolean noFreeMinute(List<DailyWindow> daily) {
    for (int minute = 0; minute < 24 * 60; minute++) {
      LocalTime time = LocalTime.of(minute / 60, minute % 60);
      if (daily.stream().noneMatch(w -> w.contains(time))) {
        return false;
      }
    }
    return true;
  }

  private Decision deny(List<Reason> reasons) {
    return Decision.of(Verdict.DENY, reasons, ImmutableList.of(), Optional.empty());
  }

  // RULES.md 5
  private Decision allow() {
    Verify.verify(!allowReasons.isEmpty(), "an ALLOW without a reason for %s", outreach.purpose());
    boolean unsubscribable =
        (outreach.purpose() != Purpose.TRANSACTIONAL && outreach.purpose() != Purpose.REPLY)
            || outreach.containsPromotion();
    Set<ObligationCode> codes = EnumSet.noneOf(ObligationCode.class);
    if (unsubscribable && UNSUBSCRIBE_CHANNELS.contains(outreach.channel())) {
      codes.add(ObligationCode.INCLUDE_UNSUBSCRIBE);
      if (outreach.channel() == Channel.EMAIL) {
        codes.add(ObligationCode.ONE_CLICK_UNSUBSCRIBE);
      }
    }
    if (outreach.isMarketing()) {
      codes.add(ObligationCode.IDENTIFY_SENDER);
    }
    Profiling allowed = state.profiling();
    if (outreach.tracking() && allowed != Profiling.INFERRED) {
      codes.add(ObligationCode.NO_TRACKING);
    }
    ImmutableList.Builder<Obligation> obligations = ImmutableList.builder();
    for (ObligationCode code : codes) {
      obligations.add(Obligation.of(code));
    }
    if (!allowed.permits(outreach.personalization())) {
      obligations.add(Obligation.of(ObligationCode.LIMIT_PERSONALIZATION, allowed.name()));
    }
    return Decision.of(Verdict.ALLOW, allowReasons, obligations.build(), Optional.empty());
  }
}
