package dev.rapport.crm.campaign;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.internal.Access;
import dev.rapport.crm.internal.DailyWindows;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Standing;
import dev.rapport.crm.limits.Limits;
import dev.rapport.crm.policy.Code;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.DailyWindow;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A population compiled for one outreach (its purpose, channel, entity and flags; not its
 * instant): per customer, packed into columns, what any campaign of that outreach needs. Made by
 * {@link CampaignGate#compile}; gate as many campaigns over it as there are instants to try.
 *
 * <p>Per customer the columns hold: the zone (a small index); the interval of instants over
 * which the customer's standing for the outreach cannot change (from the latest ledger event to
 * the earliest later expiry of a grant; empty for a customer the columns never decide); the
 * answer the rules that do not depend on the instant give there (denied with its codes, or
 * allowed with its reasons and obligations), decided once by the engine itself and kept as an
 * index into the population's few distinct answers; the quiet hours, an index into the
 * population's few distinct windows; the end of the cool-off after the latest purchase; and per
 * frequency cap that counts the outreach, its limit, its period and the sorted instants of the
 * history it counts. A campaign then decides each customer from these primitive columns alone,
 * in one pass that allocates nothing per customer (see {@link CampaignGate}).
 *
 * <p><b>What falls back to the full engine.</b> Every customer of an outreach that is not
 * direct marketing, that goes by {@code CALL} or {@code SMS} (the US pack's calling rules), of an
 * engine with implied consent on, or with a team's own rules or packs (a team's timing rule may
 * keep the engine's search for the end of a deferral going up to its bound; only the engine
 * answers there). Per customer: an unknown customer; a campaign instant before the customer's
 * latest ledger event or at or after a later grant expiry; quiet hours, cap periods, history
 * entries or a cool-off end that are not whole seconds; two caps deferring at once; a deferral
 * with quiet hours in it that would end at or after the zone's next change of clock; a deferral
 * that would end past the last instant of the time line ({@code RULES.md}, "Bounds of values");
 * and a customer whose first deferral, at compile time, does not end in an allowed answer. Every
 * other deferral is the end of the engine's own search in closed form, reached by that search in
 * at most two moves. {@link CampaignSummary#fallbacks()} counts the fallbacks of each campaign.
 */
public final class CompiledPopulation {
  static final int CHUNK = 8192;
  static final long NONE = Long.MIN_VALUE;
  /** The index of the first outcome the engine decided; those before it are the deferrals {@link Outcome#deferral}. */
  static final int FIRST_DECIDED = 8;
  private static final long SECONDS_PER_DAY = 86_400L;

  private final OutreachTemplate template;
  private final PolicyEngine engine;
  private final CustomerSource source;
  private final ZoneId[] zones;
  final Chunk[] chunks;
  /** Every outcome a customer of this population can get without falling back, by index. */
  final Outcome[] outcomes;
  /** Per outcome index, whether it denies (and so needs no timing rule). */
  final boolean[] denies;
  /** The distinct quiet hours of the population (seconds of day), by index from 1; index 0 is none. */
  final int[] windowStart;
  final int[] windowEnd;

  CompiledPopulation(OutreachTemplate template, PolicyEngine engine, CustomerSource source, ZoneId[] zones, Chunk[] chunks) {
    this.template = template;
    this.engine = engine;
    this.source = source;
    this.zones = zones;
    this.chunks = chunks;
    // The chunks' own tables of outcomes, merged into one; each chunk's indexes renumbered.
    Map<Outcome, Integer> index = new HashMap<>();
    Map<Long, Integer> windowIndex = new HashMap<>();
    List<Long> windowList = new ArrayList<>();
    List<Outcome> all = new ArrayList<>();
    all.add(null);
    for (int rules = 1; rules < FIRST_DECIDED; rules++) {
      all.add(Outcome.deferral((rules & 4) != 0, (rules & 2) != 0, (rules & 1) != 0));
    }
    for (Chunk chunk : chunks) {
      short[] renumber = new short[chunk.outcomes.length];
      for (int k = 0; k < renumber.length; k++) {
        Integer known = index.get(chunk.outcomes[k]);
        if (known == null) {
          checkArgument(all.size() <= Short.MAX_VALUE, "more than %s distinct outcomes in one population", Short.MAX_VALUE);
          known = all.size();
          all.add(chunk.outcomes[k]);
          index.put(chunk.outcomes[k], known);
        }
        renumber[k] = (short) (int) known;
      }
      short[] base = chunk.base;
      for (int j = 0; j < base.length; j++) {
        base[j] = chunk.validFrom[j] < chunk.validUntil[j] ? renumber[base[j]] : 0;
      }
      chunk.outcomes = null;
      short[] renumberWindow = new short[chunk.windows.length + 1];
      for (int k = 0; k < chunk.windows.length; k++) {
        Integer known = windowIndex.get(chunk.windows[k]);
        if (known == null) {
          checkArgument(windowList.size() < Short.MAX_VALUE - 1, "more than %s distinct quiet hours in one population", Short.MAX_VALUE - 1);
          windowList.add(chunk.windows[k]);
          known = windowList.size();
          windowIndex.put(chunk.windows[k], known);
        }
        renumberWindow[k + 1] = (short) (int) known;
      }
      short[] quiet = chunk.quiet;
      for (int j = 0; j < quiet.length; j++) {
        quiet[j] = renumberWindow[quiet[j]];
      }
      chunk.windows = null;
    }
    windowStart = new int[windowList.size() + 1];
    windowEnd = new int[windowList.size() + 1];
    for (int k = 0; k < windowList.size(); k++) {
      windowStart[k + 1] = (int) (windowList.get(k) >>> 32);
      windowEnd[k + 1] = (int) (long) windowList.get(k);
    }
    outcomes = all.toArray(new Outcome[0]);
    denies = new boolean[outcomes.length];
    for (int k = 1; k < outcomes.length; k++) {
      denies[k] = outcomes[k].verdict == Verdict.DENY;
    }
  }

  /** The outreach it was compiled for. */
  public OutreachTemplate template() {
    return template;
  }

  /** How many customers. */
  public int size() {
    return source.size();
  }

  /** How many customers the compiled form leaves to the full engine in every campaign. */
  int alwaysFallback() {
    int count = 0;
    for (Chunk chunk : chunks) {
      for (int j = 0; j < chunk.size(); j++) {
        count += chunk.validFrom[j] >= chunk.validUntil[j] ? 1 : 0;
      }
    }
    return count;
  }

  PolicyEngine engine() {
    return engine;
  }

  CustomerSource source() {
    return source;
  }

  ZoneId[] zones() {
    return zones;
  }

  /** Whether {@code engine} and {@code shape} allow any customer to be compiled. */
  static boolean compilable(PolicyEngine engine, Outreach shape) {
    return !Access.engine(PolicyEngine.class).hasTeamRulesOrPacks(engine)
        && !engine.options().impliedConsent()
        && shape.purpose().isMarketing()
        && shape.channel() != Channel.CALL
        && shape.channel() != Channel.SMS;
  }

  /**
   * The columns of up to {@link #CHUNK} consecutive customers. A customer the compiled form
   * cannot decide at any instant has the empty interval {@code validFrom = Long.MAX_VALUE,
   * validUntil = Long.MIN_VALUE}.
   */
  static final class Chunk {
    final int start;
    final short[] zone;
    final long[] validFrom;
    final long[] validUntil;
    /** The outcome of the rules that do not depend on the instant: an index into the population's outcomes. */
    final short[] base;
    /** While compiling, the chunk's own outcomes, which {@link #base} indexes before renumbering. */
    Outcome @Nullable [] outcomes;
    /** The quiet hours: an index into the population's windows, 0 for none. */
    final short[] quiet;
    /** While compiling, the chunk's own windows as {@code start << 32 | end} (seconds of day), which {@link #quiet} indexes from 1. */
    long @Nullable [] windows;
    final long[] coolOffUntil;
    /** Per customer, its first cap row; {@code capFirst[n]} ends the last. */
    final int[] capFirst;
    /** Per cap row, its cap: an index into {@link #capMax} and {@link #capPer}, the chunk's few distinct caps. */
    short[] capKind;
    int[] capMax;
    long[] capPer;
    /** Per cap row, its first counted history instant; {@code histFirst[rows]} ends the last, {@code hist} holds one more. */
    int[] histFirst;
    long[] hist;
    /** The latest of {@link #hist}: a campaign after it finds no entry sent after its instant. */
    long latestSent;

    Chunk(int start, int n) {
      this.start = start;
      zone = new short[n];
      validFrom = new long[n];
      validUntil = new long[n];
      base = new short[n];
      quiet = new short[n];
      coolOffUntil = new long[n];
      capFirst = new int[n + 1];
    }

    int size() {
      return zone.length;
    }
  }

  /** Compiles customers {@code [start, start + n)}; thread-safe given a shared {@code zones} intern. */
  static Chunk compileChunk(
      PolicyEngine engine, OutreachTemplate template, List<CampaignCustomer> customers, int start, int n, ZoneIntern zones) {
    Outreach shape = template.shape();
    Chunk chunk = new Chunk(start, n);
    boolean compilable = compilable(engine, shape);
    Outcomes outcomes = new Outcomes();
    Windows windows = new Windows();
    List<FrequencyCap> businessCaps = engine.options().caps();
    int rows = 0;
    short[] capKind = new short[16];
    int[] capMax = new int[4];
    long[] capPer = new long[4];
    int kinds = 0;
    int[] histFirst = new int[17];
    long[] hist = new long[64];
    int histSize = 0;
    // The chunk's own small table of zones (a population has few): the shared index, the
    // template's instant there and the zone's offset at that instant, each found once per chunk.
    ZoneId[] seenZones = new ZoneId[8];
    short[] seenIndex = new short[8];
    Instant[] seenHint = new Instant[8];
    int[] seenOffset = new int[8];
    // Per zone, the outreach last decided there: most customers of a zone are decided at the
    // same instant (the template's, or where the same quiet hours end), so it is built once.
    Outreach[] seenOutreach = new Outreach[8];
    int seen = 0;
    for (int j = 0; j < n; j++) {
      CampaignCustomer customer = customers.get(start + j);
      Ledger ledger = customer.ledgerOrNull();
      chunk.capFirst[j] = rows;
      chunk.validFrom[j] = Long.MAX_VALUE;
      chunk.validUntil[j] = Long.MIN_VALUE;
      if (ledger == null) {
        continue;
      }
      ZoneId zone = ledger.customer().zone();
      int slot = 0;
      // By equality: ZoneId.of gives a new instance at every call, so equal zones are seldom the same object.
      while (slot < seen && seenZones[slot] != zone && !seenZones[slot].equals(zone)) {
        slot++;
      }
      if (slot == seen) {
        if (seen == seenZones.length) {
          seenZones = Arrays.copyOf(seenZones, seen * 2);
          seenIndex = Arrays.copyOf(seenIndex, seen * 2);
          seenHint = Arrays.copyOf(seenHint, seen * 2);
          seenOffset = Arrays.copyOf(seenOffset, seen * 2);
          seenOutreach = Arrays.copyOf(seenOutreach, seen * 2);
        }
        seenZones[slot] = zone;
        seenIndex[slot] = zones.index(zone);
        seenHint[slot] = template.instantIn(zone);
        seenOffset[slot] = zone.getRules().getOffset(seenHint[slot]).getTotalSeconds();
        seenOutreach[slot] = shape.rescheduled(seenHint[slot]);
        seen++;
      }
      chunk.zone[j] = seenIndex[slot];
      if (!compilable) {
        continue;
      }
      List<LedgerEvent> events = ledger.events();
      Instant latest = null;
      for (int e = 0; e < events.size(); e++) {
        Instant at = events.get(e).at();
        if (latest == null || at.isAfter(latest)) {
          latest = at;
        }
      }
      // The standing changes only where a grant expires: compile the interval between two
      // expiries that holds the template's own instant. It starts at the latest event or the
      // latest expiry up to that instant, whichever is later, and ends at the first expiry after.
      Instant hint = seenHint[slot];
      Instant reference = latest == null ? Instant.EPOCH : latest;
      Instant expiry = null;
      Instant lastExpired = reference;
      for (int e = 0; e < events.size(); e++) {
        if (events.get(e) instanceof Granted) {
          Optional<Instant> expires = ((Granted) events.get(e)).expiresAt();
          if (expires.isEmpty() || !expires.get().isAfter(reference)) {
            continue;
          }
          Instant end = expires.get();
          if (end.isAfter(hint)) {
            if (expiry == null || end.isBefore(expiry)) {
              expiry = end;
            }
          } else if (end.isAfter(lastExpired)) {
            lastExpired = end;
          }
        }
      }
      reference = lastExpired;
      Standing standing = Standing.of(ledger, reference);
      Optional<PreferencesChanged> latestPreferences = standing.latestPreferences();
      Preferences preferences =
          latestPreferences.isPresent() ? latestPreferences.get().preferences() : Preferences.defaults();
      Optional<QuietHours> quietHours = preferences.quietHours();
      DailyWindow quiet = quietHours.isPresent() ? quietHours.get().window() : null;
      int quietStart = -1;
      int quietEnd = -1;
      if (quiet != null && !quiet.isEmpty() && shape.channel() != Channel.POST) {
        if (!wholeSeconds(quiet.start()) || !wholeSeconds(quiet.end())) {
          continue;
        }
        quietStart = quiet.start().toSecondOfDay();
        quietEnd = quiet.end().toSecondOfDay();
      }
      long coolOffUntil = NONE;
      Optional<Duration> coolOff = preferences.coolOffAfterPurchase();
      Optional<Purchased> purchase = standing.lastPurchase();
      Instant coolOffEnd = null;
      if (coolOff.isPresent() && purchase.isPresent()) {
        coolOffEnd = purchase.get().at().plus(coolOff.get());
        if (coolOffEnd.getNano() != 0) {
          continue;
        }
        coolOffUntil = coolOffEnd.getEpochSecond();
      }
      // Decided once anywhere in the interval: at the template's own instant where it lies inside
      // (the answer most campaigns of the week will see), else at the interval's start; moved
      // past the cool-off and out of the quiet hours where that stays inside, since timing rules
      // only defer and the answer wanted is the one of the other rules. Where the engine still
      // defers there, decided again where its deferral ends.
      Instant decideAt = hint.isAfter(reference) ? hint : reference;
      Instant free = decideAt;
      if (coolOffEnd != null && coolOffEnd.isAfter(free)) {
        free = coolOffEnd;
      }
      if (quietStart >= 0 && free.getNano() == 0) {
        // At the offset of the instant: across a change of the zone's clock the engine still
        // defers there, and the decision is made again below.
        long second = free.getEpochSecond();
        int offset = free == hint ? seenOffset[slot] : zone.getRules().getOffset(free).getTotalSeconds();
        int secondOfDay = (int) Math.floorMod(second + offset, SECONDS_PER_DAY);
        if (DailyWindows.contains(quietStart, quietEnd, secondOfDay)) {
          free = Instant.ofEpochSecond(second + Math.floorMod(quietEnd - secondOfDay, SECONDS_PER_DAY));
        }
      }
      if ((expiry == null || free.isBefore(expiry)) && Limits.isInRange(free)) {
        decideAt = free;
      }
      if (!seenOutreach[slot].at().equals(decideAt)) {
        seenOutreach[slot] = shape.rescheduled(decideAt);
      }
      Decision decided = engine.decide(ledger, ImmutableList.of(), seenOutreach[slot]);
      if (decided.verdict() == Verdict.DEFER) {
        Instant until = decided.deferUntil().orElseThrow();
        if (expiry != null && !until.isBefore(expiry)) {
          continue;
        }
        decided = engine.decide(ledger, ImmutableList.of(), shape.rescheduled(until));
        if (decided.verdict() != Verdict.ALLOW) {
          continue;
        }
      }
      boolean exact = true;
      int rowsBefore = rows;
      int histBefore = histSize;
      for (int list = 0; list < 2 && exact; list++) {
        List<FrequencyCap> caps = list == 0 ? preferences.caps() : businessCaps;
        for (int k = 0; k < caps.size(); k++) {
          FrequencyCap cap = caps.get(k);
          if (!cap.counts(shape.purpose(), shape.channel())) {
            continue;
          }
          if (cap.per().getNano() != 0) {
            exact = false;
            break;
          }
          if (rows == capKind.length) {
            capKind = Arrays.copyOf(capKind, rows * 2);
            histFirst = Arrays.copyOf(histFirst, rows * 2 + 1);
          }
          int kind = 0;
          while (kind < kinds && (capMax[kind] != cap.max() || capPer[kind] != cap.per().getSeconds())) {
            kind++;
          }
          if (kind == kinds) {
            checkArgument(kinds < Short.MAX_VALUE, "more than %s distinct caps in one chunk", Short.MAX_VALUE);
            if (kinds == capMax.length) {
              capMax = Arrays.copyOf(capMax, kinds * 2);
              capPer = Arrays.copyOf(capPer, kinds * 2);
            }
            capMax[kinds] = cap.max();
            capPer[kinds] = cap.per().getSeconds();
            kinds++;
          }
          capKind[rows] = (short) kind;
          histFirst[rows] = histSize;
          rows++;
          int from = histSize;
          List<HistoryEntry> history = customer.history();
          for (int h = 0; h < history.size(); h++) {
            HistoryEntry entry = history.get(h);
            if (cap.counts(entry.purpose(), entry.channel())) {
              if (entry.at().getNano() != 0) {
                exact = false;
              }
              if (histSize == hist.length) {
                hist = Arrays.copyOf(hist, hist.length * 2);
              }
              hist[histSize++] = entry.at().getEpochSecond();
            }
          }
          Arrays.sort(hist, from, histSize);
        }
      }
      if (!exact) {
        rows = rowsBefore;
        histSize = histBefore;
        continue;
      }
      chunk.validFrom[j] = latest == null && reference.equals(Instant.EPOCH) ? Long.MIN_VALUE : ceilSeconds(reference);
      chunk.validUntil[j] = expiry == null ? Long.MAX_VALUE : expiry.getEpochSecond();
      chunk.base[j] = outcomes.of(decided);
      if (chunk.validFrom[j] >= chunk.validUntil[j]) {
        chunk.validFrom[j] = Long.MAX_VALUE; // an empty interval: always the engine's
        chunk.validUntil[j] = Long.MIN_VALUE;
      }
      chunk.quiet[j] = quietStart < 0 ? 0 : windows.of(quietStart, quietEnd);
      chunk.coolOffUntil[j] = coolOffUntil;
    }
    chunk.capFirst[n] = rows;
    chunk.capKind = Arrays.copyOf(capKind, rows);
    chunk.capMax = Arrays.copyOf(capMax, kinds);
    chunk.capPer = Arrays.copyOf(capPer, kinds);
    chunk.histFirst = Arrays.copyOf(histFirst, rows + 1);
    chunk.histFirst[rows] = histSize;
    chunk.hist = Arrays.copyOf(hist, histSize + 1); // one more, read and ignored by the gate after an empty last row
    long latestSent = Long.MIN_VALUE;
    for (int h = 0; h < histSize; h++) {
      latestSent = Math.max(latestSent, hist[h]);
    }
    chunk.latestSent = latestSent;
    chunk.outcomes = outcomes.toArray();
    chunk.windows = windows.toArray();
    return chunk;
  }

  /**
   * The distinct outcomes of one chunk, each kept once: few (a handful of verdicts, codes and
   * obligations), so a decision is matched against them in place, without copying its lists.
   */
  private static final class Outcomes {
    private final List<Outcome> seen = new ArrayList<>();

    /** The index of the outcome of {@code decision} among this chunk's. */
    short of(Decision decision) {
      List<Reason> reasons = decision.reasons();
      List<Obligation> obligations = decision.obligations();
      for (int k = 0; k < seen.size(); k++) {
        Outcome outcome = seen.get(k);
        if (outcome.verdict == decision.verdict()
            && sameCodes(outcome.codes, reasons)
            && outcome.obligations.equals(obligations)) {
          return (short) k;
        }
      }
      checkArgument(seen.size() < Short.MAX_VALUE, "more than %s distinct outcomes in one chunk", Short.MAX_VALUE);
      seen.add(Outcome.of(decision));
      return (short) (seen.size() - 1);
    }

    Outcome[] toArray() {
      return seen.toArray(new Outcome[0]);
    }

    private static boolean sameCodes(List<Code> codes, List<Reason> reasons) {
      if (codes.size() != reasons.size()) {
        return false;
      }
      for (int k = 0; k < codes.size(); k++) {
        if (!codes.get(k).equals(reasons.get(k).code())) {
          return false;
        }
      }
      return true;
    }
  }

  /** The distinct quiet hours of one chunk (a handful), numbered from 1. */
  private static final class Windows {
    private long[] seen = new long[4];
    private int size;

    short of(int start, int end) {
      long window = (long) start << 32 | end;
      for (int k = 0; k < size; k++) {
        if (seen[k] == window) {
          return (short) (k + 1);
        }
      }
      checkArgument(size < Short.MAX_VALUE - 1, "more than %s distinct quiet hours in one chunk", Short.MAX_VALUE - 1);
      if (size == seen.length) {
        seen = Arrays.copyOf(seen, size * 2);
      }
      seen[size++] = window;
      return (short) size;
    }

    long[] toArray() {
      return Arrays.copyOf(seen, size);
    }
  }

  private static boolean wholeSeconds(LocalTime time) {
    return time.getNano() == 0;
  }

  private static long ceilSeconds(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }

  /** The zones of a population, each given a small index; shared by the threads that compile. */
  static final class ZoneIntern {
    private final Map<ZoneId, Short> index = new HashMap<>();
    private final List<ZoneId> zones = new ArrayList<>();

    synchronized short index(ZoneId zone) {
      Short known = index.get(zone);
      if (known != null) {
        return known;
      }
      if (zones.size() >= Short.MAX_VALUE) {
        throw new IllegalArgumentException("more than " + Short.MAX_VALUE + " zones in one population");
      }
      short next = (short) zones.size();
      zones.add(zone);
      index.put(zone, next);
      return next;
    }

    synchronized ZoneId[] toArray() {
      return zones.toArray(new ZoneId[0]);
    }
  }
}
