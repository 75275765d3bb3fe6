package dev.actionpack.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.actionpack.security.CamundaAccess;

/**
 * A support agent working a cancellation request in Tasklist: the task found in the
 * "Cancellation requests" filter by its subscription (a variable the filter lists), claimed, its
 * form filled and completed, with a screenshot of each step.
 */
final class TasklistAgent {

  static final String TASK = "Handle cancellation request";

  private final Page page;
  private final String screenshots;

  TasklistAgent(Page page, String screenshots) {
    this.page = page;
    this.screenshots = screenshots;
  }

  void signIn(String baseUrl, String user, String password) {
    Browsers.login(page, baseUrl, "tasklist", "default", user, password);
    assertThat(page.getByText(CamundaAccess.CANCELLATION_FILTER)).isVisible();
  }

  /** Opens the subscription's task from the filter's list and claims it. */
  void claim(String subscription) {
    page.getByText(CamundaAccess.CANCELLATION_FILTER).first().click();
    assertThat(page.locator("li.task").first()).isVisible();
    Browsers.screenshot(page, screenshots + "-list");
    page.locator("li.task").filter(new Locator.FilterOptions().setHasText(subscription))
        .getByText(TASK).click();
    assertThat(page.getByLabel("Subscription", new Page.GetByLabelOptions().setExact(true)))
        .hasValue(subscription);
    page.getByText("Claim").click();
    assertThat(page.getByLabel("I contacted the partner")).isVisible();
    Browsers.screenshot(page, screenshots + "-claimed");
  }

  /**
   * Fills the claimed task's form: the outcome and refund as their labels read ("Cancel now",
   * "Prorated (unused days of the term)"), the note the partner reads; then completes it.
   */
  void complete(String outcome, String refund, String note) {
    page.getByLabel("I contacted the partner").check();
    page.getByLabel(outcome, new Page.GetByLabelOptions().setExact(true)).check();
    page.getByLabel(refund).check();
    page.getByLabel("Resolution note (the partner reads it)").fill(note);
    Browsers.screenshot(page, screenshots + "-form-filled");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    assertThat(page.getByLabel("I contacted the partner")).hasCount(0);
    Browsers.screenshot(page, screenshots + "-completed");
  }
}
