package dev.actionpack.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.actionpack.support.DebianPackages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Headless Debian Chromium driven by Playwright, never a downloaded browser. Without Chromium
 * the browser tests are skipped with a message naming the package, except in CI (CI=true),
 * where they must run and fail instead ({@link DebianPackages}).
 */
final class Browsers {

  static final Path CHROMIUM = DebianPackages.CHROMIUM;
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** How long a page may take to reach a state, on a loaded build machine. */
  static final Duration WAIT = Duration.ofSeconds(45);

  private Browsers() {}

  static Playwright playwright() {
    DebianPackages.require(CHROMIUM, "chromium", "Browser tests");
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

  /** The accessibility standards the portal's pages are checked against. */
  static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
      "best-practice");
  /** What stops a page: axe-core's two highest impacts. */
  static final List<String> BLOCKING = List.of("serious", "critical");

  /**
   * A screenshot of the page as it is now, then axe-core's check of it: no serious or critical
   * violation of {@link #AXE_TAGS}; a failure names each rule, why, and the elements.
   */
  static void assertAccessible(Page page, String name) {
    screenshot(page, name);
    List<Rule> blocking = new AxeBuilder(page).withTags(AXE_TAGS).analyze().getViolations()
        .stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
    assertThat(blocking).as("axe-core on %s (%s):%n%s", name, page.url(),
        blocking.stream().map(rule -> rule.getImpact() + " " + rule.getId() + ": "
            + rule.getHelp() + rule.getNodes().stream().map(node -> "\n    " + node.getHtml())
                .collect(Collectors.joining())).collect(Collectors.joining("\n"))).isEmpty();
  }

  static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))
        .setFullPage(true));
  }

  /** A Camunda user in the group, with the password {@code <id>-secret-password}. */
  static void camundaUser(IdentityService identity, String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id.substring(0, 1).toUpperCase() + id.substring(1));
      user.setLastName("Tester");
      user.setPassword(id + "-secret-password");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
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
