package dev.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.examples.demo.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RapportCliTest {
  private static final String GOOD =
      "{ \"format\": \"rapport-scenario/1\", \"name\": \"t\","
          + " \"customer\": { \"id\": \"c-1\", \"jurisdiction\": \"AU\", \"zone\": \"Australia/Sydney\" },"
          + " \"checks\": ["
          + "  { \"outreach\": { \"purpose\": \"TRANSACTIONAL\", \"channel\": \"EMAIL\", \"at\": \"2026-01-01T00:00:00Z\" },"
          + "    \"expect\": { \"verdict\": \"ALLOW\", \"reasons\": [\"TRANSACTIONAL\"] } },"
          + "  { \"outreach\": { \"purpose\": \"PROMOTION\", \"channel\": \"EMAIL\", \"at\": \"2026-01-01T00:00:00Z\" },"
          + "    \"expect\": { \"verdict\": \"ALLOW\" } } ] }";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return RapportCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void check_counts_checks_prints_each_failure_and_exits_1() throws IOException {
    Files.writeString(dir.resolve("a.json"), GOOD);
    Files.writeString(dir.resolve("b.json"), "{ \"format\": \"rapport-scenario/1\", \"nme\": 1 }");

    int status = run("check", dir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(out())
        .contains("a.json checks[1]: expected ALLOW, actual DENY")
        .contains("b.json: expected a readable rapport-scenario/1 file, actual $.nme")
        .endsWith("1 passed, 2 failed" + System.lineSeparator());
  }

  @Test
  void check_exits_0_when_every_check_passes() throws IOException {
    Files.writeString(dir.resolve("a.json"), GOOD.replace("\"verdict\": \"ALLOW\" }", "\"verdict\": \"DENY\" }"));

    assertThat(run("check", dir.toString())).isZero();
    assertThat(out()).isEqualTo("2 passed, 0 failed" + System.lineSeparator());
  }

  @Test
  void check_of_a_folder_without_scenarios_exits_1_and_says_so() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "not a scenario");
    Files.createDirectories(dir.resolve("nested")).resolve("a.json");
    Files.writeString(dir.resolve("nested").resolve("a.json"), GOOD);

    int status = run("check", dir.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("rapport: no scenario found in " + dir)
        .contains("subfolders are not searched");
    assertThat(out()).doesNotContain("0 passed, 0 failed");
  }

  @Test
  void a_missing_command_an_unknown_command_and_a_missing_folder_are_usage_errors() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("check")).isEqualTo(2);
    assertThat(run("check", dir.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: rapport");
    assertThat(out()).isEmpty();
  }

  @Test
  void demo_prints_the_week_and_exits_0() {
    assertThat(run("demo")).isZero();
    assertThat(out())
        .startsWith("Rapport demo: one week of planned outreach for 3,000 customers")
        .contains("Three decisions, fully explained");
  }

  @Test
  void demo_says_how_long_the_campaign_gate_took_for_the_week() {
    assertThat(run("demo")).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .containsPattern("the campaign gate gated the week's 8 campaigns in \\d+ ms");
  }

  @Test
  void gate_compares_the_compiled_gate_with_single_decisions_and_ends_with_one_line() {
    assertThat(run("gate", "--customers", "3000")).isZero();
    assertThat(out())
        .matches("gate: 3000 of 3000 identical; compiled \\d+ ns/decision; single \\d+ ns/decision\\R");
  }

  @Test
  void gate_refuses_a_bad_count() {
    assertThat(run("gate", "--customers", "0")).isEqualTo(2);
    assertThat(run("gate", "--customers", "many")).isEqualTo(2);
    assertThat(run("gate", "--people", "5")).isEqualTo(2);
    assertThat(out()).isEmpty();
  }

  @Test
  void demo_takes_only_its_options() {
    assertThat(run("demo", "extra")).isEqualTo(2);
    assertThat(run("demo", "--store", "mongo")).isEqualTo(2);
    assertThat(run("demo", "--store", "postgres")).isEqualTo(2);
    assertThat(run("demo", "--jdbc-url", "jdbc:postgresql://127.0.0.1/x")).isEqualTo(2);
    assertThat(run("demo", "--store", "postgres", "--jdbc-url", "jdbc:mysql://127.0.0.1/x")).isEqualTo(2);
    assertThat(run("demo", "--store")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "demo does not know 'extra'",
            "unknown store 'mongo'",
            "--store postgres needs --jdbc-url URL",
            "takes a jdbc:postgresql: URL",
            "--store needs a value");
    assertThat(out()).isEmpty();
  }

  @Test
  void demo_on_postgres_prints_the_same_week() {
    int status = run("demo", "--store", "postgres", "--jdbc-url", TestServer.jdbcUrl());

    assertThat(status).as("exit status; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out())
        .startsWith("Rapport demo: one week of planned outreach for 3,000 customers")
        .contains("Three decisions, fully explained");
  }

  @Test
  void demo_on_a_postgres_server_that_does_not_answer_fails_with_exit_1() {
    assertThat(run("demo", "--store", "postgres", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x?connectTimeout=2"))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("rapport: cannot run the demo on PostgreSQL: could not open");
    assertThat(out()).isEmpty();
  }

  @Test
  void demo_report_writes_a_self_contained_page_and_prints_the_same_text() throws IOException {
    Path page = dir.resolve("week.html");

    assertThat(run("demo", "--report", page.toString())).isZero();

    assertThat(out()).startsWith("Rapport demo: one week of planned outreach for 3,000 customers");
    String html = Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Spring sale offer")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("<link");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("report page written to " + page);
  }

  @Test
  void demo_report_needs_a_file_name() {
    assertThat(run("demo", "--report")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--report needs a file name");
    assertThat(out()).isEmpty();
  }

  @Test
  void serve_for_zero_seconds_sends_the_campaign_prints_the_links_and_stops() {
    assertThat(run("serve", "--seconds", "0")).isZero();

    assertThat(out())
        .contains("SMTP on 127.0.0.1:")
        .contains("c-0001  ALLOW")
        .contains("c-0003  DENY  [BEYOND_DECLARED_RELATIONSHIP]")
        .contains("c-0004  DENY  [NO_DECLARED_RELATIONSHIP]")
        .contains("c-0005  DEFER")
        .containsPattern("unsubscribe: https://127\\.0\\.0\\.1:\\d+/unsubscribe\\?t=")
        .containsPattern("preferences: https://127\\.0\\.0\\.1:\\d+/preferences\\?t=")
        .contains("Recorded while serving:");
  }

  @Test
  void serve_refuses_a_bad_duration() {
    assertThat(run("serve", "--seconds", "soon")).isEqualTo(2);
    assertThat(run("serve", "--seconds", "-1")).isEqualTo(2);
    assertThat(run("serve", "now")).isEqualTo(2);
    assertThat(out()).isEmpty();
  }
}
