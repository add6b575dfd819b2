package dev.rapport.crm.examples.demo;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.campaign.CampaignCustomer;
import dev.rapport.crm.campaign.CampaignGate;
import dev.rapport.crm.campaign.CampaignRun;
import dev.rapport.crm.campaign.CustomerSource;
import dev.rapport.crm.campaign.GatedDecision;
import dev.rapport.crm.examples.demo.DemoReport.CampaignResult;
import dev.rapport.crm.examples.demo.DemoReport.ExplainedDecision;
import dev.rapport.crm.examples.demo.DemoReport.ReasonCount;
import dev.rapport.crm.jackson.journal.JournalLedgerStore;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.store.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A small business's week of outreach, gated by Rapport: a few thousand generated customers in
 * nine jurisdictions are recorded in a {@link LedgerStore} (the durable {@link
 * JournalLedgerStore} in {@link #runOnTemporaryJournal}), then every planned outreach of
 * {@link Campaign#week()} is put to the {@link PolicyEngine}. Allowed outreach is added to the
 * customer's history, so later campaigns meet the customer's frequency caps.
 *
 * <p>Everything is fixed: the customers come from a seed and every instant from the plan, never
 * the system clock, so the same seed always gives the same {@link DemoReport}.
 */
public final class Demo {
  /** The seed of the bundled run. */
  public static final long SEED = 20260302L;
  /** The number of customers of the bundled run. */
  public static final int CUSTOMERS = 3000;

  private static final int WRITERS = 16;

  private final long seed;
  private final int size;
  private final PolicyEngine engine;

  private Demo(long seed, int size, PolicyEngine engine) {
    this.seed = seed;
    this.size = size;
    this.engine = engine;
  }

  /** The bundled run: {@value #CUSTOMERS} customers from seed {@value #SEED}. */
  public static Demo bundled() {
    return of(SEED, CUSTOMERS);
  }

  /** A run over {@code size} customers generated from {@code seed}. */
  public static Demo of(long seed, int size) {
    return new Demo(seed, size, engine());
  }

  /**
   * The engine the demo's business uses: the default options, so only what customers declared
   * counts (implied consent is off, no business-wide caps). The jurisdiction packs apply.
   */
  public static PolicyEngine engine() {
    return PolicyEngine.builder().options(PolicyOptions.defaults()).build();
  }

  /** The customers this demo records. */
  public List<DemoCustomer> customers() {
    return Population.generate(seed, size);
  }

  /** Records the customers in {@code store} (which must be empty) and decides the week. */
  public DemoReport run(LedgerStore store, Progress progress) {
    return run(store, progress, gating -> {});
  }

  /**
   * Records the customers in {@code store} (which must be empty) and decides the week with the
   * campaign gate; {@code gatingTime} learns how long gating the week's campaigns took (kept out
   * of the report, which is the same on every run).
   */
  public DemoReport run(LedgerStore store, Progress progress, Consumer<Duration> gatingTime) {
    List<DemoCustomer> customers = customers();
    record(customers, store, progress);

    List<Campaign> week = Campaign.week();
    CampaignGate gate =
        CampaignGate.builder().engine(engine).parallelism(Runtime.getRuntime().availableProcessors()).build();
    Map<String, List<HistoryEntry>> history = new HashMap<>();
    Map<String, Ledger> ledgers = new HashMap<>();
    List<CampaignResult> results = new ArrayList<>();
    Map<String, int[]> blocked = new LinkedHashMap<>();
    Map<String, int[]> allowedBy = new LinkedHashMap<>();
    Picks picks = new Picks();
    long total = (long) week.size() * customers.size();
    long done = 0;
    long gatingNanos = 0;
    progress.start("deciding the week", total);
    for (Campaign campaign : week) {
      // One gate run per distinct outreach: the account manager's follow-up has one sender each.
      Map<Outreach, List<Integer>> groups = new LinkedHashMap<>();
      for (int c = 0; c < customers.size(); c++) {
        Optional<Outreach> outreach = campaign.plan(customers.get(c));
        if (outreach.isPresent()) {
          groups.computeIfAbsent(outreach.get().rescheduled(Instant.EPOCH), o -> new ArrayList<>()).add(c);
        }
      }
      GatedDecision[] gated = new GatedDecision[customers.size()];
      List<List<HistoryEntry>> before = new ArrayList<>(Collections.nCopies(customers.size(), List.of()));
      for (Map.Entry<Outreach, List<Integer>> group : groups.entrySet()) {
        List<CampaignCustomer> members = new ArrayList<>(group.getValue().size());
        for (int c : group.getValue()) {
          String id = customers.get(c).id();
          Ledger ledger = ledgers.computeIfAbsent(id, i -> store.read(i).orElseThrow());
          before.set(c, ImmutableList.copyOf(history.computeIfAbsent(id, i -> new ArrayList<>())));
          members.add(CampaignCustomer.of(ledger, before.get(c)));
        }
        long start = System.nanoTime();
        CampaignRun run = gate.gate(CustomerSource.of(members), campaign.template(group.getKey()));
        gatingNanos += System.nanoTime() - start;
        for (int m = 0; m < members.size(); m++) {
          gated[group.getValue().get(m)] = run.get(m);
        }
      }
      int planned = 0;
      int[] verdicts = new int[Verdict.values().length];
      for (int c = 0; c < customers.size(); c++) {
        progress.update(++done);
        GatedDecision decision = gated[c];
        if (decision == null) {
          continue;
        }
        DemoCustomer customer = customers.get(c);
        planned++;
        verdicts[decision.verdict().ordinal()]++;
        Set<String> codes = new LinkedHashSet<>();
        decision.reasonCodes().forEach(code -> codes.add(code.name()));
        Map<String, int[]> tally = decision.verdict() == Verdict.ALLOW ? allowedBy : blocked;
        codes.forEach(code -> tally.computeIfAbsent(code, k -> new int[1])[0]++);
        if (decision.verdict() == Verdict.ALLOW) {
          history.get(customer.id()).add(HistoryEntry.sent(decision.outreach()));
        }
        if (!picks.complete()) {
          picks.offer(
              new ExplainedDecision(
                  "", customer.profile(), customer.segment(), campaign, decision.outreach(), before.get(c), decision.decision()));
        }
      }
      results.add(
          new CampaignResult(
              campaign,
              planned,
              verdicts[Verdict.ALLOW.ordinal()],
              verdicts[Verdict.DENY.ordinal()],
              verdicts[Verdict.DEFER.ordinal()]));
    }
    gatingTime.accept(Duration.ofNanos(gatingNanos));
    progress.done();

    Map<String, Integer> byJurisdiction = new LinkedHashMap<>();
    for (Market market : Market.values()) {
      byJurisdiction.put(market.jurisdiction().code(), 0);
    }
    Map<Segment, Integer> bySegment = new EnumMap<>(Segment.class);
    for (Segment segment : Segment.values()) {
      bySegment.put(segment, 0);
    }
    for (DemoCustomer customer : customers) {
      byJurisdiction.merge(customer.profile().jurisdiction().code(), 1, Integer::sum);
      bySegment.merge(customer.segment(), 1, Integer::sum);
    }
    return new DemoReport(
        seed,
        customers.size(),
        byJurisdiction,
        bySegment,
        ImmutableList.copyOf(results),
        ranked(blocked),
        ranked(allowedBy),
        picks.picked());
  }

  /**
   * The bundled run on the durable store: a {@link JournalLedgerStore} in a new temporary
   * directory, deleted afterwards.
   */
  public DemoReport runOnTemporaryJournal(Progress progress) throws IOException {
    return runOnTemporaryJournal(progress, gating -> {});
  }

  /** The bundled run on a temporary journal, telling {@code gatingTime} how long gating took. */
  public DemoReport runOnTemporaryJournal(Progress progress, Consumer<Duration> gatingTime) throws IOException {
    Path dir = Files.createTempDirectory("rapport-demo-");
    try {
      try (JournalLedgerStore store = JournalLedgerStore.open(dir.resolve("ledgers.journal"))) {
        return run(store, progress, gatingTime);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * Records each customer (profile, then events) from a few writer threads, so that a durable
   * store can share one disk sync among concurrent writes. Each customer's ledger is written by
   * one thread, so the stored ledgers do not depend on the threads' timing.
   */
  private static void record(List<DemoCustomer> customers, LedgerStore store, Progress progress) {
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (DemoCustomer customer : customers) {
        writes.add(writers.submit(() -> {
          store.create(customer.profile());
          store.append(customer.id(), 0, customer.events());
        }));
      }
      progress.start("recording ledgers", customers.size());
      for (int i = 0; i < writes.size(); i++) {
        writes.get(i).get();
        progress.update(i + 1);
      }
      progress.done();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording the demo's ledgers", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not record the demo's ledgers", e.getCause());
    } finally {
      writers.shutdownNow();
    }
  }

  private static List<ReasonCount> ranked(Map<String, int[]> tally) {
    return tally.entrySet().stream()
        .map(e -> new ReasonCount(e.getKey(), verdictOf(e.getKey()), e.getValue()[0]))
        .sorted(Comparator.comparingInt(ReasonCount::count).reversed().thenComparing(ReasonCount::code))
        .collect(ImmutableList.toImmutableList());
  }

  private static Verdict verdictOf(String code) {
    return ReasonCode.isBuiltIn(code) ? ReasonCode.valueOf(code).verdict() : Verdict.DENY;
  }

  /**
   * The three decisions the demo explains: the first (in plan order) that matches each wish.
   * A marketer's three questions: what must an allowed message do, why was a customer left out,
   * and when can a delayed message go.
   */
  private static final class Picks {
    private final List<Wish> wishes =
        List.of(
            new Wish(
                "Allowed, with obligations to honour",
                d ->
                    d.decision().isAllowed()
                        && d.decision().hasObligation(ObligationCode.NO_TRACKING)
                        && d.decision().hasObligation(ObligationCode.LIMIT_PERSONALIZATION)),
            new Wish(
                "Denied: beyond what the customer declared",
                d ->
                    d.campaign().purpose() == dev.rapport.crm.relationship.Purpose.PROMOTION
                        && d.segment() == Segment.DEALS_ONLY
                        && d.decision().hasReason(ReasonCode.BEYOND_DECLARED_RELATIONSHIP)),
            new Wish(
                "Deferred: allowed, but not at this hour",
                d ->
                    d.decision().verdict() == Verdict.DEFER
                        && d.decision().hasReason(ReasonCode.CALLING_HOURS)));
    private final ExplainedDecision[] picked = new ExplainedDecision[wishes.size()];

    void offer(ExplainedDecision candidate) {
      for (int i = 0; i < wishes.size(); i++) {
        if (picked[i] == null && wishes.get(i).test().test(candidate)) {
          picked[i] =
              new ExplainedDecision(
                  wishes.get(i).headline(),
                  candidate.customer(),
                  candidate.segment(),
                  candidate.campaign(),
                  candidate.outreach(),
                  candidate.history(),
                  candidate.decision());
        }
      }
    }

    boolean complete() {
      for (ExplainedDecision d : picked) {
        if (d == null) {
          return false;
        }
      }
      return true;
    }

    List<ExplainedDecision> picked() {
      List<ExplainedDecision> found = new ArrayList<>();
      for (ExplainedDecision d : picked) {
        if (d != null) {
          found.add(d);
        }
      }
      return ImmutableList.copyOf(found);
    }
  }

  private record Wish(String headline, Predicate<ExplainedDecision> test) {}
}
