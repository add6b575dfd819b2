package dev.rapport.crm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every check of every scenario file is a test ({@code crm-jackson/README.md}, Scenario files): the
 * project's own scenarios, and an external folder named by the system property
 * {@code rapport.conformance.dir} or the environment variable {@code RAPPORT_CONFORMANCE_DIR}.
 */
final class ConformanceTest {
  static final Path OWN = Path.of("src/test/resources/scenarios");

  @TestFactory
  Stream<DynamicTest> the_projects_own_scenarios_pass() throws IOException {
    return tests(OWN);
  }

  @TestFactory
  Stream<DynamicTest> the_external_scenarios_pass_when_a_folder_is_given() throws IOException {
    Optional<Path> external = externalFolder();
    return external.isPresent() ? tests(external.get()) : Stream.empty();
  }

  static Optional<Path> externalFolder() {
    String dir = System.getProperty("rapport.conformance.dir", "");
    if (dir.isBlank()) {
      dir = Optional.ofNullable(System.getenv("RAPPORT_CONFORMANCE_DIR")).orElse("");
    }
    return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  private static Stream<DynamicTest> tests(Path folder) throws IOException {
    List<CheckResult> results = ScenarioRunner.create().runAll(List.of(folder));
    assertThat(results).as("scenarios in %s", folder).isNotEmpty();
    return results.stream()
        .map(result -> DynamicTest.dynamicTest(result.displayName(), () -> assertPassed(result)));
  }

  private static void assertPassed(CheckResult result) {
    assertThat(result.passed()).as("%s", result).isTrue();
  }
}
