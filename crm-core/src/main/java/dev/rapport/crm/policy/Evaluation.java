package dev.rapport.crm.policy;

import com.google.common.base.Verify;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.RelationshipEvent;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.limits.Limits;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One decision in the making ({@code RULES.md} "The model"): the state at the outreach's instant,
 * the jurisdiction pack, and the reasons collected so far.
 */
final class Evaluation implements Supplier<List<Granted>> {
  /** The model alone, for a jurisdiction no pack governs: it adds nothing, so it is not asked. */
  static final JurisdictionPack MODEL_ALONE = jurisdiction -> true;

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
  /** The outreach's entity, read once (its accessor wraps it anew on every call). */
  private final Optional<String> entity;

  /** The reasons found so far: the first reason to allow, the others in a list made on the second. */
  private @Nullable Reason allowReason;
  private @Nullable List<Reason> moreAllowReasons;
  /** The reasons to deny found so far, made on the first. */
  private @Nullable List<Reason> denyReasons;
  private @Nullable Situation situation;

  /**
   * The evaluation of {@code outreach} under {@code pack} for the customer whose standing at the
   * outreach's instant {@code facts} reads, given the outreach sent up to its instant ({@code
   * history}, {@link #upTo}), with {@code doubleOptIn} the channels the options and the pack
   * together require a confirmation on, as bits by ordinal.
   */
  Evaluation(
      Facts facts,
      ImmutableList<HistoryEntry> history,
      Outreach outreach,
      PolicyOptions options,
      ImmutableList<PolicyRule> rules,
      JurisdictionPack pack,
      int doubleOptIn) {
    this.outreach = outreach;
    this.options = options;
    this.rules = rules;
    this.pack = pack;
    this.entity = outreach.entity();
    this.state = new State(facts, outreach.at(), doubleOptIn);
    this.history = history;
    this.messages = new Messages(state, outreach, pack);
  }

  /**
   * The channels on which every grant needs a {@code confirmed} event: the options' and the
   * pack's together ({@code RULES.md} 8).
   */
  static Set<Channel> doubleOptIn(PolicyOptions options, JurisdictionPack pack) {
    return pack.doubleOptIn().isEmpty()
        ? options.doubleOptIn()
        : Sets.union(options.doubleOptIn(), pack.doubleOptIn()).immutableCopy();
  }

  /** The entries at or before {@code at}, in the order given. */
  static ImmutableList<HistoryEntry> upTo(List<HistoryEntry> history, Instant at) {
    if (history instanceof ImmutableList) {
      ImmutableList<HistoryEntry> given = (ImmutableList<HistoryEntry>) history;
      boolean allBefore = true;
      for (int i = 0; i < given.size() && allBefore; i++) {
        allBefore = !given.get(i).isAfter(at);
      }
      if (allBefore) {
        return given;
      }
    }
    ImmutableList.Builder<HistoryEntry> before = ImmutableList.builder();
    for (HistoryEntry entry : history) {
      if (!entry.isAfter(at)) {
        before.add(entry);
      }
    }
    return before.build();
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

  /** What the pack sees of this decision: an immutable view, made on first use. */
  private Situation situation() {
    if (situation == null) {
      situation = Situation.of(state.standing(), outreach, history, this);
    }
    return situation;
  }

  /** The live grants that cover the outreach's marketing side: the situation's, on first use. */
  @Override
  public List<Granted> get() {
    return coveringGrants();
  }

  /**
   * The live grants that cover the outreach's marketing side, for the packs' written-consent
   * rules, computed from the standing alone: for a consent request every live, unobjected grant
   * of an intent that opens marketing on its key (RULES.md 7); otherwise the grants covering
   * the marketing purpose, or the PROMOTION a non-marketing purpose carries (RULES.md 3).
   */
  private List<Granted> coveringGrants() {
    if (outreach.purpose() == Purpose.CONSENT_REQUEST) {
      List<Granted> live = new ArrayList<>();
      for (Intent intent : Enums.INTENTS) {
        KeyStanding key = state.standing(intent, outreach.channel(), entity);
        if (intent.opensMarketing() && key.objection().isEmpty()) {
          key.liveGrant().ifPresent(live::add);
        }
      }
      return live;
    }
    Purpose marketing =
        outreach.purpose().isMarketing()
            ? outreach.purpose()
            : outreach.isDecidedAsPromotionToo() ? Purpose.PROMOTION : null;
    if (marketing == null) {
      return ImmutableList.of();
    }
    Coverage coverage = new Coverage(this, marketing, outreach.channel(), entity);
    return coverage.covered() ? coverage.coveringGrants() : ImmutableList.of();
  }

  Decision decide() {
    if (state.erased()) {
      return deny(ImmutableList.of(messages.erased(state.standing().erased().orElseThrow())));
    }
    switch (outreach.purpose()) {
      case TRANSACTIONAL:
        allowBecause(messages.transactional());
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
    if (outreach.isDecidedAsPromotionToo()) {
      judgeDeclared(Purpose.PROMOTION);
    }
    if (outreach.isMarketing() && pack != MODEL_ALONE) {
      denyBecause(pack.denials(situation()));
    }
    List<TimingRule> teamTiming = ImmutableList.of();
    if (!rules.isEmpty()) {
      teamTiming = new ArrayList<>(2);
      RuleContext context =
          RuleContext.of(state.customer(), state.events(), history, outreach, outreach.at());
      for (PolicyRule rule : rules) {
        RuleOutcome outcome = evaluate(rule, context);
        if (outcome.denies()) {
          denyBecause(outcome.reason().orElseThrow());
        } else if (outcome.defers()) {
          teamTiming.add(teamTimingRule(rule, context, outcome));
        }
      }
    }
    if (denyReasons != null) {
      return deny(denyReasons);
    }
    Decision deferral = deferral(timingRules(teamTiming));
    return deferral != null ? deferral : allow();
  }

  private void allowBecause(Reason reason) {
    if (allowReason == null) {
      allowReason = reason;
      return;
    }
    if (moreAllowReasons == null) {
      moreAllowReasons = new ArrayList<>(2);
      moreAllowReasons.add(allowReason);
    }
    moreAllowReasons.add(reason);
  }

  private void denyBecause(Reason reason) {
    if (denyReasons == null) {
      denyReasons = new ArrayList<>(4);
    }
    denyReasons.add(reason);
  }

  private void denyBecause(List<Reason> reasons) {
    for (int i = 0; i < reasons.size(); i++) {
      denyBecause(reasons.get(i));
    }
  }

  // RULES.md 2
  private void judgeReply() {
    Instant from = outreach.at().minus(options.replyWindow());
    Optional<Inquired> inquiry = Optional.empty();
    for (RelationshipEvent event : state.standing().relationshipEvents()) {
      if (event instanceof Inquired
          && ((Inquired) event).channel() == outreach.channel()
          && !event.at().isBefore(from)) {
        inquiry = Optional.of((Inquired) event);
      }
    }
    if (inquiry.isPresent()) {
      allowBecause(messages.replyToCustomer(inquiry.get()));
    } else {
      denyBecause(messages.noOpenInquiry(options.replyWindow()));
    }
  }

  // RULES.md 3 and "Implied consent"
  private void judgeDeclared(Purpose purpose) {
    Reason covering = coveringReason(purpose);
    if (covering != null) {
      allowBecause(covering);
      return;
    }
    // Not covered: why (RULES.md 3).
    Coverage coverage = new Coverage(this, purpose, outreach.channel(), entity);
    ImpliedConsent implied = impliedConsent(purpose);
    if (implied != null && implied.basis().isPresent()) {
      allowBecause(messages.impliedConsent(implied.basis().get(), purpose));
      return;
    }
    denyBecause(coverage.reasons());
    if (implied != null) {
      denyBecause(implied.failures());
    }
  }

  /**
   * The reason to allow of the first intent opening {@code purpose} whose live grant covers it
   * on the outreach's channel for its entity, or null: what a {@link Coverage} would find first,
   * found without making one. A key of the business itself is read from the facts' bits where
   * they decide, and its grant only when the reason is read.
   */
  private @Nullable Reason coveringReason(Purpose purpose) {
    Channel channel = outreach.channel();
    boolean personal = purpose == Purpose.PERSONAL;
    Optional<String> sender = personal ? outreach.staff() : Optional.empty();
    for (Intent intent : Enums.openedBy(purpose)) {
      if (entity.isEmpty() && !personal) {
        int covers = state.businessCoverage(intent, channel, purpose.isMarketing());
        if (covers > 0) {
          return messages.declaredIntent(state.facts(), Facts.slot(intent, channel), purpose);
        }
        if (covers == 0) {
          continue;
        }
      }
      Facts.Key key = state.key(intent, channel, entity);
      if (Coverage.covers(state, key, purpose, sender)) {
        return messages.declaredIntent(key.grant, key.grantId, purpose);
      }
    }
    return null;
  }

  /**
   * The pack's judgement of implied consent for {@code purpose} on the outreach's channel, or
   * empty where it is not consulted: the option off, another purpose or channel, a customer who
   * holds a live grant for the outreach's entity (their declaration is the ceiling), or ended
   * for good by a withdrawal naming an intent that opens the purpose on the channel, or by an
   * objection ({@code RULES.md} "Implied consent"); null where it is not consulted.
   */
  private @Nullable ImpliedConsent impliedConsent(Purpose purpose) {
    Channel channel = outreach.channel();
    if (!options.impliedConsent()
        || !(purpose == Purpose.OFFER || purpose == Purpose.PROMOTION)
        || !pack.impliedConsentChannels().contains(channel)) {
      return null;
    }
    if (holdsLiveGrantForTheSender()) {
      return null;
    }
    boolean ended = state.facts().objected || withdrawnFor(purpose, channel);
    return ended ? null : pack.impliedConsent(situation());
  }

  /**
   * Whether the customer holds a live grant at the instant for the outreach's entity, of any
   * intent on any channel: then implied consent is not consulted ({@code RULES.md} "Implied consent").
   */
  private boolean holdsLiveGrantForTheSender() {
    return state.holdsLiveGrant(entity);
  }

  /** Whether a withdrawal names an intent that opens {@code purpose} on {@code channel}. */
  private boolean withdrawnFor(Purpose purpose, Channel channel) {
    if (entity.isEmpty()) {
      for (Intent intent : Enums.openedBy(purpose)) {
        if (state.facts().businessWithdrawal(intent, channel)) {
          return true;
        }
      }
      return false;
    }
    for (Withdrawn withdrawal : state.standing().withdrawals()) {
      for (Intent intent : Enums.openedBy(purpose)) {
        if (withdrawal.names(intent, channel, entity)) {
          return true;
        }
      }
    }
    return false;
  }

  // RULES.md 7
  private void judgeConsentRequest() {
    Channel channel = outreach.channel();
    List<Granted> live = new ArrayList<>();
    Optional<Objected> objectedLiveKey = Optional.empty();
    Optional<Objected> objection = Optional.empty();
    for (Intent intent : Enums.INTENTS) {
      if (!intent.opensMarketing()) {
        continue;
      }
      KeyStanding key = state.standing(intent, channel, entity);
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
      allowBecause(messages.declaredIntent(live.get(0), live.get(0).id(), Purpose.CONSENT_REQUEST));
      return;
    }
    if (objectedLiveKey.isPresent()) {
      // The request would be allowed but for the objection: OBJECTED alone.
      denyBecause(messages.objected(objectedLiveKey.get(), objectedLiveKey.get().id()));
      return;
    }
    ImpliedConsent implied = impliedConsent(Purpose.PROMOTION);
    if (implied != null && implied.basis().isPresent()) {
      allowBecause(messages.impliedConsent(implied.basis().get(), Purpose.CONSENT_REQUEST));
      return;
    }
    denyBecause(messages.consentRequestIsMarketing());
    if (objection.isPresent()) {
      denyBecause(messages.objected(objection.get(), objection.get().id()));
    }
  }

  // RULES.md 6 and the packs' timing rules
  /**
   * The timing rules that apply, the team's ({@code teamTiming}) last; an empty list, not to be
   * changed, when none could defer. The customer's quiet hours are left out where they alone
   * would be the rules and do not hold at the outreach's instant: one window of whole minutes
   * always leaves a free minute, so alone it defers only an outreach inside it.
   */
  private List<TimingRule> timingRules(List<TimingRule> teamTiming) {
    Facts facts = state.facts();
    List<TimingRule> timing = ImmutableList.of();
    boolean exemptFromQuiet =
        (outreach.purpose() == Purpose.TRANSACTIONAL && !outreach.containsPromotion())
            || outreach.channel() == Channel.POST;
    boolean quietApplies = facts.quietStart != null && !exemptFromQuiet;
    List<FrequencyCap> own = facts.ownCaps;
    // The preferences event is cited only by the customer's own quiet hours and caps.
    String preferencesEvent = quietApplies || !own.isEmpty() ? facts.preferencesEventId : null;
    boolean quietNow =
        quietApplies && DailyWindowRule.holds(facts.quietStart, facts.quietEnd, facts.zone, outreach.at());
    if (quietNow) {
      timing = add(timing, quietHours(preferencesEvent));
    }
    for (int i = 0; i < own.size(); i++) {
      timing = addCap(timing, own.get(i), preferencesEvent);
    }
    List<FrequencyCap> business = options.caps();
    for (int i = 0; i < business.size(); i++) {
      FrequencyCap cap = business.get(i);
      timing = addCap(timing, cap, own.contains(cap) ? preferencesEvent : null);
    }
    if (outreach.isMarketing() && facts.coolOffEnd != null) {
      timing = add(timing, TimingRule.until(facts.coolOffEnd, messages.coolOff()));
    }
    if (pack != MODEL_ALONE) {
      List<Timing> law = pack.timing(situation());
      for (int i = 0; i < law.size(); i++) {
        Timing rule = law.get(i);
        timing = add(
            timing,
            rule.isDailyWindow()
                ? new DailyWindowRule(rule.window(), state.zone(), rule.reason())
                : TimingRule.until(rule.until(), rule.reason()));
      }
    }
    for (int i = 0; i < teamTiming.size(); i++) {
      timing = add(timing, teamTiming.get(i));
    }
    if (quietApplies && !quietNow && !timing.isEmpty()) {
      timing.add(0, quietHours(preferencesEvent)); // first, as always
    }
    return timing;
  }

  /** The rule of the customer's quiet hours, citing {@code preferencesEvent}. */
  private TimingRule quietHours(@Nullable String preferencesEvent) {
    Facts facts = state.facts();
    return new DailyWindowRule(facts.quietStart, facts.quietEnd, facts.zone, messages.quietHours(preferencesEvent));
  }

  /** {@code timing} with {@code rule} added, made on the first rule. */
  private static List<TimingRule> add(List<TimingRule> timing, TimingRule rule) {
    List<TimingRule> rules = timing.isEmpty() ? new ArrayList<>(4) : timing;
    rules.add(rule);
    return rules;
  }

  /** {@code timing} with the timing rule of {@code cap} if it counts the outreach and holds it at its instant. */
  private List<TimingRule> addCap(List<TimingRule> timing, FrequencyCap cap, @Nullable String preferencesEvent) {
    if (!countedBy(cap)) {
      return timing;
    }
    Instant windowStart = outreach.at().minus(cap.per());
    int inWindow = 0;
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry entry = history.get(i);
      if (entry.isAfter(windowStart) && cap.counts(entry.purpose(), entry.channel())) {
        inWindow++;
      }
    }
    if (inWindow < cap.max()) {
      return timing;
    }
    List<Instant> sent = new ArrayList<>(inWindow);
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry entry = history.get(i);
      if (cap.counts(entry.purpose(), entry.channel())) {
        sent.add(entry.at());
      }
    }
    Optional<Instant> until = Timing.rollingLimit(sent, cap.max(), cap.per(), outreach.at());
    if (until.isPresent()) {
      return add(timing, TimingRule.until(until.get(), messages.frequencyCap(cap, until.get(), preferencesEvent)));
    }
    return timing;
  }

  private boolean countedBy(FrequencyCap cap) {
    return cap.counts(outreach.purpose(), outreach.channel())
        || (outreach.isDecidedAsPromotionToo() && cap.counts(Purpose.PROMOTION, outreach.channel()));
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

  private TimingRule teamTimingRule(PolicyRule rule, RuleContext context, RuleOutcome first) {
    Reason reason = first.reason().orElseThrow();
    Instant firstUntil = first.untilAfter(context.at());
    return TimingRule.of(
        reason,
        t -> {
          if (t.equals(context.at())) {
            return firstUntil;
          }
          RuleOutcome outcome = evaluate(rule, context.at(t));
          return outcome.defers() ? outcome.untilAfter(t) : t;
        });
  }

  /**
   * The earliest instant {@code t >= at} at which no timing rule defers, found as a fixpoint
   * ({@code RULES.md} 6); a DENY where the daily windows leave no free minute in a day; null
   * where nothing defers the outreach at its instant.
   */
  private @Nullable Decision deferral(List<TimingRule> timing) {
    if (timing.isEmpty()) {
      return null;
    }
    if (noFreeMinute(timing)) {
      ImmutableList.Builder<Reason> reasons = ImmutableList.builder();
      for (int i = 0; i < timing.size(); i++) {
        if (timing.get(i) instanceof DailyWindowRule) {
          reasons.add(timing.get(i).reason());
        }
      }
      return deny(reasons.build());
    }
    Instant at = outreach.at();
    Instant t = at;
    for (int step = 0; ; step++) {
      Verify.verify(step < MAX_DEFERRAL_STEPS, "no deferral end found after %s steps", step);
      Instant next = t;
      for (int i = 0; i < timing.size(); i++) {
        Instant free = timing.get(i).freeFrom(t);
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
      return null;
    }
    Instant until = t;
    List<Reason> reasons = new ArrayList<>(timing.size());
    for (int i = 0; i < timing.size(); i++) {
      TimingRule rule = timing.get(i);
      if (rule.defersWithin(at, until) && !listed(reasons, rule.reason())) {
        reasons.add(rule.reason());
      }
    }
    if (!Limits.isInRange(until)) {
      return deny(reasons); // no free instant before the time line ends (RULES.md, "Bounds of values")
    }
    return Decision.of(Verdict.DEFER, immutable(reasons), ImmutableList.of(), Optional.of(until));
  }

  /**
   * Whether an equal reason is already listed: the same code and sentence (two rules saying the
   * same thing are listed once). Sentences are compared only where codes are equal.
   */
  private static boolean listed(List<Reason> reasons, Reason reason) {
    for (int i = 0; i < reasons.size(); i++) {
      Reason other = reasons.get(i);
      if (other.code().equals(reason.code()) && other.message().equals(reason.message())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the daily windows among {@code timing} together hold every whole minute of a local
   * day, decided from their boundaries: the union of the minute spans they cover, swept in order
   * of their start. False where there is no daily window.
   */
  static boolean noFreeMinute(List<? extends TimingRule> timing) {
    int windows = 0;
    for (int i = 0; i < timing.size(); i++) {
      if (timing.get(i) instanceof DailyWindowRule) {
        windows++;
      }
    }
    if (windows == 0) {
      return false;
    }
    // Spans [from, to) as pairs: from at 2k, to at 2k + 1.
    int[] spans = new int[windows * 4];
    int n = 0;
    for (int i = 0; i < timing.size(); i++) {
      if (timing.get(i) instanceof DailyWindowRule) {
        n = ((DailyWindowRule) timing.get(i)).coveredMinutes(spans, n);
      }
    }
    sortByStart(spans, n);
    int firstFree = 0;
    for (int i = 0; i < n && firstFree < DailyWindowRule.MINUTES_PER_DAY; i++) {
      if (spans[2 * i] > firstFree) {
        return false;
      }
      firstFree = Math.max(firstFree, spans[2 * i + 1]);
    }
    return firstFree >= DailyWindowRule.MINUTES_PER_DAY;
  }

  /** Sorts the first {@code n} pairs of {@code spans} by their first element (a handful: insertion). */
  private static void sortByStart(int[] spans, int n) {
    for (int i = 1; i < n; i++) {
      int from = spans[2 * i];
      int to = spans[2 * i + 1];
      int j = i - 1;
      while (j >= 0 && spans[2 * j] > from) {
        spans[2 * j + 2] = spans[2 * j];
        spans[2 * j + 3] = spans[2 * j + 1];
        j--;
      }
      spans[2 * j + 2] = from;
      spans[2 * j + 3] = to;
    }
  }

  /** {@code reasons} as an immutable list, without copying twice. */
  private static ImmutableList<Reason> immutable(List<Reason> reasons) {
    return reasons.size() == 1 ? ImmutableList.of(reasons.get(0)) : ImmutableList.copyOf(reasons);
  }

  private Decision deny(List<Reason> reasons) {
    return Decision.of(Verdict.DENY, immutable(reasons), ImmutableList.of(), Optional.empty());
  }

  // RULES.md 5
  private Decision allow() {
    Verify.verify(allowReason != null, "an ALLOW without a reason for %s", outreach.purpose());
    boolean unsubscribable =
        (outreach.purpose() != Purpose.TRANSACTIONAL && outreach.purpose() != Purpose.REPLY)
            || outreach.containsPromotion();
    int codes = 0;
    if (unsubscribable && UNSUBSCRIBE_CHANNELS.contains(outreach.channel())) {
      codes |= Obligations.bit(ObligationCode.INCLUDE_UNSUBSCRIBE);
      if (outreach.channel() == Channel.EMAIL) {
        codes |= Obligations.bit(ObligationCode.ONE_CLICK_UNSUBSCRIBE);
      }
    }
    if (outreach.isMarketing()) {
      codes |= Obligations.bit(ObligationCode.IDENTIFY_SENDER);
    }
    Profiling allowed = state.profiling();
    if (outreach.tracking() && allowed != Profiling.INFERRED) {
      codes |= Obligations.bit(ObligationCode.NO_TRACKING);
    }
    ImmutableList<Obligation> obligations =
        Obligations.of(codes, allowed.permits(outreach.personalization()) ? null : allowed);
    ImmutableList<Reason> reasons =
        moreAllowReasons == null ? ImmutableList.of(allowReason) : ImmutableList.copyOf(moreAllowReasons);
    return Decision.of(Verdict.ALLOW, reasons, obligations, Optional.empty());
  }
}
