package dev.actionpack.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import dev.actionpack.process.CamundaGroups;
import dev.actionpack.process.RenewProcess;
import dev.actionpack.support.StandaloneApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Camunda webapps as their users see them, in headless Chromium: a support agent works a
 * cancellation in Tasklist, a process owner finds a subscription in Cockpit, and what people
 * must not be able to do. Screenshots of each step go to {@code target/screenshots}.
 */
class WebappBrowserTest extends BrowserTest {

  private static final String ENGINE = "default";

  private Page page;

  @BeforeEach
  void openPage() {
    Browsers.camundaUser(identity, "sam", CamundaGroups.SUPPORT_AGENTS);
    Browsers.camundaUser(identity, "olivia", CamundaGroups.PROCESS_OWNERS);
    page = newContext("en-US").newPage();
  }

  @Test
  @DisplayName("R16 R17 a support agent claims the cancellation in Tasklist, fills the form, completes it")
  void shouldCancelThroughTasklist() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    clockAt("2027-06-10T10:00:00Z");
    String request = post(partner, "/api/service-requests", Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION", "subscriptionNumber", number,
        "description", "We would like to cancel Action Pack.", "contact", Map.of(
            "name", "Pat Partner", "email", "pat@partners.example", "phone", "+1 425 555 0100",
            "preferredLanguage", "en-US"))).body().get("number").asText();
    jobs().runDue();

    TasklistAgent agent = new TasklistAgent(page, "tasklist");
    agent.signIn(baseUrl(), "sam", "sam-secret-password");
    // nothing in an agent's work starts a process or creates a task by hand
    assertThat(page.getByText("Start process")).isHidden();
    assertThat(page.getByText("Create task")).isHidden();
    Browsers.screenshot(page, "tasklist-filter");
    agent.claim(number);
    assertThat(get(partner, "/api/service-requests/" + request).body().get("status").asText())
        .isEqualTo("IN_PROGRESS");

    agent.complete("Cancel now", "Prorated (unused days of the term)",
        "Cancelled as agreed on the phone.");
    jobs().runDue();

    JsonNode closed = get(partner, "/api/service-requests/" + request).body();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("resolution").get("outcome").asText()).isEqualTo("CANCEL_NOW");
    assertThat(closed.get("resolution").get("note").asText())
        .isEqualTo("Cancelled as agreed on the phone.");
    assertThat(closed.get("resolution").get("refundedAmount").decimalValue()).isPositive();
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  @DisplayName("R20 a process owner finds a subscription's renew instance in Cockpit by its business key, diagram rendered")
  void shouldShowRenewInstanceInCockpit() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    var term = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(RenewProcess.KEY).processInstanceBusinessKey(number).singleResult();
    String definitionId = term.getProcessDefinitionId();

    Browsers.login(page, baseUrl(), "cockpit", ENGINE, "olivia", "olivia-secret-password");
    assertThat(page.getByText("Processes").first()).isVisible();
    Browsers.screenshot(page, "cockpit-1-dashboard");
    page.navigate(baseUrl() + "/camunda/app/cockpit/" + ENGINE + "/#/process-definition/"
        + definitionId + "/runtime");
    assertThat(page.getByText(number)).isVisible();
    Browsers.screenshot(page, "cockpit-2-renew-instances");
    page.locator("tr").filter(new Locator.FilterOptions().setHasText(number))
        .getByText(term.getId()).click();
    assertThat(page.getByText("Instance ID:").first()).isVisible();
    assertThat(page.locator("[data-element-id=" + RenewProcess.TIMER_EVENT_NEXT_DUE + "]"))
        .isVisible();
    Browsers.screenshot(page, "cockpit-3-renew-instance");
    assertThat(page.getByText("termEndsAt").first()).isVisible();
    assertThat(page.locator("[data-element-id=" + RenewProcess.SUB_PROCESS_CURRENT_TERM + "]"))
        .isVisible();
    Browsers.screenshot(page, "cockpit-3-renew-instance");
  }

  @Test
  @DisplayName("R23 a support agent cannot open Cockpit, and sees no process definition through engine-rest but theirs")
  void shouldKeepSupportAgentOutOfCockpit() {
    Browsers.login(page, baseUrl(), "cockpit", ENGINE, "sam", "sam-secret-password");
    assertThat(page.locator("input[ng-model=username]")).isVisible();
    assertThat(page.getByText("Processes")).hasCount(0);
    Browsers.screenshot(page, "cockpit-agent-refused");

    var definitions = http.withBasicAuth("sam", "sam-secret-password")
        .getForEntity("/engine-rest/process-definition", JsonNode.class).getBody();
    assertThat(definitions.findValuesAsText("key")).containsOnly("cancel-via-support");
  }

  @Test
  @DisplayName("R23 under the prod profile the demo admin login fails; the configured secret works")
  void shouldRefuseDemoAdminUnderProd() {
    String secret = "a-long-production-secret-9";
    try (StandaloneApp prod = StandaloneApp.start("browserprod", "prod",
        "camunda.bpm.admin-user.password=" + secret, "actionpack.payment.allow-embedded=true")) {
      Browsers.login(page, prod.baseUrl(), "cockpit", ENGINE, "admin", "admin");
      assertThat(page.locator("input[ng-model=username]")).isVisible();
      assertThat(page.getByText("Processes")).hasCount(0);
      Browsers.screenshot(page, "prod-1-demo-admin-refused");

      // a failed login locks the user for a few seconds (Camunda's guard against guessing):
      // the configured secret is tried until that lock has passed
      Page admin = newContext("en-US").newPage();
      await().atMost(Browsers.WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
        Browsers.login(admin, prod.baseUrl(), "cockpit", ENGINE, "admin", secret);
        try {
          admin.getByText("Processes").first()
              .waitFor(new Locator.WaitForOptions().setTimeout(3000));
          return true;
        } catch (TimeoutError stillLocked) {
          return false;
        }
      });
      assertThat(admin.getByText("Processes").first()).isVisible();
      Browsers.screenshot(admin, "prod-2-configured-admin");
    }
  }
}
