package dev.rapport.crm.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.PolicyOptions;
import java.util.List;
import java.util.Optional;

/**
 * A conformance scenario ({@code wire-format.md}, Scenario files; format
 * {@code rapport-scenario/1}): a ledger, the outreach already sent, the options of the engine,
 * and checks with the decisions they must get. Read one with {@code RapportJson.readScenario}
 * (crm-jackson's wire format); run it with the conformance runner, {@code ScenarioRunner}.
 *
 * @param name what the scenario shows
 * @param about prose on why, if given
 * @param options the engine's options
 * @param ledger the customer and events, validated by the ledger
 * @param history the outreach already sent
 * @param checks the checks; never empty
 */
public record Scenario(
    String name,
    Optional<String> about,
    PolicyOptions options,
    Ledger ledger,
    List<HistoryEntry> history,
    List<Check> checks) {

  /** Copies the lists; a scenario has at least one check. */
  public Scenario {
    checkNotNull(name, "name");
    checkNotNull(about, "about");
    checkNotNull(options, "options");
    checkNotNull(ledger, "ledger");
    history = ImmutableList.copyOf(history);
    checks = ImmutableList.copyOf(checks);
    checkArgument(!checks.isEmpty(), "a scenario needs at least one check");
  }
}
