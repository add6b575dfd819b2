package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkNotNull;



/**
 * The code of a {@link Reason}: one of the built-in {@link ReasonCode}s, or a {@link TeamCode}
 * of a team's own rule. On the wire a code is its {@link #name()} (see {@code
 * crm-jackson/README.md}, Codes).
 */
public sealed interface Code permits ReasonCode, TeamCode {
  /** The code as written on the wire, such as {@code "WITHDRAWN"} or {@code "RECENT_COMPLAINT"}. */
  String name();

  /**
   * The code named {@code name}: the built-in one if it is built in, else a team's code.
   *
   * @throws IllegalArgumentException if it is neither built in nor UPPER_SNAKE
   */
  static Code of(String name) {
    checkNotNull(name, "code");
    ReasonCode builtIn = ReasonCode.byName(name);
    return builtIn != null ? builtIn : TeamCode.of(name);
  }
}
