package dev.actionpack.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.process.RenewProcess;
import dev.actionpack.process.SubscribeProcess;
import dev.actionpack.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class PurchaseApiTest extends ApiTest {

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private ProcessEngine engine;

  @Test
  @DisplayName("R4 R5 R20 a member buys Action Pack: charged immediately, confirmed, subscription active for one year")
  void shouldConfirmPurchaseAndChargeImmediately() {
    PartnerLogin partner = newMember();

    // the partner reviews the available offer first
    JsonNode offer = get(partner, "/api/offers/available").body().get(0);
    assertThat(offer.get("code").asText()).isEqualTo("ACTION_PACK");
    assertThat(offer.get("annualPrice").get("amount").decimalValue()).isEqualByComparingTo("475.00");
    assertThat(offer.get("purchasable").asBoolean()).isTrue();
    assertThat(offer.get("benefits").findValuesAsText("code")).contains("AZURE_CREDIT",
        "OFFICE_365_E3", "VISUAL_STUDIO_PROFESSIONAL");

    Response response = purchase(partner, purchaseWithCard("4242 4242 4242 4242"), null);

    assertThat(response.status()).isEqualTo(201);
    JsonNode order = response.body();
    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(order.get("charged").asBoolean()).isTrue();
    assertThat(order.get("termsVersion").asText()).isEqualTo(TERMS_VERSION);
    assertThat(response.location()).isEqualTo("/api/orders/" + order.get("number").asText());
    String subscriptionNumber = order.get("subscriptionNumber").asText();
    String orderId = jdbc.queryForObject("select id from purchase_order where number = ?",
        String.class, order.get("number").asText());
    assertThat(providerCharges("order-" + orderId)).isOne();

    JsonNode subscription = get(partner, "/api/offers/purchased").body().get(0);
    assertThat(subscription.get("number").asText()).isEqualTo(subscriptionNumber);
    assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(subscription.get("autoRenewal").asBoolean()).isTrue();
    assertThat(subscription.get("paymentMethod").get("brand").asText()).isEqualTo("VISA");
    assertThat(subscription.get("paymentMethod").get("lastFour").asText()).isEqualTo("4242");
    Instant termStart = Instant.parse(subscription.get("termStart").asText());
    assertThat(Instant.parse(subscription.get("termEnd").asText()))
        .isEqualTo(termStart.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());

    // Cockpit: the subscribe instance and the term's renew instance carry the subscription number
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SubscribeProcess.KEY).processInstanceBusinessKey(subscriptionNumber)
        .singleResult().getStartActivityId()).isEqualTo(SubscribeProcess.START_EVENT_ORDER_PLACED);
    var term = runtimeService.createProcessInstanceQuery().processDefinitionKey(RenewProcess.KEY)
        .processInstanceBusinessKey(subscriptionNumber).singleResult();
    assertThat(runtimeService.getVariables(term.getId()))
        .containsEntry("partner", "Partner " + partner.username())
        .containsEntry("autoRenewal", true)
        .containsEntry("termNumber", 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> historyService
        .createHistoricActivityInstanceQuery().activityId(SubscribeProcess.END_EVENT_ORDER_CONFIRMED)
        .processInstanceId(historyService.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(subscriptionNumber).processDefinitionKey(SubscribeProcess.KEY)
            .singleResult().getId()).count() == 1);

    // the order confirmation is in the partner's inbox
    JsonNode inbox = get(partner, "/api/notifications").body();
    assertThat(inbox.get(0).get("kind").asText()).isEqualTo("ORDER_CONFIRMED");
    assertThat(inbox.get(0).get("body").asText()).contains(subscriptionNumber, "$475.00",
        "VISA **** 4242");
    assertThat(get(partner, "/api/offers/available").body().get(0).get("purchasable").asBoolean())
        .isFalse();
  }

  @Test
  @DisplayName("R4 R7 the card is charged in the purchase's own request: 201 with the job executor stopped, the charge job gone, one charge")
  void shouldChargeInThePurchaseRequestItself() {
    PartnerLogin partner = newMember();
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
    executor.shutdown();
    try {
      Response response = purchase(partner, purchaseWithCard("4242424242424242"), null);

      assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
      assertThat(response.body().get("status").asText()).isEqualTo("CONFIRMED");
      String subscribe = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(SubscribeProcess.KEY)
          .processInstanceBusinessKey(response.body().get("subscriptionNumber").asText())
          .singleResult().getId();
      assertThat(managementService.createJobQuery().processInstanceId(subscribe).count())
          .isZero();
      String orderId = jdbc.queryForObject("select id from purchase_order where number = ?",
          String.class, response.body().get("number").asText());
      assertThat(providerCharges("order-" + orderId)).isOne();
    } finally {
      executor.start();
    }
  }

  @Test
  @DisplayName("R4 a declined card confirms nothing, says why, and the partner can try another card")
  void shouldDeclineWithReasonAndAllowAnotherCard() {
    PartnerLogin partner = newPartner(true, "es-ES");

    Response declined = purchase(partner, purchaseWithCard("4000000000009995"), null);

    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.contentType()).isEqualTo("application/problem+json");
    assertThat(declined.body().get("declineCode").asText()).isEqualTo("insufficient_funds");
    assertThat(declined.body().get("detail").asText()).contains("insufficient funds");
    String orderUrl = declined.body().get("order").asText();
    JsonNode order = get(partner, orderUrl).body();
    assertThat(order.get("status").asText()).isEqualTo("DECLINED");
    assertThat(order.get("charged").asBoolean()).isFalse();
    assertThat(order.get("decline").get("code").asText()).isEqualTo("insufficient_funds");
    assertThat(order.has("subscriptionNumber")).isFalse();
    assertThat(get(partner, "/api/offers/purchased").body()).isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() ->
        get(partner, "/api/notifications").body().size() == 1);
    JsonNode message = get(partner, "/api/notifications").body().get(0);
    assertThat(message.get("kind").asText()).isEqualTo("PAYMENT_DECLINED");
    assertThat(message.get("locale").asText()).isEqualTo("es-ES");
    assertThat(message.get("body").asText()).contains("fondos suficientes");

    Response retried = purchase(partner, purchaseWithCard("5555555555554444"), null);

    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.body().get("paymentMethod").get("brand").asText()).isEqualTo("MASTERCARD");
    assertThat(get(partner, "/api/orders").body()).hasSize(2);
  }

  @Test
  @DisplayName("R4 a card the provider refuses to store is declined before any order exists")
  void shouldDeclineCardRefusedByProvider() {
    PartnerLogin partner = newMember();

    Response response = purchase(partner, purchaseWithCard("4000000000000002"), null);

    assertThat(response.status()).isEqualTo(402);
    assertThat(response.body().get("declineCode").asText()).isEqualTo("card_declined");
    assertThat(get(partner, "/api/orders").body()).isEmpty();
    assertThat(get(partner, "/api/payment-methods").body()).isEmpty();
  }

  @Test
  @DisplayName("R1 a partner that is not a Network member is refused: no order, no card, no charge")
  void shouldRefuseNonMember() {
    PartnerLogin partner = newPartner(false, "en-US");
    long cardsBefore = count("embedded_provider_card");
    long chargesBefore = count("embedded_provider_charge");

    Response response = purchase(partner, purchaseWithCard("4242424242424242"), null);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(response.body().get("type").asText()).isEqualTo("/problems/network-membership-required");
    assertThat(response.body().get("detail").asText()).contains("Network member");
    assertThat(get(partner, "/api/orders").body()).isEmpty();
    assertThat(get(partner, "/api/payment-methods").body()).isEmpty();
    assertThat(count("embedded_provider_card")).isEqualTo(cardsBefore);
    assertThat(count("embedded_provider_charge")).isEqualTo(chargesBefore);
    JsonNode offer = get(partner, "/api/offers/available").body().get(0);
    assertThat(offer.get("purchasable").asBoolean()).isFalse();
    assertThat(offer.get("notPurchasableReason").asText()).contains("Network member");
  }

  @Test
  @DisplayName("R2 a partner with a live subscription cannot buy a second one")
  void shouldRefuseSecondSubscription() {
    PartnerLogin partner = newMember();
    String first = purchase(partner, purchaseWithCard("4242424242424242"), null).body()
        .get("subscriptionNumber").asText();

    Response second = purchase(partner, purchaseWithCard("5555555555554444"), null);

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().get("type").asText()).isEqualTo("/problems/subscription-exists");
    assertThat(second.body().get("subscriptionNumber").asText()).isEqualTo(first);
    assertThat(get(partner, "/api/orders").body()).hasSize(1);
  }

  @Test
  @DisplayName("R2 two purchases racing for one partner: one subscription, one charge, a clean 409")
  void shouldAllowOneOfTwoConcurrentPurchases() throws Exception {
    PartnerLogin partner = newMember();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> purchase(partner, purchaseWithCard("4242424242424242"), "a"));
      var second = pool.submit(() -> purchase(partner, purchaseWithCard("5555555555554444"), "b"));

      assertThat(java.util.List.of(first.get().status(), second.get().status()))
          .containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdown();
    }
    assertThat(get(partner, "/api/offers/purchased").body()).hasSize(1);
    assertThat(get(partner, "/api/orders").body()).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from embedded_provider_charge c "
        + "join purchase_order o on c.idempotency_key = o.charge_key where o.partner_id = ?",
        Long.class, partner.partnerId())).isOne();
  }

  @Test
  @DisplayName("R3 no accepted terms, no purchase; outdated terms are refused too")
  void shouldRefusePurchaseWithoutAcceptedTerms() {
    PartnerLogin partner = newMember();
    Map<String, Object> notAccepted = new HashMap<>(purchaseWithCard("4242424242424242"));
    notAccepted.put("termsAccepted", false);
    Map<String, Object> missing = new HashMap<>(notAccepted);
    missing.remove("termsAccepted");
    Map<String, Object> outdated = new HashMap<>(purchaseWithCard("4242424242424242"));
    outdated.put("termsVersion", "MPN-IUR-2016-01");

    for (Map<String, Object> body : java.util.List.of(notAccepted, missing)) {
      Response response = purchase(partner, body, null);
      assertThat(response.status()).isEqualTo(422);
      assertThat(response.body().get("errors").get(0).get("field").asText())
          .isEqualTo("termsAccepted");
      assertThat(response.body().get("errors").get(0).get("reason").asText())
          .contains("terms for internal-use rights must be accepted");
    }
    Response old = purchase(partner, outdated, null);
    assertThat(old.status()).isEqualTo(422);
    assertThat(old.body().get("errors").get(0).get("field").asText()).isEqualTo("termsVersion");
    assertThat(old.body().get("errors").get(0).get("reason").asText()).contains(TERMS_VERSION);
    assertThat(get(partner, "/api/orders").body()).isEmpty();
    assertThat(get(partner, "/api/payment-methods").body()).isEmpty();
  }

  @Test
  @DisplayName("R6 an invalid card number (Luhn) or a past expiry is refused before any charge")
  void shouldRefuseInvalidCard() {
    PartnerLogin partner = newMember();
    long cardsBefore = count("embedded_provider_card");

    Response badNumber = purchase(partner, purchaseWithCard("4242424242424241"), null);
    Map<String, Object> expired = new HashMap<>(purchaseWithCard("4242424242424242"));
    expired.put("card", Map.of("number", "4242424242424242", "expiryMonth", 1,
        "expiryYear", 2020, "cvc", "123"));
    Response pastExpiry = purchase(partner, expired, null);

    assertThat(badNumber.status()).isEqualTo(422);
    assertThat(badNumber.body().get("errors").get(0).get("field").asText()).isEqualTo("card.number");
    assertThat(badNumber.entity().getBody()).doesNotContain("4242424242424241");
    assertThat(pastExpiry.status()).isEqualTo(422);
    assertThat(pastExpiry.body().get("errors").get(0).get("field").asText())
        .isEqualTo("card.expiryYear");
    assertThat(pastExpiry.body().get("errors").get(0).get("reason").asText()).contains("expired");
    assertThat(count("embedded_provider_card")).isEqualTo(cardsBefore);
    assertThat(get(partner, "/api/orders").body()).isEmpty();
  }

  @Test
  @DisplayName("R7 a purchase sent twice with the same idempotency key is one order and one charge")
  void shouldChargeOnceForRequestSentTwice() {
    PartnerLogin partner = newMember();
    Map<String, Object> body = purchaseWithCard("4242424242424242");

    Response first = purchase(partner, body, "checkout-7f3a");
    Response again = purchase(partner, body, "checkout-7f3a");

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().get("number").asText()).isEqualTo(first.body().get("number").asText());
    assertThat(get(partner, "/api/orders").body()).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from embedded_provider_charge c "
        + "join purchase_order o on c.idempotency_key = o.charge_key where o.partner_id = ?",
        Long.class, partner.partnerId())).isOne();

    Map<String, Object> different = new HashMap<>(body);
    different.put("card", card("5555555555554444"));
    Response reused = purchase(partner, different, "checkout-7f3a");
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.body().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
  }

  @Test
  @DisplayName("R3 a price that changed since the review is refused with the current price")
  void shouldRefuseChangedPrice() {
    PartnerLogin partner = newMember();
    Map<String, Object> body = new HashMap<>(purchaseWithCard("4242424242424242"));
    body.put("reviewedPrice", Map.of("amount", 399.00, "currency", "USD"));

    Response response = purchase(partner, body, null);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body().get("currentPrice").get("amount").decimalValue())
        .isEqualByComparingTo("475.00");
  }

  @Test
  @DisplayName("R6 a saved card pays a later purchase; only brand, last four and expiry are shown")
  void shouldPayWithSavedPaymentMethod() {
    PartnerLogin partner = newMember();
    Response saved = post(partner, "/api/payment-methods", card("378282246310005"));
    assertThat(saved.status()).isEqualTo(201);
    assertThat(saved.body().get("brand").asText()).isEqualTo("AMEX");
    assertThat(saved.body().get("lastFour").asText()).isEqualTo("0005");
    assertThat(saved.entity().getBody()).doesNotContain("378282246310005").doesNotContain("cvc");

    Map<String, Object> body = new HashMap<>(purchaseWithCard("4242424242424242"));
    body.remove("card");
    body.put("paymentMethodId", saved.body().get("id").asText());
    Response response = purchase(partner, body, null);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body().get("paymentMethod").get("lastFour").asText()).isEqualTo("0005");
  }

  @Test
  @DisplayName("R23 a partner cannot see or use another partner's subscription, order or card")
  void shouldHideOtherPartnersData() {
    PartnerLogin owner = newMember();
    PartnerLogin other = newMember();
    JsonNode order = purchase(owner, purchaseWithCard("4242424242424242"), null).body();
    String cardId = order.get("paymentMethod").get("id").asText();

    Response subscription = get(other, "/api/subscriptions/" + order.get("subscriptionNumber").asText());
    Response foreignOrder = get(other, "/api/orders/" + order.get("number").asText());
    Map<String, Object> body = new HashMap<>(purchaseWithCard("4242424242424242"));
    body.remove("card");
    body.put("paymentMethodId", cardId);
    Response payWithForeignCard = purchase(other, body, null);

    assertThat(subscription.status()).isEqualTo(404);
    assertThat(subscription.contentType()).isEqualTo("application/problem+json");
    assertThat(foreignOrder.status()).isEqualTo(404);
    assertThat(payWithForeignCard.status()).isEqualTo(422);
    assertThat(payWithForeignCard.body().get("errors").get(0).get("field").asText())
        .isEqualTo("paymentMethodId");
    assertThat(get(other, "/api/offers/purchased").body()).isEmpty();
    assertThat(get(other, "/api/payment-methods").body()).isEmpty();
    assertThat(get(owner, "/api/subscriptions/" + order.get("subscriptionNumber").asText())
        .status()).isEqualTo(200);
  }

  @Test
  @DisplayName("R23 the partner API and engine-rest refuse requests without valid credentials")
  void shouldRequireAuthentication() {
    Response anonymous = get(null, "/api/offers/available");
    Response wrongPassword = get(new PartnerLogin(newMember().username(), "wrong", null),
        "/api/offers/available");

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
    assertThat(anonymous.entity().getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(http.getForEntity("/engine-rest/process-definition", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  @DisplayName("R4 R20 a provider that does not answer: 202 with the order to poll, retries, then an incident")
  void shouldAnswerPendingAndEndInIncidentWhenProviderFails() {
    PartnerLogin partner = newMember();

    Response response = purchase(partner, purchaseWithCard("4000000000000119"), null);

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body().get("status").asText()).isEqualTo("PENDING");
    assertThat(get(partner, response.location()).body().get("status").asText()).isEqualTo("PENDING");
    Response meanwhile = purchase(partner, purchaseWithCard("4242424242424242"), null);
    assertThat(meanwhile.status()).isEqualTo(409);
    assertThat(meanwhile.body().get("type").asText()).isEqualTo("/problems/purchase-in-progress");

    // the engine clock moves past each retry (JobRetries.SCHEDULE) until the retries run out
    String instanceId = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(SubscribeProcess.KEY)
        .processInstanceBusinessKey(subscriptionNumberOf(response.body().get("number").asText()))
        .singleResult().getId();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      Job job = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
      if (job.getRetries() > 0 && job.getDuedate() != null
          && job.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(new java.util.Date(job.getDuedate().getTime() + 1000));
      }
      return job.getRetries() == 0;
    });

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instanceId).singleResult()
        .getActivityId()).isEqualTo(SubscribeProcess.TASK_CHARGE_PAYMENT);
    assertThat(get(partner, response.location()).body().get("status").asText()).isEqualTo("PENDING");
    assertThat(get(partner, "/api/offers/purchased").body()).isEmpty();
  }

  @Test
  @DisplayName("The OpenAPI description is served, and Swagger UI to try it in a browser")
  void shouldServeOpenApiDescription() {
    var response = http.getForEntity("/v3/api-docs", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).contains("/api/purchases", "/api/offers/purchased");
    var ui = http.getForEntity("/swagger-ui/index.html", String.class);
    assertThat(ui.getStatusCode().value()).isEqualTo(200);
    assertThat(ui.getBody()).contains("swagger-ui");
  }

  private String subscriptionNumberOf(String orderNumber) {
    return jdbc.queryForObject("select subscription_number from purchase_order where number = ?",
        String.class, orderNumber);
  }

  private long providerCharges(String idempotencyKey) {
    return jdbc.queryForObject(
        "select count(*) from embedded_provider_charge where idempotency_key = ?", Long.class,
        idempotencyKey);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
