package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The arithmetic of a rolling-window limit ({@code model.md} 5.8, frequency caps). */
final class Cap {
  private Cap() {}

  /**
   * When the limit stops deferring an outreach at {@code at}: counting the entries with {@code
   * at - per < entry <= at}, at {@code max} or more, with n counted entries oldest first and
   * counting from 1, entry number n-max+1 plus {@code per}. Empty when it does not defer.
   */
  static Optional<Instant> freeFrom(List<Instant> sent, int max, Duration per, Instant at) {
    Instant windowStart = at.minus(per);
    List<Instant> counted =
        sent.stream().filter(s -> s.isAfter(windowStart) && !s.isAfter(at)).sorted().toList();
    int n = counted.size();
    if (n < max) {
      return Optional.empty();
    }
    return Optional.of(counted.get(n - max).plus(per));
  }
}
