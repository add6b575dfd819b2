package dev.rapport.crm.campaign;

import dev.rapport.crm.policy.Decision;
import java.util.Arrays;

/**
 * The customers of a campaign the compiled form left to the engine, with the engine's decisions:
 * positions in ascending order, few as a rule, so kept apart from the run's columns.
 */
final class Fallbacks {
  private int[] positions = new int[0];
  private Decision[] decisions = new Decision[0];
  private int size;

  /** Adds the decision of customer {@code position}, after every one added so far. */
  void add(int position, Decision decision) {
    if (size == positions.length) {
      int grown = Math.max(8, size * 2);
      positions = Arrays.copyOf(positions, grown);
      decisions = Arrays.copyOf(decisions, grown);
    }
    positions[size] = position;
    decisions[size] = decision;
    size++;
  }

  int size() {
    return size;
  }

  Decision decision(int k) {
    return decisions[k];
  }

  /** The engine's decision for customer {@code position}, which must have been added. */
  Decision of(int position) {
    int k = Arrays.binarySearch(positions, 0, size, position);
    if (k < 0) {
      throw new IllegalStateException("customer " + position + " did not fall back");
    }
    return decisions[k];
  }

  /** The fallbacks of consecutive chunks, in their order, as one. */
  static Fallbacks merge(Fallbacks[] chunks) {
    Fallbacks all = new Fallbacks();
    int total = 0;
    for (Fallbacks chunk : chunks) {
      total += chunk.size;
    }
    all.positions = new int[total];
    all.decisions = new Decision[total];
    for (Fallbacks chunk : chunks) {
      System.arraycopy(chunk.positions, 0, all.positions, all.size, chunk.size);
      System.arraycopy(chunk.decisions, 0, all.decisions, all.size, chunk.size);
      all.size += chunk.size;
    }
    return all;
  }
}
