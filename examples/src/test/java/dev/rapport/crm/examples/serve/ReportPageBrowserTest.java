package dev.rapport.crm.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.examples.demo.Demo;
import dev.rapport.crm.examples.demo.DemoPage;
import dev.rapport.crm.examples.demo.PlainWords;
import dev.rapport.crm.examples.demo.DemoReport;
import dev.rapport.crm.examples.demo.DemoReport.CampaignResult;
import dev.rapport.crm.examples.demo.Progress;
import dev.rapport.crm.store.InMemoryLedgerStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The campaign report page, opened from its file in a real browser (headless Chromium). */
final class ReportPageBrowserTest {
  @Test
  void theReportShowsOneBarPerCampaignSplitByVerdictAndTheReasonsWithNoExternalAsset() throws Exception {
    DemoReport report = Demo.bundled().run(new InMemoryLedgerStore(), Progress.silent());
    Path file = Path.of("target", "campaign-report.html").toAbsolutePath();
    Files.writeString(file, DemoPage.render(report), StandardCharsets.UTF_8);

    try (Browser browser = Browser.start()) {
      browser.driver().get(file.toUri().toString());

      assertThat(browser.driver().getTitle()).startsWith("Rapport campaign report");
      List<WebElement> bars = browser.driver().findElements(By.cssSelector("#verdicts svg g.campaign"));
      assertThat(bars).hasSize(report.campaigns().size());
      for (int i = 0; i < bars.size(); i++) {
        CampaignResult result = report.campaigns().get(i);
        WebElement bar = bars.get(i);
        assertThat(bar.findElement(By.tagName("text")).getText()).isEqualTo(result.campaign().name());
        assertThat(bar.findElements(By.cssSelector("rect"))).hasSize(3);
        double allowed = Double.parseDouble(bar.findElement(By.cssSelector("rect.allow")).getAttribute("width"));
        double denied = Double.parseDouble(bar.findElement(By.cssSelector("rect.deny")).getAttribute("width"));
        assertThat(allowed / 480).as(result.campaign().name()).isCloseTo((double) result.allowed() / result.planned(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(denied / 480).as(result.campaign().name()).isCloseTo((double) result.denied() / result.planned(), org.assertj.core.data.Offset.offset(0.001));
      }
      List<WebElement> reasons = browser.driver().findElements(By.cssSelector("#reasons svg g.reason"));
      assertThat(reasons).hasSize(report.stopReasons().size());
      assertThat(reasons.get(0).getText()).contains(PlainWords.of(report.stopReasons().get(0).code()));
      assertThat(browser.driver().findElements(By.cssSelector("script, link, img, iframe, object, embed, [src]"))).isEmpty();
      assertThat(browser.driver().findElement(By.id("campaigns")).getText())
          .contains(String.format(Locale.ROOT, "%,d", report.campaigns().get(0).planned()));
      browser.screenshot("campaign-report");
    }
  }
}
