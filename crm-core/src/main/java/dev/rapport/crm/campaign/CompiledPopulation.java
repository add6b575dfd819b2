package dev.rapport.crm.campaign;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Standing;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
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

/**
 * A population compiled for one outreach (its purpose, channel, entity and flags; not its
 * instant): per customer, packed into columns, what any campaign of that outreach needs. Made by
 * {@link CampaignGate#compile}; gate as many campaigns over it as there are instants to try.
 *
 * <p>Per customer the columns hold: the zone; the interval of instants over which the
 * customer's standing for the outreach cannot change (from the latest ledger event to the
 * earliest later expiry of a grant); the answer the rules that do not depend on the instant give
 * there (denied with its codes, or allowed with its reasons and obligations), decided once by
 * the engine itself; the quiet hours, the end of the cool-off after the latest purchase, and per
 * frequency cap that counts the outreach, its limit and the sorted instants of the history it
 * counts. A campaign then decides each customer from these columns alone.
 *
 * <p><b>What falls back to the full engine.</b> Every customer of an outreach that is not
 * direct marketing, that goes by {@code CALL} or {@code SMS} (the US pack's calling rules), of an
 * engine with implied consent on, or with a team's own rules or packs. Per customer: an unknown
 * customer; a campaign instant before the customer's latest ledger event or at or after a later
 * grant expiry; quiet hours, cap periods, history entries or a cool-off end that are not whole
 * seconds; quiet hours that meet another deferring rule, or that hold the campaign instant
 * with a change of the zone's clock before they end; two caps deferring at once; and a customer whose first deferral does not end in an allowed answer.
 * {@link CampaignSummary#fallbacks()} counts them.
 */
public final class CompiledPopulation {
  static final int CHUNK = 8192;
  static final byte FALLBACK = 0;
  static final byte FAST = 1;
  static final long NONE = Long.MIN_VALUE;

  private final OutreachTemplate template;
  private final PolicyEngine engine;
  private final CustomerSource source;
  private final ZoneId[] zones;
  final Chunk[] chunks;

  CompiledPopulation(OutreachTemplate template, PolicyEngine engine, CustomerSource source, ZoneId[] zones, Chunk[] chunks) {
    this.template = template;
    this.engine = engine;
    this.source = source;
    this.zones = zones;
    this.chunks = chunks;
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
  public int alwaysFallback() {
    int count = 0;
    for (Chunk chunk : chunks) {
      for (byte mode : chunk.mode) {
        count += mode == FALLBACK ? 1 : 0;
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
    return !engine.hasTeamRulesOrPacks()
        && !engine.options().impliedConsent()
        && shape.purpose().isMarketing()
        && shape.channel() != Channel.CALL
        && shape.channel() != Channel.SMS;
  }

  /** The columns of up to {@link #CHUNK} consecutive customers. */
  static final class Chunk {
    final int start;
    final byte[] mode;
    final short[] zone;
    final long[] validFrom;
    final long[] validUntil;
    final Outcome[] base;
    final int[] quietStart;
    final int[] quietEnd;
    final long[] coolOffUntil;
    /** Per customer, its first cap row; {@code capFirst[n]} ends the last. */
    final int[] capFirst;
    int[] capMax;
    long[] capPer;
    /** Per cap row, its first counted history instant; {@code histFirst[rows]} ends the last. */
    int[] histFirst;
    long[] hist;

    Chunk(int start, int n) {
      this.start = start;
      mode = new byte[n];
      zone = new short[n];
      validFrom = new long[n];
      validUntil = new long[n];
      base = new Outcome[n];
      quietStart = new int[n];
      quietEnd = new int[n];
      coolOffUntil = new long[n];
      capFirst = new int[n + 1];
    }

    int size() {
      return mode.length;
    }
  }

  /** Compiles customers {@code [start, start + n)}; thread-safe given a shared {@code zones} intern. */
  static Chunk compileChunk(
      PolicyEngine engine, OutreachTemplate template, List<CampaignCustomer> customers, int start, int n, ZoneIntern zones) {
    Outreach shape = template.shape();
    Chunk chunk = new Chunk(start, n);
    boolean compilable = compilable(engine, shape);
    Map<Outcome, Outcome> outcomes = new HashMap<>();
    List<Integer> capMax = new ArrayList<>();
    List<Long> capPer = new ArrayList<>();
    List<Integer> histFirst = new ArrayList<>();
    long[] hist = new long[64];
    int histSize = 0;
    for (int j = 0; j < n; j++) {
      CampaignCustomer customer = customers.get(start + j);
      Ledger ledger = customer.ledgerOrNull();
      chunk.capFirst[j] = capMax.size();
      chunk.mode[j] = FALLBACK;
      if (ledger == null) {
        continue;
      }
      chunk.zone[j] = zones.index(ledger.customer().zone());
      if (!compilable) {
        continue;
      }
      int rowsBefore = capMax.size();
      int histBefore = histSize;
      Instant latest = null;
      for (LedgerEvent event : ledger.events()) {
        if (latest == null || event.at().isAfter(latest)) {
          latest = event.at();
        }
      }
      // The standing changes only where a grant expires: compile the interval between two
      // expiries that holds the template's own instant.
      Instant hint = template.instantIn(ledger.customer().zone());
      Instant reference = latest == null ? Instant.EPOCH : latest;
      Instant expiry = null;
      for (LedgerEvent event : ledger.events()) {
        if (event instanceof Granted) {
          Optional<Instant> expires = ((Granted) event).expiresAt();
          if (expires.isEmpty() || !expires.get().isAfter(reference)) {
            continue;
          }
          if (!expires.get().isAfter(hint)) {
            continue;
          }
          if (expiry == null || expires.get().isBefore(expiry)) {
            expiry = expires.get();
          }
        }
      }
      for (LedgerEvent event : ledger.events()) {
        if (event instanceof Granted) {
          Optional<Instant> expires = ((Granted) event).expiresAt();
          if (expires.isPresent() && expires.get().isAfter(reference) && !expires.get().isAfter(hint)) {
            reference = expires.get();
          }
        }
      }
      // Decided once anywhere in the interval: at the template's own instant where it lies inside
      // (the answer most campaigns of the week will see), else at the interval's start.
      Instant decideAt = hint.isAfter(reference) ? hint : reference;
      Decision decided = engine.decide(ledger, ImmutableList.of(), shape.rescheduled(decideAt));
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
      Standing standing = Standing.of(ledger, reference);
      Optional<PreferencesChanged> latestPreferences = standing.latestPreferences();
      Preferences preferences =
          latestPreferences.isPresent() ? latestPreferences.get().preferences() : Preferences.defaults();
      Optional<DailyWindow> quiet = preferences.quietHours().map(QuietHours::window);
      int quietStart = -1;
      int quietEnd = -1;
      if (quiet.isPresent() && !quiet.get().isEmpty() && shape.channel() != Channel.POST) {
        if (!wholeSeconds(quiet.get().start()) || !wholeSeconds(quiet.get().end())) {
          continue;
        }
        quietStart = quiet.get().start().toSecondOfDay();
        quietEnd = quiet.get().end().toSecondOfDay();
      }
      long coolOffUntil = NONE;
      Optional<Duration> coolOff = preferences.coolOffAfterPurchase();
      Optional<Purchased> purchase = standing.lastPurchase();
      if (coolOff.isPresent() && purchase.isPresent()) {
        Instant end = purchase.get().at().plus(coolOff.get());
        if (end.getNano() != 0) {
          continue;
        }
        coolOffUntil = end.getEpochSecond();
      }
      boolean exact = true;
      List<FrequencyCap> caps = new ArrayList<>(preferences.caps());
      caps.addAll(engine.options().caps());
      for (FrequencyCap cap : caps) {
        if (!cap.counts(shape.purpose(), shape.channel())) {
          continue;
        }
        if (cap.per().getNano() != 0) {
          exact = false;
          break;
        }
        capMax.add(cap.max());
        capPer.add(cap.per().getSeconds());
        histFirst.add(histSize);
        int from = histSize;
        for (HistoryEntry entry : customer.history()) {
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
      if (!exact) {
        while (capMax.size() > rowsBefore) {
          capMax.remove(capMax.size() - 1);
          capPer.remove(capPer.size() - 1);
          histFirst.remove(histFirst.size() - 1);
        }
        histSize = histBefore;
        continue;
      }
      chunk.mode[j] = FAST;
      chunk.validFrom[j] = latest == null && reference.equals(Instant.EPOCH) ? Long.MIN_VALUE : ceilSeconds(reference);
      chunk.validUntil[j] = expiry == null ? Long.MAX_VALUE : expiry.getEpochSecond();
      chunk.base[j] = outcomes.computeIfAbsent(Outcome.of(decided), o -> o);
      chunk.quietStart[j] = quietStart;
      chunk.quietEnd[j] = quietEnd;
      chunk.coolOffUntil[j] = coolOffUntil;
    }
    chunk.capFirst[n] = capMax.size();
    int rows = capMax.size();
    chunk.capMax = new int[rows];
    chunk.capPer = new long[rows];
    chunk.histFirst = new int[rows + 1];
    for (int r = 0; r < rows; r++) {
      chunk.capMax[r] = capMax.get(r);
      chunk.capPer[r] = capPer.get(r);
      chunk.histFirst[r] = histFirst.get(r);
    }
    chunk.histFirst[rows] = histSize;
    chunk.hist = Arrays.copyOf(hist, histSize);
    return chunk;
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
