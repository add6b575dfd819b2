package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Why a {@link Decision} came out as it did: a code, a sentence a person can read that cites
 * the customer's declaration or the rule, and the id of the ledger event it rests on, if any.
 *
 * <p>Built-in codes are the {@link ReasonCode} names; a team's own rules use codes of their
 * own (UPPER_SNAKE, not a built-in name), with the verdict they support.
 */
@Value.Immutable
public abstract class Reason {
  private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  Reason() {}

  /** The code, such as {@code "WITHDRAWN"} or a team rule's own code. */
  public abstract String code();

  /** The verdict this reason supports. */
  public abstract Verdict verdict();

  /** A sentence a person can read; ids and dates only, never personal data. */
  public abstract String message();

  /** The id of the ledger event the reason rests on, if any. */
  public abstract Optional<String> event();

  /** The built-in code, or empty for a team rule's own code. */
  @Value.Derived
  @Value.Auxiliary
  public Optional<ReasonCode> builtIn() {
    return ReasonCode.isBuiltIn(code()) ? Optional.of(ReasonCode.valueOf(code())) : Optional.empty();
  }

  /** A built-in reason. */
  public static Reason of(ReasonCode code, String message, Optional<String> event) {
    return ImmutableReason.builder()
        .code(code.name())
        .verdict(code.verdict())
        .message(message)
        .event(event)
        .build();
  }

  /**
   * A reason with any code, as read back from a stored decision.
   *
   * @throws IllegalArgumentException if the code is not UPPER_SNAKE or is a built-in code with
   *     another verdict
   */
  public static Reason of(String code, Verdict verdict, String message, Optional<String> event) {
    return ImmutableReason.builder().code(code).verdict(verdict).message(message).event(event).build();
  }

  /**
   * A reason of a team's own rule.
   *
   * @throws IllegalArgumentException if the code is not UPPER_SNAKE, is a built-in code, or the
   *     verdict is {@code ALLOW}
   */
  public static Reason custom(String code, Verdict verdict, String message, Optional<String> event) {
    checkArgument(!ReasonCode.isBuiltIn(code), "'%s' is a built-in reason code; a team rule needs a code of its own", code);
    checkArgument(verdict != Verdict.ALLOW, "a team rule's reason denies or defers; got ALLOW for %s", code);
    return ImmutableReason.builder().code(code).verdict(verdict).message(message).event(event).build();
  }

  @Value.Check
  void check() {
    checkArgument(UPPER_SNAKE.matcher(code()).matches(), "reason code '%s' is not UPPER_SNAKE", code());
    checkArgument(!message().isBlank(), "reason %s needs a message", code());
    builtIn()
        .ifPresent(
            c ->
                checkArgument(
                    c.verdict() == verdict(),
                    "reason %s supports %s, not %s",
                    c,
                    c.verdict(),
                    verdict()));
  }

  @Override
  public String toString() {
    return code() + ": " + message();
  }
}
