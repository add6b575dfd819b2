package dev.rapport.crm.examples.cli;

import dev.rapport.crm.examples.demo.Demo;
import dev.rapport.crm.examples.demo.DemoPrinter;
import dev.rapport.crm.examples.demo.DemoReport;
import dev.rapport.crm.examples.demo.Progress;
import dev.rapport.crm.store.InMemoryLedgerStore;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The runnable jar's entry point: {@code java -jar examples/target/rapport-examples.jar COMMAND}.
 *
 * <ul>
 *   <li>{@code demo}: a week of outreach for a small business, gated by Rapport.
 * </ul>
 *
 * Exit codes: 0 done, 1 the command failed, 2 usage error.
 */
public final class RapportCli {
  private RapportCli() {}

  /** Runs a command; see the class comment. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command and returns its exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return usage(err);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "demo":
        return demo(rest, out, err);
      default:
        return usage(err);
    }
  }

  private static int demo(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 0) {
      return usage(err);
    }
    DemoReport report = Demo.bundled().run(new InMemoryLedgerStore(), Progress.to(err));
    out.print(DemoPrinter.print(report));
    out.flush();
    return 0;
  }

  private static int usage(PrintStream err) {
    err.println("usage: java -jar rapport-examples.jar demo");
    err.println("  demo   a week of outreach for a small business, gated by Rapport");
    return 2;
  }
}
