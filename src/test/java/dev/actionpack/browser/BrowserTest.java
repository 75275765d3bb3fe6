package dev.actionpack.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.actionpack.support.LifecycleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Base of the browser tests: one headless Chromium per test class ({@link Browsers}), a fresh
 * browser context (cookies, language) for each person in a test, closed after it, and the
 * service's texts in a language, to click what a reader of that language reads.
 */
abstract class BrowserTest extends LifecycleTest {

  private static Playwright playwright;
  private static Browser browser;

  @Autowired
  protected IdentityService identity;
  @Autowired
  protected MessageSource messages;
  @LocalServerPort
  private int port;

  private final List<BrowserContext> contexts = new ArrayList<>();

  @BeforeAll
  static void launchBrowser() {
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright);
    // a loaded build machine renders slowly: wait for a state, generously, never for a time
    PlaywrightAssertions.setDefaultAssertionTimeout(Browsers.WAIT.toMillis());
  }

  @AfterAll
  static void closeBrowser() {
    if (playwright != null) {
      playwright.close();
    }
  }

  @AfterEach
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  /** A browser of its own for one person, in the language, closed after the test. */
  protected BrowserContext newContext(String language) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setLocale(language).setViewportSize(1400, 1000).setAcceptDownloads(true));
    context.setDefaultTimeout(Browsers.WAIT.toMillis());
    contexts.add(context);
    return context;
  }

  /** The service's text for the key in the language, as its templates render it. */
  protected String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args.length == 0 ? null : args, locale);
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }
}
