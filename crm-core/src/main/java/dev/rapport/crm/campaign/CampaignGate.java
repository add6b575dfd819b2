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
 * <p>How a campaign is gated: per zone of the population, the campaign's instant, its offset
 * and the zone's next change of clock are found once, and per zone and quiet hours whether they
 * hold the instant and for how long. Then one pass per chunk of customers reads the primitive
 * columns of the compiled form and writes, per customer, the index of its answer among the
 * population's few distinct answers and its {@code deferUntil} into primitive columns of the
 * run, counting customers per answer as it goes; nothing is allocated per customer (the run's
 * two columns, 6 bytes a customer, are the whole allocation), and no decision, sentence or
 * {@link GatedDecision} is made until it is read. A customer the columns cannot decide is
 * decided by the engine in the same pass and its decision kept apart. The summary is made from
 * the counts per answer, not per customer.
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
    Zones at = new Zones(compiled, template);
    int n = compiled.size();
    // The run's columns by chunk, each allocated by the thread that fills it: small arrays,
    // none so large that the collector treats it apart.
    short[][] outcome = new short[compiled.chunks.length][];
    int[][] deferIn = new int[compiled.chunks.length][];
    List<CampaignCustomer> customers = compiled.source().customers();
    Fallbacks[] fallbacks = new Fallbacks[compiled.chunks.length];
    int[][] counts = new int[compiled.chunks.length][];
    parallel(
        compiled.chunks.length,
        c -> {
          int size = compiled.chunks[c].size();
          outcome[c] = new short[size];
          deferIn[c] = new int[size];
          counts[c] = new int[compiled.outcomes.length];
          fallbacks[c] = new Fallbacks();
          gateChunk(compiled, compiled.chunks[c], at, outcome[c], deferIn[c], counts[c], fallbacks[c], customers, template);
        });
    int[] total = new int[compiled.outcomes.length];
    for (int[] chunkCounts : counts) {
      for (int k = 0; k < total.length; k++) {
        total[k] += chunkCounts[k];
      }
    }
    return new CampaignRun(
        template, compiled.source(), engine, compiled.outcomes, total, n, outcome, deferIn, Fallbacks.merge(fallbacks));
  }

  /** The reference: one single decision per customer, in the gate's parallelism. */
  public CampaignRun singleDecisions(CustomerSource source, OutreachTemplate template) {
    checkNotNull(source, "source");
    checkNotNull(template, "template");
    List<CampaignCustomer> customers = source.customers();
    int n = customers.size();
    short[][] outcome = new short[chunks(n)][];
    int[][] deferIn = new int[chunks(n)][];
    Fallbacks[] fallbacks = new Fallbacks[chunks(n)];
    parallel(
        fallbacks.length,
        c -> {
          fallbacks[c] = new Fallbacks();
          int first = c * CompiledPopulation.CHUNK;
          int size = Math.min(n - first, CompiledPopulation.CHUNK);
          outcome[c] = new short[size];
          deferIn[c] = new int[size];
          for (int j = 0; j < size; j++) {
            fallbacks[c].add(first + j, decideOne(engine, template, customers.get(first + j)));
            outcome[c][j] = FALLBACK;
          }
        });
    return new CampaignRun(
        template, source, engine, new Outcome[] {null}, new int[1], n, outcome, deferIn, Fallbacks.merge(fallbacks));
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
   * {@code deferUntil} (as seconds after the customer's instant, 0 for none) into the chunk's columns of the run, a count per outcome, and the engine's decision
   * where the columns cannot decide. Nothing is allocated per customer the columns decide.
   */
  private void gateChunk(
      CompiledPopulation compiled,
      CompiledPopulation.Chunk chunk,
      Zones at,
      short[] outcome,
      int[] deferIn,
      int[] counts,
      Fallbacks fallbacks,
      List<CampaignCustomer> customers,
      OutreachTemplate template) {
    int n = chunk.size();
    boolean[] denies = compiled.denies;
    int[] windowStart = compiled.windowStart;
    int[] windowEnd = compiled.windowEnd;
    int windows = windowStart.length;
    short[] zone = chunk.zone;
    long[] validFrom = chunk.validFrom;
    long[] validUntil = chunk.validUntil;
    short[] base = chunk.base;
    short[] quiet = chunk.quiet;
    int[] capFirst = chunk.capFirst;
    short[] capKind = chunk.capKind;
    int[] capMax = chunk.capMax;
    long[] capPer = chunk.capPer;
    int[] histFirst = chunk.histFirst;
    long[] hist = chunk.hist;
    long[] coolOffUntil = chunk.coolOffUntil;
    long[] zoneSecond = at.second;
    int[] heldFor = at.heldFor;
    int[] startsIn = at.startsIn;
    // Whether any entry of the chunk's history may lie after a customer's instant (rare: a
    // campaign dated before some sends); if not, no cap row needs its entries after it skipped.
    boolean sentAfter = chunk.latestSent > at.earliest;
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
          // Each cap: the instant it stops deferring, if it defers (RULES.md 6): with the
          // entries up to now sorted, the max-th latest plus the cap's period.
          long free = CompiledPopulation.NONE;
          int capsDeferring = 0;
          for (int r = capFirst[j]; r < capFirst[j + 1]; r++) {
            int from = histFirst[r];
            int hi = histFirst[r + 1];
            while (sentAfter && hi > from && hist[hi - 1] > now) {
              hi--; // an entry after the instant: not yet sent then
            }
            int kind = capKind[r];
            int k = hi - capMax[kind];
            // Branch-free: where fewer than max entries were sent, hist[from] is read and ignored.
            long end = hist[Math.max(k, from)] + capPer[kind];
            boolean defers = k >= from & end > now;
            capsDeferring += defers ? 1 : 0;
            free = defers ? Math.max(free, end) : free;
          }
          long coolOff = coolOffUntil[j];
          int rules = (capsDeferring > 0 ? CAP : 0) | (coolOff > now ? COOL_OFF : 0);
          free = Math.max(free, coolOff);
          int w = quiet[j];
          int held = heldFor[z * windows + w];
          if (capsDeferring <= 1) {
            long limit = at.plainLimit[z];
            if (rules == 0) {
              decided = held == 0 ? b : QUIET;
              until = held == 0 ? CompiledPopulation.NONE : now + held;
              limit = at.limit[z];
            } else if (w == 0) {
              decided = rules;
              until = free;
            } else {
              // Quiet hours meet a cap or the cool-off: the engine's fixpoint (see Zones).
              long first = held == 0 ? free : Math.max(free, now + held);
              int firstOfDay = (int) Math.floorMod(first + at.offset[z], SECONDS_PER_DAY);
              int start = windowStart[w];
              int end = windowEnd[w];
              until = DailyWindows.contains(start, end, firstOfDay) ? first + floorModDay(end - firstOfDay) : first;
              boolean quietDefers = held != 0 || now + startsIn[z * windows + w] < until;
              decided = quietDefers ? rules | QUIET : rules;
              limit = at.limit[z];
            }
            if (until >= limit) {
              decided = FALLBACK; // past the time line, a change of the zone's clock first, or 68 years away
              until = CompiledPopulation.NONE;
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
      outcome[j] = (short) decided;
      deferIn[j] = until == CompiledPopulation.NONE ? 0 : (int) (until - now);
    }
  }

  /** {@code x} modulo a day's seconds, for {@code x} within a day either side of zero. */
  private static int floorModDay(int x) {
    return x < 0 ? x + (int) SECONDS_PER_DAY : x;
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

  /**
   * A campaign's instant in each zone of a population, and what the quiet hours of the
   * population's customers give there. Where quiet hours {@code [start, end)} hold the instant,
   * the engine's deferral for them alone ends where the wall clock next reads {@code end} at the
   * instant's offset; where they meet a cap or the cool-off deferring until {@code free}, the
   * engine's fixpoint ({@code RULES.md} 6) is {@code end(max(free, end(now)))}, {@code end}
   * being the end of the quiet hours that hold an instant (the instant itself outside them): the
   * engine's search reaches it in at most two moves (three rounds of its loop), far inside its
   * bound of 10,000 ({@code CampaignDeferralBoundTest}). Either answer holds
   * only if the zone's clock does not change before it ({@link #limit}), else the engine decides.
   */
  private static final class Zones {
    /**
     * Per zone: the instant (whole seconds), its offset, and the first second a deferral may not
     * reach without quiet hours in it and with them: past the time line, or more seconds away
     * than the run's int column holds, or (with quiet hours) the zone's next change of clock.
     */
    final long[] second;
    /** The earliest of {@link #second}. */
    final long earliest;
    final int[] offset;
    final long[] plainLimit;
    final long[] limit;
    /** Per zone and window ({@code z * windows + w}): seconds to the end of the quiet hours holding the instant, else 0. */
    final int[] heldFor;
    /** Per zone and window: seconds to the next instant at or after the campaign's at which the quiet hours start. */
    final int[] startsIn;

    Zones(CompiledPopulation compiled, OutreachTemplate template) {
      ZoneId[] zones = compiled.zones();
      int n = Math.max(1, zones.length); // an unknown customer's zone is 0, its interval empty
      int windows = compiled.windowStart.length;
      second = new long[n];
      offset = new int[n];
      limit = new long[n];
      plainLimit = new long[n];
      heldFor = new int[n * windows];
      startsIn = new int[n * windows];
      long first = Long.MAX_VALUE;
      for (int z = 0; z < zones.length; z++) {
        Instant instant = template.instantIn(zones[z]);
        first = Math.min(first, instant.getEpochSecond());
        ZoneOffsetTransition next = zones[z].getRules().nextTransition(instant);
        second[z] = instant.getEpochSecond();
        offset[z] = zones[z].getRules().getOffset(instant).getTotalSeconds();
        plainLimit[z] = Math.min(LAST_SECOND + 1, second[z] + Integer.MAX_VALUE + 1L);
        limit[z] = Math.min(next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond(), plainLimit[z]);
        int nowOfDay = (int) Math.floorMod(second[z] + offset[z], SECONDS_PER_DAY);
        for (int w = 1; w < windows; w++) {
          int start = compiled.windowStart[w];
          int end = compiled.windowEnd[w];
          // Whole seconds suffice: a window's bounds are whole seconds, so a nanosecond part
          // moves neither where the instant lies nor where the window ends (only its start).
          heldFor[z * windows + w] = DailyWindows.contains(start, end, nowOfDay) ? floorModDay(end - nowOfDay) : 0;
          int ahead = floorModDay(start - nowOfDay);
          startsIn[z * windows + w] = ahead == 0 && instant.getNano() > 0 ? (int) SECONDS_PER_DAY : ahead;
        }
      }
      earliest = first;
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
