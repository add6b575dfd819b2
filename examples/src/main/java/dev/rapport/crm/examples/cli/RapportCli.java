package dev.rapport.crm.examples.cli;

import dev.rapport.crm.conformance.CheckResult;
import dev.rapport.crm.conformance.ScenarioRunner;
import dev.rapport.crm.examples.demo.Demo;
import dev.rapport.crm.examples.demo.DemoPage;
import dev.rapport.crm.examples.demo.DemoPrinter;
import dev.rapport.crm.examples.demo.DemoReport;
import dev.rapport.crm.examples.demo.GateCheck;
import dev.rapport.crm.examples.demo.PostgresDemo;
import dev.rapport.crm.examples.demo.Progress;
import dev.rapport.crm.examples.serve.Serve;
import dev.rapport.crm.jackson.postgres.PostgresStoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rapport's command line.
 *
 * <pre>
 * java -jar examples/target/rapport-examples.jar demo [--report FILE.html]
 * java -jar examples/target/rapport-examples.jar demo --store postgres --jdbc-url jdbc:postgresql://...
 * java -jar examples/target/rapport-examples.jar check DIR...
 * java -jar examples/target/rapport-examples.jar serve [--seconds N]
 * </pre>
 *
 * <p>Commands are dispatched in {@link #run}: adding one is one {@code case} and one method.
 * Exit status: 0 success, 1 a check failed, 2 a usage error.
 */
public final class RapportCli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT =
      String.join(
          System.lineSeparator(),
          "usage: rapport <command> [arguments]",
          "commands:",
          "  demo [--report FILE.html] [--store journal | --store postgres --jdbc-url URL]",
          "                 a week of planned outreach for a small business, gated by Rapport;",
          "                 prints the counts per campaign, the top reasons and three",
          "                 decisions explained in full (progress goes to stderr);",
          "                 --report also writes a self-contained HTML page with charts;",
          "                 ledgers go to a temporary journal, or to a new schema on the",
          "                 PostgreSQL server at URL (user and password in its query), dropped after",
          "  gate [--customers N]",
          "                 gate one campaign for N seeded customers (default 100000) with the",
          "                 compiled campaign gate and with single decisions; checks every",
          "                 decision is identical and prints the time per decision of each",
          "  check DIR...   run every scenario file (*.json) of each folder or file;",
          "                 prints each failing check and 'N passed, M failed'",
          "  serve [--seconds N]",
          "                 start an embedded SMTP server and the unsubscribe and preference",
          "                 endpoints on 127.0.0.1, send a small campaign, print its links;",
          "                 serve until interrupted, or for N seconds");

  private RapportCli() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line with {@code args}, printing to {@code out} and {@code err}.
   *
   * @return the exit status: 0 success, 1 failure, 2 usage error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return usage(err, "no command given");
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (args[0]) {
      case "demo":
        return demo(rest, out, err);
      case "check":
        return check(rest, out, err);
      case "gate":
        return gate(rest, out, err);
      case "serve":
        return serve(rest, out, err);
      case "help":
      case "--help":
      case "-h":
        out.println(USAGE_TEXT);
        return OK;
      default:
        return usage(err, "unknown command '" + args[0] + "'");
    }
  }

  /**
   * {@code demo [--report FILE.html] [--store journal | --store postgres --jdbc-url URL]}: the
   * bundled demo week, recorded in a durable journal in a temporary directory (deleted
   * afterwards), or in a new schema on a PostgreSQL server (dropped afterwards); the report on
   * standard output, progress on standard error, and with {@code --report} an HTML page.
   */
  static int demo(List<String> args, PrintStream out, PrintStream err) {
    Optional<Path> page = Optional.empty();
    String store = "journal";
    String jdbcUrl = null;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (!List.of("--report", "--store", "--jdbc-url").contains(option)) {
        return usage(err, "demo does not know '" + option + "'");
      }
      if (i + 1 == args.size()) {
        return usage(err, option.equals("--report") ? "--report needs a file name" : option + " needs a value");
      }
      String value = args.get(++i);
      if (option.equals("--report")) {
        page = Optional.of(Path.of(value));
      } else if (option.equals("--store")) {
        store = value;
      } else {
        jdbcUrl = value;
      }
    }
    if (!store.equals("journal") && !store.equals("postgres")) {
      return usage(err, "unknown store '" + store + "' (journal or postgres)");
    }
    if (store.equals("postgres") != (jdbcUrl != null)) {
      return usage(err, "--store postgres needs --jdbc-url URL, and only it takes one");
    }
    if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      return usage(err, "--jdbc-url takes a jdbc:postgresql: URL, not '" + jdbcUrl + "'");
    }
    DemoReport report;
    try {
      Duration[] gating = new Duration[1];
      report =
          jdbcUrl == null
              ? Demo.bundled().runOnTemporaryJournal(Progress.to(err), time -> gating[0] = time)
              : PostgresDemo.run(Demo.bundled(), jdbcUrl, Progress.to(err), time -> gating[0] = time);
      err.printf(
          "rapport: the campaign gate gated the week's %d campaigns in %d ms%n",
          report.campaigns().size(), gating[0].toMillis());
    } catch (IOException e) {
      err.println("rapport: cannot use a temporary journal for the demo: " + e);
      return FAILED;
    } catch (PostgresStoreException e) {
      err.println("rapport: cannot run the demo on PostgreSQL: " + e.getMessage());
      return FAILED;
    }
    out.print(DemoPrinter.print(report).replace("\n", System.lineSeparator()));
    out.flush();
    if (page.isPresent()) {
      try {
        Files.writeString(page.get(), DemoPage.render(report), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("rapport: cannot write the report page " + page.get() + ": " + e);
        return FAILED;
      }
      err.println("rapport: report page written to " + page.get());
    }
    return OK;
  }

  /** {@code gate [--customers N]}: the campaign gate against single decisions. */
  static int gate(List<String> args, PrintStream out, PrintStream err) {
    int customers = 100_000;
    if (!args.isEmpty()) {
      if (args.size() != 2 || !args.get(0).equals("--customers")) {
        return usage(err, "gate takes only --customers N");
      }
      try {
        customers = Integer.parseInt(args.get(1));
      } catch (NumberFormatException e) {
        return usage(err, "--customers needs a whole number, got '" + args.get(1) + "'");
      }
      if (customers < 1) {
        return usage(err, "--customers must be at least 1, got " + customers);
      }
    }
    return GateCheck.run(customers, out, err) ? OK : FAILED;
  }

  /**
   * {@code serve [--seconds N]}: the sending pipeline on this machine, on the system clock,
   * until interrupted or for N seconds.
   */
  static int serve(List<String> args, PrintStream out, PrintStream err) {
    Optional<Duration> duration = Optional.empty();
    if (args.size() == 2 && args.get(0).equals("--seconds")) {
      try {
        long seconds = Long.parseLong(args.get(1));
        if (seconds < 0) {
          return usage(err, "--seconds must not be negative, got " + seconds);
        }
        duration = Optional.of(Duration.ofSeconds(seconds));
      } catch (NumberFormatException e) {
        return usage(err, "--seconds needs a whole number, got '" + args.get(1) + "'");
      }
    } else if (!args.isEmpty()) {
      return usage(err, "serve takes only --seconds N");
    }
    try {
      Serve.run(Clock.systemUTC(), duration, out);
      return OK;
    } catch (IOException e) {
      err.println("rapport: cannot serve: " + e);
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OK;
    }
  }

  /** {@code check DIR...}: one line per failing check, then {@code N passed, M failed}. */
  static int check(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      return usage(err, "check needs at least one folder or scenario file");
    }
    List<Path> paths = new ArrayList<>();
    for (String arg : args) {
      Path path = Path.of(arg);
      if (!Files.exists(path)) {
        return usage(err, "no such folder or file: " + arg);
      }
      paths.add(path);
    }
    List<CheckResult> results;
    try {
      results = ScenarioRunner.create().runAll(paths);
    } catch (IOException e) {
      err.println("rapport: cannot list scenarios: " + e);
      return FAILED;
    }
    if (results.isEmpty()) {
      err.println(
          "rapport: no scenario found in "
              + String.join(", ", args)
              + ": a scenario is a *.json file directly in a named folder (subfolders are not"
              + " searched), or a named file");
      return FAILED;
    }
    long failed = 0;
    for (CheckResult result : results) {
      if (!result.passed()) {
        failed++;
        out.println(
            result.where()
                + ": expected "
                + result.expected()
                + ", actual "
                + result.actual()
                + (result.index().isPresent() ? " (" + String.join("; ", result.problems()) + ")" : ""));
      }
    }
    out.println((results.size() - failed) + " passed, " + failed + " failed");
    return failed == 0 ? OK : FAILED;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("rapport: " + problem);
    err.println(USAGE_TEXT);
    return USAGE;
  }
}
