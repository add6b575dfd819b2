package dev.rapport.crm.examples.demo;

import dev.rapport.crm.examples.demo.DemoReport.CampaignResult;
import dev.rapport.crm.examples.demo.DemoReport.ExplainedDecision;
import dev.rapport.crm.examples.demo.DemoReport.ReasonCount;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.Reason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a {@link DemoReport} as a marketer would want to read it. */
public final class DemoPrinter {
  private DemoPrinter() {}

  /** The report as text, with a line separator of {@code \n}. */
  public static String print(DemoReport report) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.printf("Rapport demo: one week of planned outreach for %,d customers (seed %d)%n",
        report.customers(), report.seed());
    out.printf("Where they live:   %s%n", join(report.byJurisdiction()));
    out.printf("What they declared: %s%n",
        report.bySegment().entrySet().stream()
            .map(e -> e.getKey().label() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    out.println();

    out.println("Planned outreach, week of Monday 2 March 2026");
    String row = "  %-27s %-18s %-16s %7s %7s %7s %8s%n";
    out.printf(row, "campaign", "purpose, channel", "when", "planned", "allowed", "denied", "deferred");
    int planned = 0;
    int allowed = 0;
    int denied = 0;
    int deferred = 0;
    for (CampaignResult result : report.campaigns()) {
      out.printf(row,
          result.campaign().name(),
          result.campaign().purpose() + ", " + result.campaign().channel(),
          result.campaign().schedule(),
          result.planned(), result.allowed(), result.denied(), result.deferred());
      planned += result.planned();
      allowed += result.allowed();
      denied += result.denied();
      deferred += result.deferred();
    }
    out.printf(row, "all campaigns", "", "", planned, allowed, denied, deferred);
    out.println();

    out.println("Why outreach was stopped or delayed (decisions carrying each reason)");
    for (ReasonCount reason : report.stopReasons()) {
      out.printf("  %6d  %-6s %-30s %s%n",
          reason.count(), reason.verdict(), reason.code(), PlainWords.of(reason.code()));
    }
    out.println("Why outreach was allowed");
    for (ReasonCount reason : report.allowReasons()) {
      out.printf("  %6d  %-6s %-30s %s%n",
          reason.count(), reason.verdict(), reason.code(), PlainWords.of(reason.code()));
    }
    out.println();

    out.println("Three decisions, fully explained");
    int n = 0;
    for (ExplainedDecision explained : report.explained()) {
      out.println();
      out.printf("%d. %s%n", ++n, explained.headline());
      out.printf("   customer  %s in %s (%s), %s%n",
          explained.customer().id(),
          explained.customer().jurisdiction(),
          explained.customer().zone(),
          explained.segment().label());
      out.printf("   outreach  %s: %s by %s at %s%s%n",
          explained.campaign().name(),
          explained.outreach().purpose(),
          explained.outreach().channel(),
          explained.outreach().at(),
          explained.outreach().staff().map(s -> ", from " + s).orElse(""));
      printDecision(out, explained.decision());
    }
    out.flush();
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  private static void printDecision(PrintWriter out, Decision decision) {
    out.printf("   verdict   %s%n", decision.verdict());
    for (Reason reason : decision.reasons()) {
      out.printf("   reason    %s%s: %s%n",
          reason.code(),
          reason.event().map(e -> " (event " + e + ")").orElse(""),
          reason.message());
    }
    out.printf("   obligations %s%n",
        decision.obligations().isEmpty()
            ? "none"
            : decision.obligations().stream().map(Obligation::toString).collect(Collectors.joining(", ")));
    out.printf("   deferUntil  %s%n", decision.deferUntil().map(Object::toString).orElse("-"));
  }

  private static String join(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
