package dev.rapport.crm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.campaign.CampaignCustomer;
import dev.rapport.crm.campaign.CampaignGate;
import dev.rapport.crm.campaign.CampaignRun;
import dev.rapport.crm.campaign.CustomerSource;
import dev.rapport.crm.campaign.GatedDecision;
import dev.rapport.crm.campaign.OutreachTemplate;
import dev.rapport.crm.jackson.RapportJson;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.scenario.Check;
import dev.rapport.crm.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every check of every scenario (the project's own and, when given, the external folder of
 * {@link ConformanceTest}) put through the campaign gate: the scenario's customer as a
 * population of one, the check's outreach as the campaign. The gate's verdict, reason codes,
 * obligations and {@code deferUntil} are the single-decision engine's, and so meet the
 * scenario's expectation ({@code crm-jackson/README.md}, Scenario files).
 */
final class ScenariosThroughTheGateTest {
  @TestFactory
  Stream<DynamicTest> the_projects_own_scenarios_through_the_gate() throws IOException {
    return tests(ConformanceTest.OWN);
  }

  @TestFactory
  Stream<DynamicTest> the_external_scenarios_through_the_gate_when_a_folder_is_given() throws IOException {
    Optional<Path> external = ConformanceTest.externalFolder();
    return external.isPresent() ? tests(external.get()) : Stream.empty();
  }

  private static Stream<DynamicTest> tests(Path folder) throws IOException {
    List<Path> files = ScenarioRunner.scenarioFiles(folder);
    assertThat(files).as("scenarios in %s", folder).isNotEmpty();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      Scenario scenario = RapportJson.readScenario(file);
      for (int i = 0; i < scenario.checks().size(); i++) {
        Check check = scenario.checks().get(i);
        tests.add(DynamicTest.dynamicTest(file.getFileName() + " #" + i, () -> compare(scenario, check)));
      }
    }
    return tests.stream();
  }

  private static void compare(Scenario scenario, Check check) {
    PolicyEngine engine = PolicyEngine.builder().options(scenario.options()).build();
    Decision expected = engine.decide(scenario.ledger(), scenario.history(), check.outreach());
    CampaignGate gate = CampaignGate.builder().engine(engine).build();
    CampaignRun run =
        gate.gate(
            CustomerSource.of(List.of(CampaignCustomer.of(scenario.ledger(), scenario.history()))),
            OutreachTemplate.at(check.outreach()));
    GatedDecision gated = run.get(0);
    assertThat(gated.verdict()).as("verdict").isEqualTo(expected.verdict());
    assertThat(gated.reasonCodes()).as("reason codes").isEqualTo(expected.reasonCodes());
    assertThat(gated.obligations()).as("obligations").isEqualTo(expected.obligations());
    assertThat(gated.deferUntil()).as("deferUntil").isEqualTo(expected.deferUntil());
    assertThat(check.expect().problems(gated.decision())).as("the scenario's expectation").isEmpty();
  }
}
