package dev.rapport.crm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's own rules ({@code crm-jackson/README.md}, Scenario files). */
final class ScenarioRunnerTest {
  private static final String SCENARIO =
      "{ \"format\": \"rapport-scenario/1\", \"name\": \"promotion by email\",\n"
          + "  \"customer\": { \"id\": \"c-1\", \"jurisdiction\": \"AU\", \"zone\": \"Australia/Sydney\" },\n"
          + "  \"events\": [ { \"id\": \"e1\", \"type\": \"granted\", \"at\": \"2026-01-01T00:00:00Z\",\n"
          + "    \"intents\": [\"PROMOTION\"], \"channels\": [\"EMAIL\"],\n"
          + "    \"evidence\": { \"source\": \"WEB_FORM\", \"actor\": \"CUSTOMER\", \"notice\": \"n-1\" } } ],\n"
          + "  \"checks\": [ { \"note\": \"covered\",\n"
          + "    \"outreach\": { \"purpose\": \"PROMOTION\", \"channel\": \"EMAIL\", \"at\": \"2026-01-02T00:00:00Z\" },\n"
          + "    \"expect\": EXPECT } ] }";

  @TempDir Path dir;

  private List<CheckResult> run(String expect) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, SCENARIO.replace("EXPECT", expect));
    return ScenarioRunner.create().run(file);
  }

  @Test
  void a_met_expectation_passes() throws IOException {
    List<CheckResult> results =
        run("{ \"verdict\": \"ALLOW\", \"reasons\": [\"DECLARED_INTENT\"], \"obligations\": [\"IDENTIFY_SENDER\"],"
            + " \"absentReasons\": [\"WITHDRAWN\"], \"absentObligations\": [\"NO_TRACKING\"] }");

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.passed()).as("%s", r).isTrue();
      assertThat(r.displayName()).isEqualTo("s.json checks[0]: covered");
    });
  }

  @Test
  @DisplayName("a wrong verdict, a missing reason, a present absent reason and a wrong deferUntil each fail")
  void a_wrong_expectation_fails_with_every_problem() throws IOException {
    List<CheckResult> results =
        run("{ \"verdict\": \"DEFER\", \"reasons\": [\"QUIET_HOURS\"], \"absentReasons\": [\"DECLARED_INTENT\"],"
            + " \"absentObligations\": [\"IDENTIFY_SENDER\"], \"deferUntil\": \"2026-01-02T08:00:00Z\" }");

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.passed()).isFalse();
      assertThat(r.index()).hasValue(0);
      assertThat(r.actual()).startsWith("ALLOW [DECLARED_INTENT]");
      assertThat(r.problems())
          .containsExactly(
              "verdict ALLOW, expected DEFER",
              "missing reason QUIET_HOURS",
              "unexpected reason DECLARED_INTENT",
              "unexpected obligation IDENTIFY_SENDER",
              "deferUntil absent, expected 2026-01-02T08:00:00Z");
    });
  }

  @Test
  @DisplayName("a file that breaks the format is a failure carrying the reading error, never skipped")
  void a_broken_file_is_one_failure_with_the_reading_error() throws IOException {
    List<CheckResult> results = run("{ \"verdict\": \"MAYBE\" }");

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.passed()).isFalse();
      assertThat(r.index()).isEmpty();
      assertThat(r.where()).isEqualTo("s.json");
      assertThat(r.actual())
          .isEqualTo("$.checks[0].expect.verdict (line 8, column 28): unknown value \"MAYBE\"; allowed: ALLOW, DENY, DEFER");
    });
  }

  @Test
  void a_folder_contributes_its_json_files_in_name_order() throws IOException {
    Files.writeString(dir.resolve("b.json"), "not json");
    Files.writeString(dir.resolve("a.json"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "ignored");

    List<CheckResult> results = ScenarioRunner.create().runAll(List.of(dir));

    assertThat(results).extracting(CheckResult::where).containsExactly("a.json", "b.json");
    assertThat(results.get(0).actual()).contains("missing required field \"format\"");
    assertThat(ScenarioRunner.failures(results)).hasSize(2);
  }
}
