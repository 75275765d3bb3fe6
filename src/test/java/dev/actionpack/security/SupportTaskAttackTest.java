package dev.actionpack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.process.CamundaGroups;
import dev.actionpack.support.LifecycleTest;
import dev.actionpack.support.Outcome;
import dev.actionpack.support.ServiceRequestService;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A support agent working the cancellation task through {@code engine-rest}, as Tasklist does,
 * and trying what the form does not offer: what a cancellation acts on comes from the request
 * the process was started for, a completion takes only the form's fields with their allowed
 * values, and only from the assignee (R16, R23).
 */
class SupportTaskAttackTest extends LifecycleTest {

  private static final String AGENT = "agentada";
  private static final String OTHER_AGENT = "agentbob";
  private static final String PASSWORD = "agent-password-for-tests";

  @Autowired
  private ServiceRequestService requests;

  private String ownRequest;
  private String ownSubscription;
  private String othersRequest;
  private String othersSubscription;
  private String othersRequestId;
  private PartnerLogin other;

  @BeforeEach
  void twoPartnersWithARequestEach() {
    camundaUser(AGENT, CamundaGroups.SUPPORT_AGENTS, PASSWORD);
    camundaUser(OTHER_AGENT, CamundaGroups.SUPPORT_AGENTS, PASSWORD);
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    other = newMember();
    ownSubscription = subscribe(partner, "4242424242424242").get("number").asText();
    othersSubscription = subscribe(other, "4242424242424242").get("number").asText();
    clockAt("2027-06-10T10:00:00Z");
    ownRequest = open(partner, ownSubscription);
    othersRequest = open(other, othersSubscription);
    jobs().runDue();
    othersRequestId = jdbc.queryForObject("select cast(id as varchar) from service_request "
        + "where number = ?", String.class, othersRequest);
  }

  @Test
  @DisplayName("R16 R23 completing one's own task with another request's id, cancel now and a refund: refused, the other partner's subscription untouched")
  void shouldNotCancelAnotherPartnersSubscriptionThroughACompletion() {
    String task = claimedTask(ownRequest, AGENT);

    ResponseEntity<String> completion = complete(AGENT, task, Map.of(
        "requestId", value(othersRequestId), "outcome", value("CANCEL_NOW"),
        "refund", value("PRORATED"), "contactMade", value(true)));
    jobs().runDue();

    assertThat(completion.getStatusCode().value()).as(completion.getBody()).isEqualTo(400);
    assertThat(completion.getBody()).contains("requestId");
    assertThat(subscription(other, othersSubscription).get("status").asText())
        .isEqualTo("ACTIVE");
    assertThat(get(other, "/api/service-requests/" + othersRequest).body().get("status")
        .asText()).isEqualTo("OPEN");
    assertThat(jdbc.queryForObject("select count(*) from payment_refund r join purchase_order o "
        + "on o.id = r.order_id where o.subscription_number = ?", Integer.class,
        othersSubscription)).as("refunds to the other partner").isZero();
    assertThat(taskService.createTaskQuery().taskId(task).count()).as("task still open").isOne();
  }

  @Test
  @DisplayName("R16 a variable the form does not have, or a value outside the form's choices, is refused; the form's own fields go through")
  void shouldTakeOnlyTheFormsFieldsAndValues() {
    String task = claimedTask(ownRequest, AGENT);

    assertThat(complete(AGENT, task, Map.of("outcome", value("KEEP"),
        "subscriptionNumber", value(othersSubscription))).getStatusCode().value())
        .isEqualTo(400);
    assertThat(complete(AGENT, task, Map.of("outcome", value("DELETE_EVERYTHING")))
        .getStatusCode().value()).isEqualTo(400);
    assertThat(complete(AGENT, task, Map.of("outcome", value("CANCEL_NOW"),
        "refund", value("EVERYTHING"))).getStatusCode().value()).isEqualTo(400);
    assertThat(complete(AGENT, task, Map.of("outcome", value("KEEP"),
        "resolutionNote", value("x".repeat(4001)))).getStatusCode().value()).isEqualTo(400);
    assertThat(exchange(AGENT, HttpMethod.PUT, "/engine-rest/task/" + task
        + "/variables/requestId", value(othersRequestId)).getStatusCode().value())
        .as("setting a variable on the task").isIn(400, 403);

    ResponseEntity<String> valid = complete(AGENT, task, Map.of("outcome", value("KEEP"),
        "contactMade", value(true), "resolutionNote", value("Answered the question.")));
    jobs().runDue();

    assertThat(valid.getStatusCode().value()).as(valid.getBody()).isEqualTo(204);
    assertThat(get(other, "/api/service-requests/" + othersRequest).body().get("status")
        .asText()).isEqualTo("OPEN");
  }

  @Test
  @DisplayName("R16 a closed request is never closed again")
  void shouldRefuseToCloseAClosedRequest() {
    String task = claimedTask(ownRequest, AGENT);
    assertThat(complete(AGENT, task, Map.of("outcome", value("KEEP"))).getStatusCode().value())
        .isEqualTo(204);
    jobs().runDue();

    assertThatThrownBy(() -> requests.close(ownRequest, Outcome.CANCEL_NOW, "PRORATED", null))
        .hasMessageContaining("closed already");
    assertThat(jdbc.queryForObject("select outcome from service_request where number = ?",
        String.class, ownRequest)).isEqualTo("KEEP");
  }

  @Test
  @DisplayName("R16 R23 an agent cannot complete a task another agent has claimed, nor an unclaimed one")
  void shouldTakeACompletionOnlyFromTheAssignee() {
    String unclaimed = taskOf(othersRequest).getId();
    assertThat(complete(AGENT, unclaimed, Map.of("outcome", value("KEEP")))
        .getStatusCode().value()).as("unclaimed").isEqualTo(403);

    String task = claimedTask(ownRequest, AGENT);
    ResponseEntity<String> completion = complete(OTHER_AGENT, task,
        Map.of("outcome", value("CANCEL_NOW")));

    assertThat(completion.getStatusCode().value()).as(completion.getBody()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertThat(subscriptionStatus()).isEqualTo("ACTIVE");
  }

  private String subscriptionStatus() {
    return jdbc.queryForObject("select status from subscription where number = ?",
        String.class, ownSubscription);
  }

  private String claimedTask(String request, String agent) {
    String task = taskOf(request).getId();
    ResponseEntity<String> claim = exchange(agent, HttpMethod.POST, "/engine-rest/task/" + task
        + "/claim", Map.of("userId", agent));
    assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(204);
    return task;
  }

  private ResponseEntity<String> complete(String agent, String task, Map<String, Object> vars) {
    return exchange(agent, HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
        Map.of("variables", vars));
  }

  private ResponseEntity<String> exchange(String user, HttpMethod method, String path,
      Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  private Task taskOf(String request) {
    return taskService.createTaskQuery().processInstanceBusinessKey(request).singleResult();
  }

  private String open(PartnerLogin partner, String subscription) {
    JsonNode opened = post(partner, "/api/service-requests", Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION",
        "subscriptionNumber", subscription, "description", "Please cancel.",
        "contact", Map.of("name", "Pat Partner", "email", "pat@partners.example",
            "phone", "+1 425 555 0100", "preferredLanguage", "en-US"))).body();
    return opened.get("number").asText();
  }
}
