package dev.rapport.crm.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A property checked on many random inputs in plain JUnit: each try is a dynamic test named with
 * its seed, drawing its inputs from a generator seeded with that seed, so a failure names the
 * one number that reproduces it.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> aWithdrawalOnlyEverCloses() {
 *   return PropertyRun.tries(300)
 *       .coverage(statistics -> assertThat(statistics.percentage("before", Verdict.DENY)).isGreaterThan(50))
 *       .check(t -> {
 *         Ledger ledger = t.given("ledger", RandomLedgers.ledger(t.random()));
 *         ...
 *         t.collect("before", before.verdict());
 *       });
 * }
 * }</pre>
 *
 * <p>The tries' seeds follow from a base seed fixed per property (its class and method name), so
 * every run checks the same inputs. Two system properties change that, on the Maven command line
 * too:
 *
 * <ul>
 *   <li>{@code -Drapport.seed=S} runs every property on the one input of seed {@code S} (the seed
 *       a failure printed; add {@code -Dtest=Class#method} to run that property alone);
 *   <li>{@code -Drapport.tries=N} runs {@code N} tries of every property instead of its own count,
 *       for a deeper search.
 * </ul>
 *
 * <p>After the tries, one more dynamic test, {@code statistics}, checks the coverage assertions on
 * what the tries {@linkplain Try#collect collected}: that the generators reached the interesting
 * cases often enough for the property to mean something. It is left out when a single seed is run.
 */
public final class PropertyRun {
  /** The system property naming the one seed to run. */
  public static final String SEED = "rapport.seed";

  /** The system property overriding every property's number of tries. */
  public static final String TRIES = "rapport.tries";

  private final int tries;
  private final List<Consumer<Statistics>> coverage = new ArrayList<>();

  private PropertyRun(int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("a property needs at least one try, got " + tries);
    }
    this.tries = tries;
  }

  /** A property checked on {@code tries} random inputs (unless {@code -Drapport.tries} says otherwise). */
  public static PropertyRun tries(int tries) {
    return new PropertyRun(Integer.getInteger(TRIES, tries));
  }

  /**
   * Adds a check on the statistics the tries collected, run once after every try; it should
   * assert (AssertJ, JUnit), and it fails the {@code statistics} test when the generators missed
   * the cases that matter.
   */
  public PropertyRun coverage(Consumer<Statistics> check) {
    coverage.add(check);
    return this;
  }

  /**
   * The dynamic tests: one per try, then the coverage check. Call this from the
   * {@code @TestFactory} method itself: the property's name and base seed are taken from it.
   */
  public Stream<DynamicTest> check(Property property) {
    StackWalker.StackFrame caller =
        StackWalker.getInstance()
            .walk(frames -> frames.filter(f -> !f.getClassName().equals(PropertyRun.class.getName())).findFirst())
            .orElseThrow();
    String name = caller.getClassName().substring(caller.getClassName().lastIndexOf('.') + 1) + "#" + caller.getMethodName();
    Statistics statistics = new Statistics();
    String fixed = System.getProperty(SEED);
    if (fixed != null) {
      long seed = parseSeed(fixed);
      return Stream.of(tryOf(name, property, statistics, seed, "seed " + seed + " (from -D" + SEED + ")"));
    }
    SplittableRandom seeds = new SplittableRandom(name.hashCode() * 0x9E3779B97F4A7C15L);
    long[] trySeeds = IntStream.range(0, tries).mapToLong(i -> seeds.nextLong()).toArray();
    Stream<DynamicTest> all =
        IntStream.range(0, tries)
            .mapToObj(i -> tryOf(name, property, statistics, trySeeds[i], "try " + (i + 1) + " of " + tries + ", seed " + trySeeds[i]));
    if (coverage.isEmpty()) {
      return all;
    }
    DynamicTest check =
        DynamicTest.dynamicTest(
            "statistics",
            () -> {
              for (Consumer<Statistics> c : coverage) {
                try {
                  c.accept(statistics);
                } catch (AssertionError missed) {
                  throw new AssertionError(
                      name + ": the generators miss the interesting cases: " + missed.getMessage()
                          + System.lineSeparator() + statistics,
                      missed);
                }
              }
            });
    return Stream.concat(all, Stream.of(check));
  }

  private static long parseSeed(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + SEED + " must be a seed as printed by a failure (a long), got '" + text + "'", e);
    }
  }

  private static DynamicTest tryOf(String name, Property property, Statistics statistics, long seed, String display) {
    return DynamicTest.dynamicTest(
        display,
        () -> {
          Try t = new Try(seed, statistics);
          try {
            property.check(t);
          } catch (Throwable failure) {
            AssertionError withSeed =
                new AssertionError(
                    name + " failed for seed " + seed + "; rerun this case alone with -D" + SEED + "=" + seed
                        + " -Dtest=" + name + t.describeGiven() + System.lineSeparator() + failure,
                    failure);
            throw withSeed;
          }
        });
  }

  /** The body of a property: draws its inputs from {@link Try#random()} and asserts. */
  @FunctionalInterface
  public interface Property {
    /** Checks the property on one random input; throws (an {@link AssertionError}) when it does not hold. */
    void check(Try t) throws Exception;
  }

  /** One try of a property: its seeded generator, the inputs it names, the statistics it collects. */
  public static final class Try {
    private final long seed;
    private final RandomGenerator random;
    private final Statistics statistics;
    private final Map<String, Object> given = new LinkedHashMap<>();

    private Try(long seed, Statistics statistics) {
      this.seed = seed;
      this.random = new SplittableRandom(seed);
      this.statistics = statistics;
    }

    /** This try's seed. */
    public long seed() {
      return seed;
    }

    /** The generator every input of this try is drawn from. */
    public RandomGenerator random() {
      return random;
    }

    /** Names an input, shown with the seed when the try fails; returns it. */
    public <T> T given(String name, T value) {
      given.put(name, value);
      return value;
    }

    /** Counts {@code value} under {@code label}, for the coverage checks. */
    public void collect(String label, Object value) {
      statistics.collect(label, value);
    }

    private String describeGiven() {
      StringBuilder text = new StringBuilder();
      given.forEach((name, value) -> text.append(System.lineSeparator()).append("  ").append(name).append(" = ").append(value));
      return text.toString();
    }
  }

  /** Counts of the values collected under each label, over every try of one property. */
  public static final class Statistics {
    private final Map<String, Map<Object, Integer>> counts = new LinkedHashMap<>();

    private synchronized void collect(String label, Object value) {
      counts.computeIfAbsent(label, l -> new LinkedHashMap<>()).merge(value, 1, Integer::sum);
    }

    /** How many tries collected {@code value} under {@code label}. */
    public synchronized int count(String label, Object value) {
      return counts.getOrDefault(label, Map.of()).getOrDefault(value, 0);
    }

    /** How many tries collected anything under {@code label}. */
    public synchronized int total(String label) {
      return counts.getOrDefault(label, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of {@code label}'s tries that collected {@code value}, in percent (0 when none collected). */
    public synchronized double percentage(String label, Object value) {
      int total = total(label);
      return total == 0 ? 0 : 100.0 * count(label, value) / total;
    }

    /** Every label with its counts, as a small table. */
    @Override
    public synchronized String toString() {
      StringBuilder text = new StringBuilder("statistics:");
      counts.forEach(
          (label, values) ->
              values.forEach(
                  (value, count) ->
                      text.append(System.lineSeparator())
                          .append(String.format("  %-28s %-10s %5d (%.1f%%)", label, value, count, percentage(label, value)))));
      return text.toString();
    }
  }
}
