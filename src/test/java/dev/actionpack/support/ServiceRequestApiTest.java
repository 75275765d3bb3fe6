package dev.actionpack.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.process.CancelViaSupportProcess;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Service requests through the partner API, worked by an agent through the engine's tasks. */
class ServiceRequestApiTest extends LifecycleTest {


  @Test
  @DisplayName("R15 R16 R17 a request opened, claimed, waiting on the partner, then cancelled now with a prorated refund")
  void shouldCancelNowThroughSupport() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    clockAt("2027-09-10T10:00:00Z");

    Response opened = post(partner, "/api/service-requests", request(number));
    jobs().runDue();

    assertThat(opened.status()).isEqualTo(201);
    String request = opened.body().get("number").asText();
    assertThat(opened.location()).isEqualTo("/api/service-requests/" + request);
    assertThat(opened.body().get("status").asText()).isEqualTo("OPEN");
    assertThat(inboxKinds(partner)).endsWith("REQUEST_RECEIVED");
    assertThat(statusOf(partner, request)).isEqualTo("OPEN");

    Task task = taskOf(request);
    assertThat(task.getName()).isEqualTo("Handle cancellation request");
    taskService.claim(task.getId(), "sam");
    assertThat(statusOf(partner, request)).isEqualTo("IN_PROGRESS");
    taskService.complete(task.getId(), Map.of("outcome", "WAITING_ON_PARTNER",
        "resolutionNote", "Please confirm the cancellation by phone."));
    assertThat(statusOf(partner, request)).isEqualTo("ATTENTION_NEEDED");
    assertThat(list(partner, "ATTENTION_NEEDED")).containsExactly(request);
    assertThat(list(partner, "OPEN")).isEmpty();

    Task again = taskOf(request);
    taskService.claim(again.getId(), "sam");
    taskService.complete(again.getId(), Map.of("outcome", "CANCEL_NOW", "refund", "PRORATED",
        "contactMade", true, "resolutionNote", "Cancelled as agreed."));
    jobs().runDue();

    JsonNode closed = get(partner, "/api/service-requests/" + request).body();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("resolution").get("outcome").asText()).isEqualTo("CANCEL_NOW");
    // 182 of the term's 366 days (29 February 2028) unused: 475.00 * 182 / 366, rounded down
    assertThat(closed.get("resolution").get("refundedAmount").decimalValue())
        .isEqualByComparingTo("236.20");
    assertThat(closed.get("history").findValuesAsText("status")).containsExactly("OPEN",
        "IN_PROGRESS", "ATTENTION_NEEDED", "IN_PROGRESS", "CLOSED");
    JsonNode subscription = subscription(partner, number);
    assertThat(subscription.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(subscription.get("autoRenewal").asBoolean()).isFalse();
    assertThat(runningTerms(number)).isZero();
    assertThat(jdbc.queryForObject("select sum(r.amount) from embedded_provider_refund r join "
        + "payment_refund p on p.provider_refund_id = r.refund_id join purchase_order o on "
        + "o.id = p.order_id where o.subscription_number = ?", BigDecimal.class, number))
        .isEqualByComparingTo("236.20");
    JsonNode payments = get(partner, "/api/subscriptions/" + number + "/payments").body();
    assertThat(payments.get("refunds")).hasSize(1);
    assertThat(payments.get("refunds").get(0).get("amount").get("amount").decimalValue())
        .isEqualByComparingTo("236.20");
    assertThat(payments.get("refunds").get(0).get("orderNumber").asText())
        .isEqualTo(payments.get("charges").get(0).get("orderNumber").asText());
    JsonNode benefits = get(partner, "/api/subscriptions/" + number + "/benefits").body();
    assertThat(benefits.get("benefits").findValuesAsText("active")).containsOnly("false");
    assertThat(inboxKinds(partner)).contains("CANCELLED_NOW", "REQUEST_CLOSED");
    assertThat(notification(partner, "CANCELLED_NOW")).contains("$236.20");
    // never renews again, and the partner may subscribe anew
    jobs().advanceTo(Instant.parse("2028-04-01T00:00:00Z"));
    assertThat(approvedCharges(number)).isOne();
    assertThat(purchase(partner, purchaseWithCard("4242424242424242"), null).status())
        .isEqualTo(202);
  }

  @Test
  @DisplayName("R16 cancel at term end: auto-renewal off, the subscription expires at its term end")
  void shouldCancelAtTermEnd() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "es-ES");
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    String request = openRequest(partner, number);

    taskService.complete(taskOf(request).getId(), Map.of("outcome", "CANCEL_AT_TERM_END"));
    jobs().runDue();

    assertThat(statusOf(partner, request)).isEqualTo("CLOSED");
    JsonNode subscription = subscription(partner, number);
    assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(subscription.get("autoRenewal").asBoolean()).isFalse();
    assertThat(notification(partner, "CANCELLED_AT_TERM_END")).contains("March 10, 2028 (UTC)");
    jobs().advanceTo(Instant.parse("2028-03-11T00:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("EXPIRED");
    assertThat(approvedCharges(number)).isOne();
  }

  @Test
  @DisplayName("R16 keep: the subscription is unchanged and the request closes with the answer")
  void shouldKeepSubscription() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    String request = openRequest(partner, number);

    taskService.complete(taskOf(request).getId(), Map.of("outcome", "KEEP",
        "resolutionNote", "You can keep the benefits until the term end."));
    jobs().runDue();

    JsonNode closed = get(partner, "/api/service-requests/" + request).body();
    assertThat(closed.get("resolution").get("outcome").asText()).isEqualTo("KEEP");
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(subscription(partner, number).get("autoRenewal").asBoolean()).isTrue();
    assertThat(notification(partner, "REQUEST_CLOSED"))
        .contains("The subscription was kept.", "You can keep the benefits");
  }

  @Test
  @DisplayName("R17 R16 an agent's note of the longest length the form takes (4000) is kept whole, waiting on the partner and in the resolution, in the request and its history")
  void shouldKeepTheLongestNoteWhole() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    String request = openRequest(partner, number);
    String question = "Please call us back. ".repeat(200).substring(0, 4000);
    String answer = "Kept as agreed. ".repeat(250).substring(0, 4000);

    taskService.complete(taskOf(request).getId(), Map.of("outcome", "WAITING_ON_PARTNER",
        "resolutionNote", question));
    taskService.complete(taskOf(request).getId(), Map.of("outcome", "KEEP",
        "resolutionNote", answer));
    jobs().runDue();

    JsonNode closed = get(partner, "/api/service-requests/" + request).body();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("resolution").get("note").asText()).isEqualTo(answer);
    assertThat(closed.get("history").findValuesAsText("note"))
        .anySatisfy(note -> assertThat(note).contains(question))
        .anySatisfy(note -> assertThat(note).contains(answer));
  }

  @Test
  @DisplayName("R16 a subscription already expired is closed by cancel now; one already cancelled is left alone")
  void shouldHandleExpiredAndCancelledSubscriptions() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    turnAutoRenewal(partner, number, false);
    jobs().advanceTo(Instant.parse("2028-03-15T00:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("EXPIRED");

    String first = openRequest(partner, number);
    taskService.complete(taskOf(first).getId(), Map.of("outcome", "CANCEL_NOW",
        "refund", "PRORATED"));
    jobs().runDue();
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("CANCELLED");
    assertThat(runningTerms(number)).isZero();
    assertThat(get(partner, "/api/service-requests/" + first).body().get("resolution")
        .get("refundedAmount").decimalValue()).isEqualByComparingTo("0");

    String second = openRequest(partner, number);
    taskService.complete(taskOf(second).getId(), Map.of("outcome", "CANCEL_NOW"));
    jobs().runDue();
    assertThat(statusOf(partner, second)).isEqualTo("CLOSED");
    assertThat(inboxKinds(partner).stream().filter("CANCELLED_NOW"::equals)).hasSize(1);
  }

  @Test
  @DisplayName("R18 a request unhandled for 2 days escalates: priority raised, still waiting for an agent")
  void shouldEscalateUnhandledRequest() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    String request = openRequest(partner, number);
    assertThat(taskOf(request).getPriority()).isEqualTo(50);

    jobs().advanceTo(Instant.parse("2027-03-12T10:00:01Z"));

    assertThat(taskOf(request).getPriority()).isEqualTo(90);
    assertThat(jdbc.queryForObject("select escalated_at is not null from service_request "
        + "where number = ?", Boolean.class, request)).isTrue();
    assertThat(statusOf(partner, request)).isEqualTo("OPEN");
  }

  @Test
  @DisplayName("R15 R17 R23 refusals: unknown or someone else's subscription, unsupported problem type, missing or bad contact")
  void shouldRefuseInvalidRequests() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    PartnerLogin other = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();

    Map<String, Object> unknown = request("AP-999999");
    Map<String, Object> unsupported = new HashMap<>(request(number));
    unsupported.put("problemType", "TECHNICAL_PROBLEM");
    Map<String, Object> noContact = new HashMap<>(request(number));
    noContact.remove("contact");
    Map<String, Object> badContact = new HashMap<>(request(number));
    badContact.put("contact", Map.of("name", "Pat", "email", "not-an-email",
        "phone", "+1 425 555 0100", "preferredLanguage", "fr-FR"));

    assertRefused(post(partner, "/api/service-requests", unknown), "subscriptionNumber");
    assertRefused(post(other, "/api/service-requests", request(number)), "subscriptionNumber");
    assertRefused(post(partner, "/api/service-requests", unsupported), "problemType");
    assertRefused(post(partner, "/api/service-requests", noContact), "contact");
    Response bad = post(partner, "/api/service-requests", badContact);
    assertRefused(bad, "contact.email");
    assertThat(bad.body().get("errors").findValuesAsText("field"))
        .contains("contact.email", "contact.preferredLanguage");
    assertThat(get(partner, "/api/service-requests").body()).isEmpty();
    assertThat(managementService.createJobQuery().processDefinitionKey(CancelViaSupportProcess.KEY)
        .count()).isZero();
    assertThat(get(partner, "/api/service-requests?status=SOMETIMES").status()).isEqualTo(422);
    assertThat(get(partner, "/api/service-requests/problem-types").body().get(0).get("label")
        .asText()).isEqualTo("Partner invoice, payment or reconciliation file help");
  }

  private void assertRefused(Response response, String field) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(422);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(response.body().get("errors").findValuesAsText("field")).contains(field);
  }

  /** Opens a request about the subscription and sends its receipt; returns its number. */
  private String openRequest(PartnerLogin partner, String subscriptionNumber) {
    String number = post(partner, "/api/service-requests", request(subscriptionNumber)).body()
        .get("number").asText();
    jobs().runDue();
    return number;
  }

  private static Map<String, Object> request(String subscriptionNumber) {
    return Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION",
        "subscriptionNumber", subscriptionNumber,
        "description", "Please cancel our Action Pack subscription.",
        "contact", Map.of("name", "Pat Partner", "email", "pat@partners.example",
            "phone", "+1 425 555 0100", "preferredLanguage", "en-US"));
  }

  private String notification(PartnerLogin partner, String kind) {
    for (JsonNode notification : get(partner, "/api/notifications").body()) {
      if (notification.get("kind").asText().equals(kind)) {
        return notification.get("body").asText();
      }
    }
    throw new AssertionError("no " + kind + " in the inbox");
  }

  private Task taskOf(String requestNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(requestNumber).singleResult();
  }

  private String statusOf(PartnerLogin partner, String request) {
    return get(partner, "/api/service-requests/" + request).body().get("status").asText();
  }

  private List<String> list(PartnerLogin partner, String status) {
    return get(partner, "/api/service-requests?status=" + status).body().findValuesAsText("number");
  }
}
