package dev.rapport.crm.policy;

import com.google.common.base.Verify;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.RelationshipEvent;
import dev.rapport.crm.ledger.Standing;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.limits.Limits;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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

  private final List<Reason> allowReasons = new ArrayList<>(2);
  private final List<Reason> denyReasons = new ArrayList<>(4);
  private @Nullable Situation situation;

  Evaluation(
      Ledger ledger,
      List<HistoryEntry> history,
      Outreach outreach,
      PolicyOptions options,
      ImmutableList<PolicyRule> rules,
      JurisdictionPack pack) {
    this.outreach = outreach;
    this.options = options;
    this.rules = rules;
    this.pack = pack;
    Set<Channel> doubleOptIn =
        pack.doubleOptIn().isEmpty()
            ? options.doubleOptIn()
            : Sets.union(options.doubleOptIn(), pack.doubleOptIn()).immutableCopy();
    this.state = new State(Standing.of(ledger, outreach.at()), outreach.at(), doubleOptIn);
    this.history = upTo(history, outreach.at());
    this.messages = new Messages(state, outreach, pack);
  }

  /** The entries at or before {@code at}, in the order given. */
  private static ImmutableList<HistoryEntry> upTo(List<HistoryEntry> history, Instant at) {
    boolean allBefore = history instanceof ImmutableList;
    for (HistoryEntry entry : history) {
      allBefore &= !entry.at().isAfter(at);
    }
    if (allBefore) {
      return (ImmutableList<HistoryEntry>) history;
    }
    ImmutableList.Builder<HistoryEntry> before = ImmutableList.builder();
    for (HistoryEntry entry : history) {
      if (!entry.at().isAfter(at)) {
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
      situation = Situation.of(state.standing(), outreach, history, this::coveringGrants);
    }
    return situation;
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
      for (Intent intent : Intent.values()) {
        KeyStanding key = state.standing(intent, outreach.channel(), outreach.entity());
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
    Coverage coverage = new Coverage(this, marketing, outreach.channel(), outreach.entity());
    return coverage.covered() ? coverage.coveringGrants() : ImmutableList.of();
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
    if (outreach.isDecidedAsPromotionToo()) {
      judgeDeclared(Purpose.PROMOTION);
    }
    if (outreach.isMarketing()) {
      denyReasons.addAll(pack.denials(situation()));
    }
    List<TimingRule> teamTiming = ImmutableList.of();
    if (!rules.isEmpty()) {
      teamTiming = new ArrayList<>(2);
      RuleContext context =
          RuleContext.of(state.customer(), state.events(), history, outreach, outreach.at());
      for (PolicyRule rule : rules) {
        RuleOutcome outcome = evaluate(rule, context);
        if (outcome.denies()) {
          denyReasons.add(outcome.reason().orElseThrow());
        } else if (outcome.defers()) {
          teamTiming.add(teamTimingRule(rule, context, outcome));
        }
      }
    }
    if (!denyReasons.isEmpty()) {
      return deny(denyReasons);
    }
    List<TimingRule> timing = timingRules();
    timing.addAll(teamTiming);
    return deferral(timing).orElseGet(this::allow);
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
        state.standing().lastObjection().isPresent()
            || withdrawnFor(purpose, channel);
    return ended ? Optional.empty() : Optional.of(pack.impliedConsent(situation()));
  }

  /**
   * Whether the customer holds a live grant at the instant for the outreach's entity, of any
   * intent on any channel: then implied consent is not consulted ({@code RULES.md} "Implied consent").
   */
  private boolean holdsLiveGrantForTheSender() {
    for (Granted grant : state.standing().validGrants()) {
      if (grant.entity().equals(outreach.entity()) && state.isLive(grant)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a withdrawal names an intent that opens {@code purpose} on {@code channel}. */
  private boolean withdrawnFor(Purpose purpose, Channel channel) {
    for (Withdrawn withdrawal : state.standing().withdrawals()) {
      for (Intent intent : purpose.openedBy()) {
        if (withdrawal.names(intent, channel, outreach.entity())) {
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
    List<TimingRule> timing = new ArrayList<>(4);
    String preferencesEvent = state.preferencesEventId().orElse(null);
    boolean exemptFromQuiet =
        (outreach.purpose() == Purpose.TRANSACTIONAL && !outreach.containsPromotion())
            || outreach.channel() == Channel.POST;
    Optional<QuietHours> quiet = preferences.quietHours();
    if (quiet.isPresent() && !quiet.get().window().isEmpty() && !exemptFromQuiet) {
      QuietHours q = quiet.get();
      timing.add(
          new DailyWindowRule(
              q.window(), state.customer().zone(), messages.quietHours(q, preferencesEvent)));
    }
    List<FrequencyCap> own = preferences.caps();
    for (int i = 0; i < own.size(); i++) {
      addCap(timing, own.get(i), preferencesEvent);
    }
    List<FrequencyCap> business = options.caps();
    for (int i = 0; i < business.size(); i++) {
      FrequencyCap cap = business.get(i);
      addCap(timing, cap, own.contains(cap) ? preferencesEvent : null);
    }
    Optional<Duration> coolOff = preferences.coolOffAfterPurchase();
    Optional<Purchased> purchase = state.lastPurchase();
    if (outreach.isMarketing() && coolOff.isPresent() && purchase.isPresent()) {
      timing.add(
          TimingRule.until(
              purchase.get().at().plus(coolOff.get()), messages.coolOff(purchase.get(), coolOff.get())));
    }
    for (Timing rule : pack.timing(situation())) {
      timing.add(
          rule.isDailyWindow()
              ? new DailyWindowRule(rule.window(), state.customer().zone(), rule.reason())
              : TimingRule.until(rule.until(), rule.reason()));
    }
    return timing;
  }

  /** Adds the timing rule of {@code cap} if it counts the outreach and holds it at its instant. */
  private void addCap(List<TimingRule> timing, FrequencyCap cap, @Nullable String preferencesEvent) {
    if (!countedBy(cap)) {
      return;
    }
    Instant windowStart = outreach.at().minus(cap.per());
    int inWindow = 0;
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry entry = history.get(i);
      if (entry.at().isAfter(windowStart) && cap.counts(entry.purpose(), entry.channel())) {
        inWindow++;
      }
    }
    if (inWindow < cap.max()) {
      return;
    }
    List<Instant> sent = new ArrayList<>(inWindow);
    for (HistoryEntry entry : history) {
      if (cap.counts(entry.purpose(), entry.channel())) {
        sent.add(entry.at());
      }
    }
    Optional<Instant> until = Timing.rollingLimit(sent, cap.max(), cap.per(), outreach.at());
    if (until.isPresent()) {
      timing.add(
          TimingRule.until(until.get(), messages.frequencyCap(cap, until.get(), preferencesEvent)));
    }
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
   * ({@code RULES.md} 6); a DENY where the daily windows leave no free minute in a day.
   */
  private Optional<Decision> deferral(List<TimingRule> timing) {
    if (timing.isEmpty()) {
      return Optional.empty();
    }
    List<DailyWindowRule> daily = new ArrayList<>(2);
    for (TimingRule rule : timing) {
      if (rule instanceof DailyWindowRule) {
        daily.add((DailyWindowRule) rule);
      }
    }
    if (!daily.isEmpty() && noFreeMinute(daily)) {
      List<Reason> reasons = new ArrayList<>(daily.size());
      daily.forEach(window -> reasons.add(window.reason()));
      return Optional.of(deny(reasons));
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
    List<Reason> reasons = new ArrayList<>(timing.size());
    for (TimingRule rule : timing) {
      if (rule.defersWithin(at, until) && !listed(reasons, rule.reason())) {
        reasons.add(rule.reason());
      }
    }
    if (!Limits.isInRange(until)) {
      return Optional.of(deny(reasons)); // no free instant before the time line ends (RULES.md, "Bounds of values")
    }
    return Optional.of(Decision.of(Verdict.DEFER, reasons, ImmutableList.of(), Optional.of(until)));
  }

  /**
   * Whether an equal reason is already listed: the same code and sentence (two rules saying the
   * same thing are listed once). Sentences are compared only where codes are equal.
   */
  private static boolean listed(List<Reason> reasons, Reason reason) {
    for (Reason other : reasons) {
      if (other.code().equals(reason.code()) && other.message().equals(reason.message())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the windows together hold every whole minute of a local day, decided from their
   * boundaries: the union of the minute spans they cover, swept in order of their start.
   */
  static boolean noFreeMinute(List<DailyWindowRule> daily) {
    int[][] spans = new int[daily.size() * 2][];
    int n = 0;
    for (DailyWindowRule window : daily) {
      n = window.coveredMinutes(spans, n);
    }
    Arrays.sort(spans, 0, n, Comparator.comparingInt(span -> span[0]));
    int firstFree = 0;
    for (int i = 0; i < n && firstFree < DailyWindowRule.MINUTES_PER_DAY; i++) {
      if (spans[i][0] > firstFree) {
        return false;
      }
      firstFree = Math.max(firstFree, spans[i][1]);
    }
    return firstFree >= DailyWindowRule.MINUTES_PER_DAY;
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
