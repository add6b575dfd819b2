package dev.rapport.crm.examples.demo;

import com.google.common.html.HtmlEscapers;
import dev.rapport.crm.examples.demo.DemoReport.CampaignResult;
import dev.rapport.crm.examples.demo.DemoReport.ReasonCount;
import dev.rapport.crm.policy.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link DemoReport} as one self-contained HTML page: an inline SVG chart of the verdicts per
 * campaign, a chart of the reasons behind the denials and deferrals, and the same numbers as
 * tables. No script, no external asset (fonts, styles and pictures are all inline or the
 * browser's own), so the file can be mailed or archived as it is.
 */
public final class DemoPage {
  private static final Map<Verdict, String> COLOURS =
      Map.of(Verdict.ALLOW, "#2e7d32", Verdict.DENY, "#c62828", Verdict.DEFER, "#ef8f00");
  private static final List<Verdict> ORDER = List.of(Verdict.ALLOW, Verdict.DENY, Verdict.DEFER);
  private static final int LABEL = 260;
  private static final int BAR = 480;
  private static final int ROW = 34;

  private DemoPage() {}

  /** The page, with a line separator of {@code \n}. */
  public static String render(DemoReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>Rapport campaign report: week of Monday 2 March 2026</title>\n")
        .append("<style>body{font-family:system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1d2733}")
        .append("table{border-collapse:collapse;margin:1rem 0}td,th{padding:.25rem .6rem;border-bottom:1px solid #dde3ea;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}figure{margin:1.5rem 0}figcaption{color:#56606b}</style>\n")
        .append("</head><body>\n<h1>Campaign report: week of Monday 2 March 2026</h1>\n")
        .append(String.format(Locale.ROOT, "<p>%,d customers (seed %d); every planned outreach asked of Rapport before it went.</p>%n",
            report.customers(), report.seed()));
    html.append(verdictChart(report.campaigns()));
    html.append(reasonChart(report.stopReasons()));
    html.append(campaignTable(report.campaigns()));
    html.append("<h2>Why outreach was allowed</h2>\n<ul>\n");
    for (ReasonCount reason : report.allowReasons()) {
      html.append(String.format(Locale.ROOT, "<li>%,d: %s (<code>%s</code>)</li>%n",
          reason.count(), escape(PlainWords.of(reason.code())), escape(reason.code())));
    }
    html.append("</ul>\n</body></html>\n");
    return html.toString();
  }

  private static String verdictChart(List<CampaignResult> campaigns) {
    int height = 40 + ROW * campaigns.size() + 30;
    int width = LABEL + BAR + 120;
    StringBuilder svg = new StringBuilder();
    svg.append("<figure id=\"verdicts\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"verdicts-title\" ")
        .append(String.format(Locale.ROOT, "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"system-ui,sans-serif\" font-size=\"13\">%n",
            width, height, width, height))
        .append("<title id=\"verdicts-title\">Verdicts per campaign: allowed, denied and deferred</title>\n");
    int x = LABEL;
    for (Verdict verdict : ORDER) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"19\">%s</text>%n", x, COLOURS.get(verdict), x + 16, word(verdict)));
      x += 110;
    }
    int y = 40;
    for (CampaignResult result : campaigns) {
      svg.append(String.format(Locale.ROOT, "<g class=\"campaign\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
          LABEL - 10, y + 16, escape(result.campaign().name())));
      double start = LABEL;
      for (Verdict verdict : ORDER) {
        int count = result.count(verdict);
        double w = result.planned() == 0 ? 0 : (double) BAR * count / result.planned();
        svg.append(String.format(Locale.ROOT,
            "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"%s\"><title>%s: %,d %s of %,d</title></rect>%n",
            verdict.name().toLowerCase(Locale.ROOT), start, y, w, COLOURS.get(verdict),
            escape(result.campaign().name()), count, word(verdict), result.planned()));
        start += w;
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%,d planned</text></g>%n", LABEL + BAR + 8, y + 16, result.planned()));
      y += ROW;
    }
    svg.append("</svg><figcaption>Each bar is one campaign's planned messages, split by Rapport's verdict.</figcaption></figure>\n");
    return svg.toString();
  }

  private static String reasonChart(List<ReasonCount> reasons) {
    int max = reasons.stream().mapToInt(ReasonCount::count).max().orElse(1);
    int labelWidth = 430;
    int bar = 330;
    int height = 20 + 28 * reasons.size();
    StringBuilder svg = new StringBuilder("<h2>Why outreach was stopped or delayed</h2>\n");
    svg.append("<figure id=\"reasons\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"reasons-title\" ")
        .append(String.format(Locale.ROOT, "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"system-ui,sans-serif\" font-size=\"13\">%n",
            labelWidth + bar + 90, height, labelWidth + bar + 90, height))
        .append("<title id=\"reasons-title\">The reasons behind the denials and deferrals, most frequent first</title>\n");
    int y = 10;
    for (ReasonCount reason : reasons) {
      double w = (double) bar * reason.count() / max;
      svg.append(String.format(Locale.ROOT,
          "<g class=\"reason\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
              + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"><title>%s</title></rect>"
              + "<text x=\"%.1f\" y=\"%d\">%,d</text></g>%n",
          labelWidth - 10, y + 14, escape(PlainWords.of(reason.code())), labelWidth, y, w, COLOURS.get(reason.verdict()),
          escape(reason.code()), labelWidth + w + 6, y + 14, reason.count()));
      y += 28;
    }
    svg.append("</svg><figcaption>Decisions carrying each reason (a denial lists every rule it breaks); red denies, amber defers.</figcaption></figure>\n");
    return svg.toString();
  }

  private static String campaignTable(List<CampaignResult> campaigns) {
    StringBuilder table = new StringBuilder("<h2>The numbers</h2>\n<table id=\"campaigns\"><thead><tr><th scope=\"col\">Campaign</th>"
        + "<th scope=\"col\">Purpose, channel</th><th scope=\"col\">When</th><th scope=\"col\">Planned</th>"
        + "<th scope=\"col\">Allowed</th><th scope=\"col\">Denied</th><th scope=\"col\">Deferred</th></tr></thead><tbody>\n");
    for (CampaignResult result : campaigns) {
      table.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s, %s</td><td>%s</td><td>%,d</td><td>%,d</td><td>%,d</td><td>%,d</td></tr>%n",
          escape(result.campaign().name()), result.campaign().purpose(), result.campaign().channel(),
          escape(result.campaign().schedule()), result.planned(), result.allowed(), result.denied(), result.deferred()));
    }
    return table.append("</tbody></table>\n").toString();
  }

  private static String word(Verdict verdict) {
    switch (verdict) {
      case ALLOW:
        return "allowed";
      case DENY:
        return "denied";
      default:
        return "deferred";
    }
  }

  private static String escape(String text) {
    return HtmlEscapers.htmlEscaper().escape(text);
  }
}
