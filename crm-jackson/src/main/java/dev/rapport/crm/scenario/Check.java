package dev.rapport.crm.scenario;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.rapport.crm.policy.Outreach;
import java.util.Optional;

/**
 * One check of a {@link Scenario}: an outreach and the decision it must get.
 *
 * @param outreach the planned outreach to decide
 * @param expect what the decision must be
 * @param note prose about the check, if any
 */
public record Check(Outreach outreach, Expectation expect, Optional<String> note) {
  /** Every component is required. */
  public Check {
    checkNotNull(outreach, "outreach");
    checkNotNull(expect, "expect");
    checkNotNull(note, "note");
  }
}
