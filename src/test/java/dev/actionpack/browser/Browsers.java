package dev.actionpack.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright, never a downloaded browser. Without Chromium
 * the browser tests are skipped with a message naming the package, except in CI (CI=true),
 * where they must run and fail instead.
 */
final class Browsers {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** How long a page may take to reach a state, on a loaded build machine. */
  static final Duration WAIT = Duration.ofSeconds(45);

  private Browsers() {}

  static Playwright playwright() {
    if (!Files.isExecutable(CHROMIUM)) {
      String message = "Browser tests need Debian's chromium package at " + CHROMIUM
          + " (apt-get install chromium); .ci/run installs it.";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    return Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static Browser chromium(Playwright playwright) {
    return playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic")));
  }

  static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))
        .setFullPage(true));
  }

  /** Logs into a Camunda webapp ("cockpit", "tasklist") of the engine as the user. */
  static void login(Page page, String baseUrl, String app, String engine, String user,
      String password) {
    page.navigate(baseUrl + "/camunda/app/" + app + "/" + engine + "/");
    page.fill("input[ng-model=username]", user);
    page.fill("input[type=password]", password);
    page.click("button[type=submit]");
  }
}
