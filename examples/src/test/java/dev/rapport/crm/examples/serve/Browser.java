package dev.rapport.crm.examples.serve;

import static org.assertj.core.api.Assertions.fail;

import dev.rapport.crm.examples.web.LocalTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Selenium, from Debian's {@code chromium} and {@code
 * chromium-driver}: the driver and the browser are named by path, so Selenium Manager never
 * looks for (or downloads) anything. JavaScript is switched off: the pages must work without it.
 * Without a browser the test fails and says how to install one; it never skips.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  // Selenium warns that it has no DevTools binding for this exact Chromium; the tests use none.
  private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser for pages without TLS, such as files. */
  static Browser start() throws IOException {
    return start(Optional.empty());
  }

  /** A browser that trusts the local run's certificate, that one key only. */
  static Browser start(LocalTls tls) throws IOException {
    return start(Optional.of(tls));
  }

  private static Browser start(Optional<LocalTls> tls) throws IOException {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      fail("this test drives a real browser and needs " + CHROMIUM + " and " + CHROMEDRIVER
          + "; install them with: apt-get install -y chromium chromium-driver");
    }
    SELENIUM.setLevel(java.util.logging.Level.SEVERE);
    Path profile = Files.createTempDirectory("rapport-chromium-");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", "--disable-extensions", "--window-size=1000,2200",
        "--user-data-dir=" + profile.toAbsolutePath());
    tls.ifPresent(t -> options.addArguments("--ignore-certificate-errors-spki-list=" + t.spkiSha256()));
    options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    return new Browser(new ChromeDriver(service, options), profile);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME.png}; returns the path. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
