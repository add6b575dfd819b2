package dev.rapport.crm.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The few ways property tests draw random values: a number in a range, one of some values
 * (evenly or by weight), a subset, a list, an optional. Every method takes the generator, so the
 * same seed draws the same values, in JUnit or out of it.
 */
public final class Draw {
  /** The chance that {@link #optional} draws nothing. */
  public static final double EMPTY_OPTIONAL = 0.05;

  private Draw() {}

  /** An int from {@code min} to {@code max}, both included. */
  public static int between(RandomGenerator random, int min, int max) {
    return random.nextInt(min, max + 1);
  }

  /** A long from {@code min} to {@code max}, both included. */
  public static long between(RandomGenerator random, long min, long max) {
    return random.nextLong(min, max + 1);
  }

  /** {@code true} with the given probability. */
  public static boolean chance(RandomGenerator random, double probability) {
    return random.nextDouble() < probability;
  }

  /** One of the values, each as likely. */
  @SafeVarargs
  public static <T> T oneOf(RandomGenerator random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /** One of the values, each as likely. */
  public static <T> T oneOf(RandomGenerator random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** One of the enum's constants, each as likely. */
  public static <E extends Enum<E>> E oneOf(RandomGenerator random, Class<E> type) {
    return oneOf(random, type.getEnumConstants());
  }

  /**
   * The index of one of the weights, drawn in proportion to them: {@code weighted(r, 4, 1)} is 0
   * four times as often as 1.
   */
  public static int weighted(RandomGenerator random, int... weights) {
    int total = Arrays.stream(weights).sum();
    int pick = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return i;
      }
    }
    throw new AssertionError("unreachable: weights " + Arrays.toString(weights));
  }

  /** A set of {@code min} to {@code max} distinct values (the size drawn evenly), in draw order. */
  @SafeVarargs
  public static <T> Set<T> subset(RandomGenerator random, int min, int max, T... values) {
    int size = between(random, min, Math.min(max, values.length));
    List<T> pool = new ArrayList<>(values.length);
    for (T value : values) {
      pool.add(value);
    }
    Set<T> picked = new LinkedHashSet<>();
    while (picked.size() < size) {
      picked.add(pool.remove(random.nextInt(pool.size())));
    }
    return picked;
  }

  /** A list of {@code min} to {@code max} elements (the size drawn evenly), each drawn by {@code element}. */
  public static <T> List<T> list(RandomGenerator random, int min, int max, Function<RandomGenerator, T> element) {
    int size = between(random, min, max);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.apply(random));
    }
    return list;
  }

  /** A map of up to {@code max} entries (fewer when keys repeat), keys and values drawn by the functions. */
  public static <K, V> Map<K, V> map(
      RandomGenerator random, int max, Function<RandomGenerator, K> key, Function<RandomGenerator, V> value) {
    int size = between(random, 0, max);
    Map<K, V> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(key.apply(random), value.apply(random));
    }
    return map;
  }

  /** A value drawn by {@code value}, or (with probability {@link #EMPTY_OPTIONAL}) nothing. */
  public static <T> Optional<T> optional(RandomGenerator random, Function<RandomGenerator, T> value) {
    return chance(random, EMPTY_OPTIONAL) ? Optional.empty() : Optional.of(value.apply(random));
  }
}
