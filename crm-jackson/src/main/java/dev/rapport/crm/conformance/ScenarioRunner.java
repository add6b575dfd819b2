package dev.rapport.crm.conformance;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.jackson.RapportJson;
import dev.rapport.crm.jackson.WireFormatException;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.scenario.Check;
import dev.rapport.crm.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Runs scenario files against the {@link PolicyEngine} ({@code wire-format.md}, Scenario
 * files). For each check it builds an engine with the scenario's options, decides the check's
 * outreach on the scenario's ledger and history, and compares the decision with the
 * {@link dev.rapport.crm.scenario.Expectation}. A file that breaks the format, or cannot be read, is one failed result
 * carrying the reading error: it is never skipped.
 *
 * <pre>{@code
 * List<CheckResult> results = ScenarioRunner.create().runAll(List.of(Path.of("conformance")));
 * long failed = results.stream().filter(r -> !r.passed()).count();
 * }</pre>
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** A runner. */
  public static ScenarioRunner create() {
    return new ScenarioRunner();
  }

  /** Runs every check of {@code scenario}, naming results after {@code source}. */
  public List<CheckResult> run(Scenario scenario, String source) {
    PolicyEngine engine = PolicyEngine.builder().options(scenario.options()).build();
    ImmutableList.Builder<CheckResult> results = ImmutableList.builder();
    for (int i = 0; i < scenario.checks().size(); i++) {
      Check check = scenario.checks().get(i);
      String expected = check.expect().toString();
      Decision decision;
      try {
        decision = engine.decide(scenario.ledger(), scenario.history(), check.outreach());
      } catch (RuntimeException e) {
        String actual = "the engine threw " + e;
        results.add(
            new CheckResult(
                source, OptionalInt.of(i), check.note(), false, expected, actual, List.of(actual)));
        continue;
      }
      List<String> problems = check.expect().problems(decision);
      results.add(
          new CheckResult(
              source,
              OptionalInt.of(i),
              check.note(),
              problems.isEmpty(),
              expected,
              decision.toString(),
              problems));
    }
    return results.build();
  }

  /** Reads and runs one scenario file; a file that cannot be read is one failed result. */
  public List<CheckResult> run(Path file) {
    String source = String.valueOf(file.getFileName());
    Scenario scenario;
    try {
      scenario = RapportJson.readScenario(file);
    } catch (WireFormatException e) {
      return List.of(CheckResult.unreadable(source, e.getMessage()));
    } catch (IOException e) {
      return List.of(CheckResult.unreadable(source, "cannot read the file: " + e));
    }
    return run(scenario, source);
  }

  /**
   * Runs every scenario of {@code paths}: a file is run, a directory contributes its
   * {@code *.json} files (not recursively) in name order.
   *
   * @throws IOException if a directory cannot be listed
   */
  public List<CheckResult> runAll(List<Path> paths) throws IOException {
    List<CheckResult> results = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : scenarioFiles(path)) {
        results.addAll(run(file));
      }
    }
    return ImmutableList.copyOf(results);
  }

  /**
   * The scenario files of {@code path}: itself if it is a file, else its {@code *.json} files
   * in name order.
   *
   * @throws IOException if the directory cannot be listed or does not exist
   */
  public static List<Path> scenarioFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.list(path)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted()
          .collect(ImmutableList.toImmutableList());
    }
  }

  /** The failed results. */
  public static List<CheckResult> failures(List<CheckResult> results) {
    return results.stream().filter(r -> !r.passed()).collect(ImmutableList.toImmutableList());
  }
}
