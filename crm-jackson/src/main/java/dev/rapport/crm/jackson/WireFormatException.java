package dev.rapport.crm.jackson;

import java.io.Closeable;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

/**
 * A document does not follow Rapport's wire format ({@code crm-jackson/README.md}, Conventions: strict
 * reading). Thrown for an unknown field, an unknown enum value, a missing required field, a
 * wrong type, a malformed instant, duration, zone, local time or jurisdiction code, a list where
 * one value is expected, malformed JSON, and for a value the model refuses (a builder's check, or
 * an event the {@link dev.rapport.crm.ledger.Ledger} rejects).
 *
 * <p>The message always starts with the JSON path of the offending value, such as
 * {@code $.events[2].evidence.actor}, followed by the line and column where known:
 *
 * <pre>{@code
 * $.events[2].evidence.actor (line 14, column 19): unknown value "BOT"; allowed: CUSTOMER, STAFF, SYSTEM
 * }</pre>
 *
 * <p>It is a {@link DatabindException}, so code that already catches Jackson's exceptions catches
 * it too. Reading fails whole: when it is thrown, nothing was returned.
 */
public final class WireFormatException extends DatabindException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;
  private final int line;
  private final int column;

  WireFormatException(
      @Nullable Closeable processor,
      String path,
      @Nullable TokenStreamLocation location,
      String problem,
      @Nullable Throwable cause) {
    super(processor, problem, location, cause);
    this.path = path;
    this.problem = problem;
    this.line = location == null ? -1 : location.getLineNr();
    this.column = location == null ? -1 : location.getColumnNr();
  }

  /** The JSON path of the offending value, such as {@code $.events[2].evidence.actor}. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path and position. */
  public String problem() {
    return problem;
  }

  /** The 1-based line of the offending value, when known. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The 1-based column of the offending value, when known. */
  public OptionalInt column() {
    return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }

  /** The path, the position where known, and the problem. */
  @Override
  public String getMessage() {
    StringBuilder message = new StringBuilder(path);
    if (line > 0) {
      message.append(" (line ").append(line);
      if (column > 0) {
        message.append(", column ").append(column);
      }
      message.append(')');
    }
    return message.append(": ").append(problem).toString();
  }

  @Override
  public String getLocalizedMessage() {
    return getMessage();
  }
}
