package dev.rapport.crm.examples.serve;

import static dev.rapport.crm.examples.serve.Customers.NOW;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.examples.email.Email;
import dev.rapport.crm.examples.email.Recipient;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The preference page in a real browser (headless Chromium, JavaScript off), opened from the
 * link in a message read back from the SMTP server. Rules: crm-core/RULES.md section 3 (a grant
 * of DEALS opens OFFER only; a withdrawal closes the key).
 */
final class PreferencePageBrowserTest {
  private static final Pattern PREFERENCES_LINK = Pattern.compile("href=\"(https://127\\.0\\.0\\.1:\\d+/preferences\\?t=[^\"]+)\"");

  private final LocalRun run;

  PreferencePageBrowserTest() throws Exception {
    run = LocalRun.start(Clock.fixed(NOW, ZoneOffset.UTC));
    run.addCustomer(
        "c-2",
        new Recipient("bo@example.org", "Bo", "running", "trail shoes"),
        List.of(Customers.granted("e1", Channel.EMAIL, Intent.PROMOTION)));
  }

  @AfterEach
  void stop() {
    run.close();
  }

  @Test
  void choosingDealsOnlyByEmailRecordsTheGrantSoAnOfferGoesAndANewsletterDoesNot() throws Exception {
    run.mailer().send("c-2", Customers.email(Purpose.PROMOTION, NOW),
        new Email("c-2", "March news", Map.of(), "What is new this month.", false));
    assertThat(run.awaitReceived(1, 5_000)).isTrue();
    Matcher link = PREFERENCES_LINK.matcher(new Mail(run.received().get(0)).body());
    assertThat(link.find()).as("the newsletter links to the preference page").isTrue();
    int before = run.store().read("c-2").orElseThrow().version();

    Path screenshot;
    try (Browser browser = Browser.start(run.tls())) {
      browser.driver().get(link.group(1));
      assertThat(browser.driver().getTitle()).isEqualTo("Your choices");
      assertThat(browser.driver().findElement(By.id("on-file")).getText())
          .contains("By e-mail: Permission to promote");
      for (WebElement box : browser.driver().findElements(By.cssSelector("input[type=checkbox]"))) {
        String id = box.getAttribute("id");
        assertThat(browser.driver().findElements(By.cssSelector("label[for='" + id + "']")))
            .as("a label for %s", id).hasSize(1);
      }
      WebElement promotion = browser.driver().findElement(By.id("EMAIL-PROMOTION"));
      WebElement deals = browser.driver().findElement(By.id("EMAIL-DEALS"));
      assertThat(promotion.isSelected()).isTrue();
      assertThat(browser.driver().findElement(By.cssSelector("label[for='EMAIL-DEALS']")).getText()).startsWith("Deals only");
      promotion.click();
      deals.click();
      browser.driver().findElement(By.id("save")).click();

      // The click submits the form; the answer is a new page, which may still be loading.
      WebElement saved =
          new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
              .until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
      assertThat(saved.getText()).contains("Saved");
      assertThat(browser.driver().findElement(By.id("on-file")).getText())
          .contains("By e-mail: Deals only")
          .doesNotContain("Permission to promote");
      screenshot = browser.screenshot("preference-page");
    }
    assertThat(Files.size(screenshot)).isPositive();

    Ledger ledger = run.store().read("c-2").orElseThrow();
    List<LedgerEvent> added = ledger.events().subList(before, ledger.version());
    assertThat(added).hasSize(2);
    assertThat(added).filteredOn(Granted.class::isInstance).singleElement().isInstanceOfSatisfying(Granted.class, g -> {
      assertThat(g.intents()).containsExactly(Intent.DEALS);
      assertThat(g.channels()).containsExactly(Channel.EMAIL);
      assertThat(g.evidence().source()).isEqualTo(Source.PREFERENCE_CENTER);
      assertThat(g.evidence().notice()).contains(LocalRun.NOTICE);
      assertThat(g.isValidConsent()).isTrue();
    });
    assertThat(added).filteredOn(Withdrawn.class::isInstance).singleElement().isInstanceOfSatisfying(Withdrawn.class, w ->
        assertThat(w.intents()).containsExactly(Intent.PROMOTION));

    Decision offer = run.engine().decide(run.store(), "c-2", List.of(), Customers.email(Purpose.OFFER, NOW.plusSeconds(60)));
    Decision newsletter = run.engine().decide(run.store(), "c-2", List.of(), Customers.email(Purpose.PROMOTION, NOW.plusSeconds(60)));
    assertThat(offer)
        .isAllowed()
        .hasReason(ReasonCode.DECLARED_INTENT);
    assertThat(newsletter)
        .isDenied()
        .hasReason(ReasonCode.WITHDRAWN);
  }
}
