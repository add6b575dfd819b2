package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The code of a team's own rule ({@link PolicyRule}): UPPER_SNAKE and not a built-in {@link
 * ReasonCode} name, such as {@code RECENT_COMPLAINT}. Two team codes are equal when their names
 * are.
 */
public final class TeamCode implements Code {
  private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  private final String name;

  private TeamCode(String name) {
    this.name = name;
  }

  /**
   * The team code {@code name}.
   *
   * @throws IllegalArgumentException if it is not UPPER_SNAKE or is a built-in code's name
   */
  public static TeamCode of(String name) {
    checkNotNull(name, "code");
    checkArgument(UPPER_SNAKE.matcher(name).matches(), "reason code '%s' is not UPPER_SNAKE", name);
    checkArgument(
        ReasonCode.byName(name) == null,
        "'%s' is a built-in reason code; a team rule needs a code of its own",
        name);
    return new TeamCode(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof TeamCode && ((TeamCode) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
