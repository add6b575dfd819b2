package dev.rapport.crm.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.rapport.crm.internal.DailyWindows;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.limits.Limits;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.store.InMemoryLedgerStore;
import dev.rapport.crm.store.LedgerStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Decides one planned send for every customer of a population, exactly as the single-decision
 * {@link PolicyEngine} decides each of them, on the cores it is given.
 *
 * <p>Two ways: {@link #gate(CustomerSource, OutreachTemplate)} compiles the population for the
 * template's outreach and gates it; {@link #compile} then {@link #gate(CompiledPopulation,
 * OutreachTemplate)} gates the week's campaigns of one outreach at their several instants over
 * one compiled population. {@link #singleDecisions} is the plain loop of single decisions, the
 * reference. Decisions come out in the order of the source whatever the parallelism; the
 * compiled form and its fallbacks are described in {@link CompiledPopulation}.
 *
 * <pre>{@code
 * CampaignGate gate = CampaignGate.builder().engine(engine).parallelism(4).build();
 * CampaignRun run = gate.gate(CustomerSource.of(store, historyById), tuesdayTenLocal);
 * run.stream().filter(d -> d.verdict() == Verdict.ALLOW).forEach(send);
 * System.out.println(run.summary());
 * }</pre>
 */
public final class CampaignGate {
  private static final long SECONDS_PER_DAY = 86_400L;
  /** A customer the engine decided in full (the outcome columns' mark). */
  static final short FALLBACK = -1;
  /** The bits of a compiled deferral's outcome index: quiet hours, a cap, the cool-off ({@link Outcome#deferral}). */
  private static final int QUIET = 4;
  private static final int CAP = 2;
  private static final int COOL_OFF = 1;
  /** The last whole second a deferral may end at; past it the engine denies. */
  private static final long LAST_SECOND = Limits.MAX_INSTANT.getEpochSecond();
  /** A store that knows no one: the engine's answer for a customer no store knows. */
  private static final LedgerStore NO_CUSTOMERS = new InMemoryLedgerStore();
  private final PolicyEngine engine;
  private final int parallelism;
  private final @Nullable Executor executor;

  private CampaignGate(PolicyEngine engine, int parallelism, @Nullable Executor executor) {
    this.engine = engine;
    this.parallelism = parallelism;
    this.executor = executor;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The engine whose decisions the gate reproduces. */
  public PolicyEngine engine() {
    return engine;
  }

  /** Compiles {@code source} for the outreach of {@code template} (its instant plays no part). */
  public CompiledPopulation compile(CustomerSource source, OutreachTemplate template) {
    checkNotNull(source, "source");
    checkNotNull(template, "template");
    List<CampaignCustomer> customers = source.customers();
    int n = customers.size();
    CompiledPopulation.Chunk[] chunks = new CompiledPopulation.Chunk[chunks(n)];
    CompiledPopulation.ZoneIntern zones = new CompiledPopulation.ZoneIntern();
    parallel(
        chunks.length,
        c -> {
          int start = c * CompiledPopulation.CHUNK;
          chunks[c] =
              CompiledPopulation.compileChunk(
                  engine, template, customers, start, Math.min(CompiledPopulation.CHUNK, n - start), zones);
        });
    return new CompiledPopulation(template, engine, source, zones.toArray(), chunks);
  }

  /** Compiles {@code source} for {@code template}'s outreach and gates it. */
  public CampaignRun gate(CustomerSource source, OutreachTemplate template) {
    return gate(compile(source, template), template);
  }

  /**
   * Gates {@code template} over a population compiled for the same outreach (any instant).
   *
   * @throws IllegalArgumentException if it was compiled for another outreach or another engine
   */
  public CampaignRun gate(CompiledPopulation compiled, OutreachTemplate template) {
    checkNotNull(compiled, "compiled");
    checkNotNull(template, "template");
    checkArgument(
        compiled.template().sameShape(template),
        "the population was compiled for %s, not for %s",
        compiled.template().shape(),
        template.shape());
    checkArgument(compiled.engine() == engine, "the population was compiled by another gate's engine");
    ZoneId[] zones = compiled.zones();
    Zones at = new Zones(Math.max(1, zones.length)); // an unknown customer's zone is 0, its interval empty
    for (int z = 0; z < zones.length; z++) {
      Instant instant = template.instantIn(zones[z]);
      int offset = zones[z].getRules().getOffset(instant).getTotalSeconds();
      ZoneOffsetTransition next = zones[z].getRules().nextTransition(instant);
      at.second[z] = instant.getEpochSecond();
      at.nano[z] = instant.getNano();
      at.offset[z] = offset;
      at.secondOfDay[z] = (int) Math.floorMod(instant.getEpochSecond() + offset, SECONDS_PER_DAY);
      at.nextTransition[z] = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond();
    }
    int n = compiled.size();
    short[] outcome = new short[n];
    long[] deferUntil = new long[n];
    List<CampaignCustomer> customers = compiled.source().customers();
    Fallbacks[] fallbacks = new Fallbacks[compiled.chunks.length];
    int[][] counts = new int[compiled.chunks.length][];
    parallel(
        compiled.chunks.length,
        c -> {
          counts[c] = new int[compiled.outcomes.length];
          fallbacks[c] = new Fallbacks();
          gateChunk(compiled, compiled.chunks[c], at, outcome, deferUntil, counts[c], fallbacks[c], customers, template);
        });
    int[] total = new int[compiled.outcomes.length];
    for (int[] chunkCounts : counts) {
      for (int k = 0; k < total.length; k++) {
        total[k] += chunkCounts[k];
      }
    }
    return new CampaignRun(
        template, compiled.source(), engine, compiled.outcomes, total, outcome, deferUntil, Fallbacks.merge(fallbacks));
  }

  /** The reference: one single decision per customer, in the gate's parallelism. */
  public CampaignRun singleDecisions(CustomerSource source, OutreachTemplate template) {
    checkNotNull(source, "source");
    checkNotNull(template, "template");
    List<CampaignCustomer> customers = source.customers();
    int n = customers.size();
    short[] outcome = new short[n];
    long[] deferUntil = new long[n];
    Fallbacks[] fallbacks = new Fallbacks[chunks(n)];
    parallel(
        fallbacks.length,
        c -> {
          fallbacks[c] = new Fallbacks();
          int end = Math.min(n, (c + 1) * CompiledPopulation.CHUNK);
          for (int i = c * CompiledPopulation.CHUNK; i < end; i++) {
            fallbacks[c].add(i, decideOne(engine, template, customers.get(i)));
            outcome[i] = FALLBACK;
            deferUntil[i] = CompiledPopulation.NONE;
          }
        });
    return new CampaignRun(
        template, source, engine, new Outcome[] {null}, new int[1], outcome, deferUntil, Fallbacks.merge(fallbacks));
  }

  /** The single decision for one customer: the engine's own. */
  static Decision decideOne(PolicyEngine engine, OutreachTemplate template, CampaignCustomer customer) {
    Ledger ledger = customer.ledgerOrNull();
    if (ledger == null) {
      return engine.decide(NO_CUSTOMERS, customer.id(), customer.history(), template.outreachIn(ZoneId.of("UTC")));
    }
    return engine.decide(ledger, customer.history(), template.outreachIn(ledger.customer().zone()));
  }

  /**
   * The tight loop over one chunk of the compiled columns: per customer an outcome index and a
   * {@code deferUntil} into the run's columns, a count per outcome, and the engine's decision
   * where the columns cannot decide. Nothing is allocated per customer the columns decide.
   */
  private void gateChunk(
      CompiledPopulation compiled,
      CompiledPopulation.Chunk chunk,
      Zones at,
      short[] outcome,
      long[] deferUntil,
      int[] counts,
      Fallbacks fallbacks,
      List<CampaignCustomer> customers,
      OutreachTemplate template) {
    int n = chunk.size();
    boolean[] denies = compiled.denies;
    short[] zone = chunk.zone;
    long[] validFrom = chunk.validFrom;
    long[] validUntil = chunk.validUntil;
    short[] base = chunk.base;
    int[] capFirst = chunk.capFirst;
    int[] capMax = chunk.capMax;
    long[] capPer = chunk.capPer;
    int[] histFirst = chunk.histFirst;
    long[] hist = chunk.hist;
    long[] coolOffUntil = chunk.coolOffUntil;
    int[] quietStart = chunk.quietStart;
    int[] quietEnd = chunk.quietEnd;
    long[] zoneSecond = at.second;
    for (int j = 0; j < n; j++) {
      int i = chunk.start + j;
      int z = zone[j];
      long now = zoneSecond[z];
      int decided = FALLBACK;
      long until = CompiledPopulation.NONE;
      if (now >= validFrom[j] && now < validUntil[j]) {
        int b = base[j];
        if (denies[b]) {
          decided = b;
        } else {
          // The caps and the cool-off: each an instant before which it defers.
          long free = CompiledPopulation.NONE;
          int capsDeferring = 0;
          for (int r = capFirst[j]; r < capFirst[j + 1]; r++) {
            int from = histFirst[r];
            int to = histFirst[r + 1];
            long per = capPer[r];
            int hi = firstAfter(hist, from, to, now);
            int lo = firstAfter(hist, from, hi, now - per);
            int max = capMax[r];
            if (hi - lo >= max) {
              capsDeferring++;
              free = Math.max(free, hist[hi - max] + per);
            }
          }
          long coolOff = coolOffUntil[j];
          boolean coolingOff = coolOff > now;
          if (coolingOff) {
            free = Math.max(free, coolOff);
          }
          if (capsDeferring <= 1) {
            int rules = (capsDeferring > 0 ? CAP : 0) | (coolingOff ? COOL_OFF : 0);
            int start = quietStart[j];
            if (start < 0) {
              if (rules == 0) {
                decided = b;
              } else if (free <= LAST_SECOND) {
                decided = rules;
                until = free;
              }
            } else {
              int end = quietEnd[j];
              int secondOfDay = at.secondOfDay[z];
              if (rules == 0) {
                if (!DailyWindows.contains(start, end, secondOfDay)) {
                  decided = b;
                } else {
                  // The end of the quiet hours that hold the instant, at its offset.
                  until = now + floorModDay(end - secondOfDay);
                  decided = QUIET;
                }
              } else {
                until = deferral(start, end, now, secondOfDay, at.offset[z], free);
                boolean quiet =
                    DailyWindows.contains(start, end, secondOfDay)
                        || nextWallTime(start, now, at.nano[z], secondOfDay) < until;
                decided = quiet ? rules | QUIET : rules;
              }
              if (until >= at.nextTransition[z] || until > LAST_SECOND) {
                decided = FALLBACK; // a change of the zone's clock first, or past the time line
                until = CompiledPopulation.NONE;
              }
            }
          }
        }
      }
      if (decided == FALLBACK) {
        fallbacks.add(i, decideOne(engine, template, customers.get(i)));
        until = CompiledPopulation.NONE;
      } else {
        counts[decided]++;
      }
      outcome[i] = (short) decided;
      deferUntil[i] = until;
    }
  }

  /** The first index of {@code sorted[from, to)} whose value is after {@code t}. */
  private static int firstAfter(long[] sorted, int from, int to, long t) {
    int lo = from;
    int hi = to;
    if (hi - lo <= 8) {
      while (lo < hi && sorted[lo] <= t) {
        lo++;
      }
      return lo;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] > t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** {@code x} modulo a day's seconds, for {@code x} within a day either side of zero. */
  private static int floorModDay(int x) {
    return x < 0 ? x + (int) SECONDS_PER_DAY : x;
  }

  /**
   * The end of the engine's deferral ({@code RULES.md} 6) where quiet hours {@code [start, end)}
   * meet a cap or the cool-off deferring until {@code free}: the engine's fixpoint is {@code
   * end(max(free, end(now)))}, {@code end} being the end of the quiet hours holding an instant
   * (the instant itself outside them), every wall time read at the offset of the campaign's
   * instant; the caller checks that the zone's clock does not change first. Reached in at most
   * three steps of the engine's search, far inside its bound (see {@link CompiledPopulation}).
   */
  private static long deferral(int start, int end, long now, int secondOfDay, int offset, long free) {
    long first = free;
    if (DailyWindows.contains(start, end, secondOfDay)) {
      first = Math.max(free, now + floorModDay(end - secondOfDay));
    }
    int firstOfDay = (int) Math.floorMod(first + offset, SECONDS_PER_DAY);
    if (DailyWindows.contains(start, end, firstOfDay)) {
      return first + floorModDay(end - firstOfDay);
    }
    return first;
  }

  /**
   * The first epoch second at or after the instant {@code now} (whole second) plus {@code nano}
   * at which the wall clock reads {@code secondOfDay} at the instant's offset; the wall clock
   * reads {@code nowOfDay} at {@code now}.
   */
  private static long nextWallTime(int secondOfDay, long now, int nano, int nowOfDay) {
    int ahead = floorModDay(secondOfDay - nowOfDay);
    return now + (ahead == 0 && nano > 0 ? SECONDS_PER_DAY : ahead);
  }

  private static int chunks(int n) {
    return (n + CompiledPopulation.CHUNK - 1) / CompiledPopulation.CHUNK;
  }

  /** Runs {@code task} for every chunk index, on the gate's executor, and waits for all. */
  private void parallel(int count, IntConsumer task) {
    if (parallelism == 1 && executor == null || count <= 1) {
      for (int c = 0; c < count; c++) {
        task.accept(c);
      }
      return;
    }
    ForkJoinPool own = executor == null ? new ForkJoinPool(parallelism) : null;
    Executor run = executor != null ? executor : own;
    try {
      CompletableFuture<?>[] futures = new CompletableFuture<?>[count];
      for (int c = 0; c < count; c++) {
        int chunk = c;
        futures[c] = CompletableFuture.runAsync(() -> task.accept(chunk), run);
      }
      CompletableFuture.allOf(futures).join();
    } finally {
      if (own != null) {
        own.shutdown();
      }
    }
  }

  /** Per zone of a population: the campaign's instant there, its offset, wall time and next clock change. */
  private static final class Zones {
    final long[] second;
    final int[] nano;
    final int[] offset;
    final int[] secondOfDay;
    final long[] nextTransition;

    Zones(int n) {
      second = new long[n];
      nano = new int[n];
      offset = new int[n];
      secondOfDay = new int[n];
      nextTransition = new long[n];
    }
  }

  /** Builds a {@link CampaignGate}. */
  public static final class Builder {
    private PolicyEngine engine = PolicyEngine.withDefaults();
    private int parallelism = 1;
    private @Nullable Executor executor;

    private Builder() {}

    /** The engine; {@link PolicyEngine#withDefaults()} if not called. */
    public Builder engine(PolicyEngine engine) {
      this.engine = checkNotNull(engine, "engine");
      return this;
    }

    /** How many threads the gate uses when it makes its own pool; 1 (the caller's) by default. */
    public Builder parallelism(int parallelism) {
      checkArgument(parallelism >= 1, "parallelism must be at least 1, got %s", parallelism);
      this.parallelism = parallelism;
      return this;
    }

    /** Runs the gate's work on {@code executor} instead of a pool of its own. */
    public Builder executor(Executor executor) {
      this.executor = checkNotNull(executor, "executor");
      return this;
    }

    /** Builds the gate. */
    public CampaignGate build() {
      return new CampaignGate(engine, parallelism, executor);
    }
  }
}
