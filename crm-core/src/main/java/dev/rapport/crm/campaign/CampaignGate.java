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
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;
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
    long[] zoneSecond = new long[zones.length];
    int[] zoneNano = new int[zones.length];
    int[] zoneOffset = new int[zones.length];
    long[] zoneNextTransition = new long[zones.length];
    for (int z = 0; z < zones.length; z++) {
      Instant at = template.instantIn(zones[z]);
      zoneSecond[z] = at.getEpochSecond();
      zoneNano[z] = at.getNano();
      zoneOffset[z] = zones[z].getRules().getOffset(at).getTotalSeconds();
      ZoneOffsetTransition next = zones[z].getRules().nextTransition(at);
      zoneNextTransition[z] = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond();
    }
    int n = compiled.size();
    Outcome[] outcomes = new Outcome[n];
    long[] deferUntil = new long[n];
    List<CampaignCustomer> customers = compiled.source().customers();
    parallel(
        compiled.chunks.length,
        c ->
            gateChunk(
                compiled.chunks[c], zoneSecond, zoneNano, zoneOffset, zoneNextTransition, customers, template, outcomes, deferUntil));
    return new CampaignRun(template, compiled.source(), engine, outcomes, deferUntil);
  }

  /** The reference: one single decision per customer, in the gate's parallelism. */
  public CampaignRun singleDecisions(CustomerSource source, OutreachTemplate template) {
    checkNotNull(source, "source");
    checkNotNull(template, "template");
    List<CampaignCustomer> customers = source.customers();
    int n = customers.size();
    Outcome[] outcomes = new Outcome[n];
    long[] deferUntil = new long[n];
    parallel(
        chunks(n),
        c -> {
          int end = Math.min(n, (c + 1) * CompiledPopulation.CHUNK);
          for (int i = c * CompiledPopulation.CHUNK; i < end; i++) {
            outcomes[i] = Outcome.fallback(decideOne(engine, template, customers.get(i)));
            deferUntil[i] = CompiledPopulation.NONE;
          }
        });
    return new CampaignRun(template, source, engine, outcomes, deferUntil);
  }

  /** The single decision for one customer: the engine's own. */
  static Decision decideOne(PolicyEngine engine, OutreachTemplate template, CampaignCustomer customer) {
    Ledger ledger = customer.ledgerOrNull();
    if (ledger == null) {
      return engine.decide(NO_CUSTOMERS, customer.id(), customer.history(), template.outreachIn(ZoneId.of("UTC")));
    }
    return engine.decide(ledger, customer.history(), template.outreachIn(ledger.customer().zone()));
  }

  /** The tight loop: one chunk of the compiled columns, falling back where they cannot decide. */
  private void gateChunk(
      CompiledPopulation.Chunk chunk,
      long[] zoneSecond,
      int[] zoneNano,
      int[] zoneOffset,
      long[] zoneNextTransition,
      List<CampaignCustomer> customers,
      OutreachTemplate template,
      Outcome[] outcomes,
      long[] deferUntil) {
    int n = chunk.size();
    byte[] mode = chunk.mode;
    short[] zone = chunk.zone;
    long[] validFrom = chunk.validFrom;
    long[] validUntil = chunk.validUntil;
    Outcome[] base = chunk.base;
    int[] capFirst = chunk.capFirst;
    int[] capMax = chunk.capMax;
    long[] capPer = chunk.capPer;
    int[] histFirst = chunk.histFirst;
    long[] hist = chunk.hist;
    for (int j = 0; j < n; j++) {
      int i = chunk.start + j;
      deferUntil[i] = CompiledPopulation.NONE;
      Outcome decided = null;
      if (mode[j] == CompiledPopulation.FAST) {
        int z = zone[j];
        long at = zoneSecond[z];
        if (at >= validFrom[j] && at < validUntil[j]) {
          Outcome outcome = base[j];
          if (outcome.verdict == Verdict.DENY) {
            decided = outcome;
          } else {
            long until = CompiledPopulation.NONE;
            int capsDeferring = 0;
            for (int r = capFirst[j]; r < capFirst[j + 1]; r++) {
              int from = histFirst[r];
              int to = histFirst[r + 1];
              int hi = firstAfter(hist, from, to, at);
              int lo = firstAfter(hist, from, hi, at - capPer[r]);
              if (hi - lo >= capMax[r]) {
                capsDeferring++;
                until = Math.max(until, hist[hi - capMax[r]] + capPer[r]);
              }
            }
            boolean coolingOff = chunk.coolOffUntil[j] > at;
            if (coolingOff) {
              until = Math.max(until, chunk.coolOffUntil[j]);
            }
            if (capsDeferring <= 1) {
              decided =
                  timing(chunk, j, outcome, capsDeferring > 0, coolingOff, until, at, zoneNano[z], zoneOffset[z],
                      zoneNextTransition[z], deferUntil, i);
            }
          }
        }
      }
      outcomes[i] = decided != null ? decided : Outcome.fallback(decideOne(engine, template, customers.get(i)));
    }
  }

  /** The first index of {@code sorted[from, to)} whose value is after {@code t}. */
  private static int firstAfter(long[] sorted, int from, int to, long t) {
    int lo = from;
    int hi = to;
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

  /**
   * The answer of the timing rules in closed form ({@code RULES.md} 6): quiet hours, one cap,
   * the cool-off; the fixpoint of the engine's deferral is {@code end(max(until, end(at)))}
   * where {@code end} is the end of the quiet window holding an instant. Null (fall back) when
   * the zone's clock changes before the answer.
   */
  private static @Nullable Outcome timing(
      CompiledPopulation.Chunk chunk,
      int j,
      Outcome allowed,
      boolean capDefers,
      boolean coolingOff,
      long until,
      long at,
      int nano,
      int offset,
      long nextTransition,
      long[] deferUntil,
      int i) {
    boolean deferring = capDefers || coolingOff;
    int start = chunk.quietStart[j];
    if (start < 0) {
      if (!deferring) {
        return allowed;
      }
      if (until > LAST_SECOND) {
        return null; // the engine's denial past the end of the time line (RULES.md, "Bounds of values")
      }
      deferUntil[i] = until;
      return Outcome.deferral(false, capDefers, coolingOff);
    }
    int end = chunk.quietEnd[j];
    long heldUntil = quietEnd(start, end, at, nano, offset);
    if (!deferring && heldUntil == CompiledPopulation.NONE) {
      return allowed;
    }
    long free;
    boolean quietDefers;
    if (!deferring) {
      free = heldUntil;
      quietDefers = true;
    } else {
      long first = heldUntil == CompiledPopulation.NONE ? until : Math.max(until, heldUntil);
      long second = quietEnd(start, end, first, 0, offset);
      free = second == CompiledPopulation.NONE ? first : second;
      quietDefers = heldUntil != CompiledPopulation.NONE || nextWallTime(start, at, nano, offset) < free;
    }
    if (free >= nextTransition || free > LAST_SECOND) {
      return null;
    }
    deferUntil[i] = free;
    return Outcome.deferral(quietDefers, capDefers, coolingOff);
  }

  /** The epoch second at or after the instant at which the wall clock next reads {@code secondOfDay}, at a fixed offset. */
  private static long nextWallTime(int secondOfDay, long second, int nano, int offset) {
    long nanoOfDay = Math.floorMod(second + offset, SECONDS_PER_DAY) * NANOS_PER_SECOND + nano;
    long ahead = Math.floorMod(secondOfDay * NANOS_PER_SECOND - nanoOfDay, SECONDS_PER_DAY * NANOS_PER_SECOND);
    return second + (nano + ahead) / NANOS_PER_SECOND;
  }

  /**
   * If the local wall time at the instant lies in the daily window {@code [start, end)} (seconds
   * of day) at the zone's offset there, the epoch second at which the wall clock next reads
   * {@code end} at that same offset; else {@link CompiledPopulation#NONE}. The caller checks that
   * no clock change comes first.
   */
  private static long quietEnd(int start, int end, long second, int nano, int offset) {
    long startNano = start * NANOS_PER_SECOND;
    long endNano = end * NANOS_PER_SECOND;
    long nanoOfDay = Math.floorMod(second + offset, SECONDS_PER_DAY) * NANOS_PER_SECOND + nano;
    if (!DailyWindows.contains(startNano, endNano, nanoOfDay)) {
      return CompiledPopulation.NONE;
    }
    long toEnd = Math.floorMod(endNano - nanoOfDay, SECONDS_PER_DAY * NANOS_PER_SECOND);
    return second + (nano + toEnd) / NANOS_PER_SECOND;
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
