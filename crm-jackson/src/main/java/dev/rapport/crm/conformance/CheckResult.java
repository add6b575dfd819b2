package dev.rapport.crm.conformance;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of one check of a scenario file, or of a whole file that could not be read
 * (then {@link #index()} is empty and {@link #actual()} is the reading error).
 *
 * @param source the scenario file's name
 * @param index the check's 0-based index in {@code checks}; empty for a file-level failure
 * @param note the check's note, if any
 * @param passed whether the decision met the expectation
 * @param expected the expectation, in words
 * @param actual the decision or the error, in words
 * @param problems why the check failed; empty when it passed
 */
public record CheckResult(
    String source,
    OptionalInt index,
    Optional<String> note,
    boolean passed,
    String expected,
    String actual,
    List<String> problems) {

  /** Copies the problems; every component is required. */
  public CheckResult {
    checkNotNull(source, "source");
    checkNotNull(index, "index");
    checkNotNull(note, "note");
    checkNotNull(expected, "expected");
    checkNotNull(actual, "actual");
    problems = ImmutableList.copyOf(problems);
  }

  /** The failure of a whole file that breaks the format or cannot be read. */
  public static CheckResult unreadable(String source, String error) {
    return new CheckResult(
        source,
        OptionalInt.empty(),
        Optional.empty(),
        false,
        "a readable rapport-scenario/1 file",
        error,
        ImmutableList.of(error));
  }

  /** Where the check is, such as {@code 08-reply-window.json checks[2]}. */
  public String where() {
    return index.isPresent() ? source + " checks[" + index.getAsInt() + "]" : source;
  }

  /** {@link #where()} with the note, if any: a name for a test. */
  public String displayName() {
    return where() + note.map(n -> ": " + n).orElse("");
  }

  /** One line: where, expected and actual, and the problems of a failure. */
  @Override
  public String toString() {
    return where()
        + (passed ? " passed" : " FAILED")
        + ": expected "
        + expected
        + ", actual "
        + actual
        + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")");
  }
}
