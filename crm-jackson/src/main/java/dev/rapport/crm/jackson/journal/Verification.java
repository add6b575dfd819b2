package dev.rapport.crm.jackson.journal;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What {@link JournalLedgerStore#verify()} found: whether every line's checksum and hash-chain
 * link hold, the first broken link if one does not, the chain's head, and whether an anchored
 * head recorded earlier is still on the chain ({@code crm-jackson/README.md}, "Tamper
 * evidence").
 *
 * <pre>{@code
 * String anchor = store.head();          // kept somewhere the journal's host cannot change
 * ...
 * Verification check = store.verify(anchor);
 * if (!check.isIntact()) {
 *   alert(check.toString());             // names the first broken line, or the lost anchor
 * }
 * }</pre>
 */
public final class Verification {
  private final int lines;
  private final int brokenLine;
  private final @Nullable String problem;
  private final String head;
  private final @Nullable String anchor;
  private final boolean anchorFound;

  Verification(
      int lines,
      int brokenLine,
      @Nullable String problem,
      String head,
      @Nullable String anchor,
      boolean anchorFound) {
    this.lines = lines;
    this.brokenLine = brokenLine;
    this.problem = problem;
    this.head = head;
    this.anchor = anchor;
    this.anchorFound = anchorFound;
  }

  /**
   * Whether every line checks and links to the one before it, and the anchored head, if one was
   * given, is a value the chain passes through.
   */
  public boolean isIntact() {
    return brokenLine == 0 && (anchor == null || anchorFound);
  }

  /** The number (from 1) of the first line whose checksum or chain link is broken. */
  public OptionalInt brokenLine() {
    return brokenLine == 0 ? OptionalInt.empty() : OptionalInt.of(brokenLine);
  }

  /** What is wrong, in words; empty when intact. */
  public Optional<String> problem() {
    if (problem != null) {
      return Optional.of(problem);
    }
    if (anchor != null && !anchorFound) {
      return Optional.of(
          "the anchored head "
              + anchor
              + " is not on the chain: lines up to it were removed or changed");
    }
    return Optional.empty();
  }

  /** The number of lines checked (up to and including a broken one). */
  public int lines() {
    return lines;
  }

  /** The chain value after the last line checked, in 64 lower-case hex digits. */
  public String head() {
    return head;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof Verification)) {
      return false;
    }
    Verification that = (Verification) other;
    return lines == that.lines
        && brokenLine == that.brokenLine
        && anchorFound == that.anchorFound
        && Objects.equals(problem, that.problem)
        && head.equals(that.head)
        && Objects.equals(anchor, that.anchor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lines, brokenLine, problem, head, anchor, anchorFound);
  }

  @Override
  public String toString() {
    return isIntact()
        ? "Verification{intact, " + lines + " lines, head " + head + "}"
        : "Verification{broken: " + problem().orElseThrow() + "}";
  }
}
