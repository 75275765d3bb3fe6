package dev.actionpack.payment.stripe;

import static dev.actionpack.payment.stripe.FakeStripe.Mishap.ANSWER_LOST;
import static dev.actionpack.payment.stripe.FakeStripe.Mishap.SERVER_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.actionpack.support.CardNumberScan;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The lifecycle through the API on the Stripe provider, against the local Stripe: purchase,
 * anniversary renewal through an outage, dunning recovered with a replaced card, a renewal that
 * waits for the partner's authentication, a refund by Support; and no card number anywhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripeLifecycleTest extends StripeModeTest {

  @Autowired
  private MeterRegistry meters;
  @Autowired
  private TaskService taskService;

  @Test
  @DisplayName("R1 R4 R9 R7 bought with a Stripe payment method, renewed off session on the anniversary through a Stripe outage: one charge per key, every repeat with the same key")
  void shouldBuyAndRenewThroughStripe() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    JsonNode bought = subscribe(partner, purchaseWith(token("pm_card_visa")));
    String number = bought.get("number").asText();

    assertThat(bought.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(bought.get("paymentMethod").get("lastFour").asText()).isEqualTo("4242");
    JsonNode purchase = chargeAtStripe(number, 0);
    assertThat(purchase.get("off_session").asBoolean()).isFalse();
    assertThat(purchase.get("metadata").get("term").asText()).isEqualTo("1");
    assertThat(purchase.get("metadata").get("order_number").asText())
        .isEqualTo(get(partner, "/api/orders").body().get(0).get("number").asText());

    jobs().advanceTo(Instant.parse("2028-03-10T09:59:00Z"));
    stripe.nextCallsSending("POST", INTENTS, "metadata[subscription_number]=" + number,
        SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, ANSWER_LOST);
    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));

    JsonNode renewed = subscription(partner, number);
    assertThat(renewed.get("termNumber").asInt()).isEqualTo(2);
    assertThat(renewed.get("status").asText()).isEqualTo("ACTIVE");
    JsonNode renewal = chargeAtStripe(number, 1);
    String key = renewal.get("metadata").get("charge_key").asText();
    assertThat(key).endsWith("-term-2");
    assertThat(renewal.get("off_session").asBoolean()).isTrue();
    assertThat(renewal.get("metadata").get("term").asText()).isEqualTo("2");
    assertThat(renewal.get("metadata").get("order_kind").asText()).isEqualTo("AUTO_RENEWAL");
    assertChargedOnce(key, 4); // 3 refused in the first job run, 1 lost in its retry
    JsonNode payments = get(partner, "/api/subscriptions/" + number + "/payments").body();
    assertThat(payments.get("charges").findValuesAsText("providerChargeId"))
        .containsExactly(purchase.get("id").asText(), renewal.get("id").asText());
    assertThat(meters.find("actionpack.charges").tags("provider", "stripe", "kind",
        "AUTO_RENEWAL", "outcome", "error").counter().count()).isPositive();
    assertThat(meters.find("actionpack.charges").tags("provider", "stripe", "kind",
        "AUTO_RENEWAL", "outcome", "approved").counter().count()).isPositive();
  }

  @Test
  @DisplayName("R12 R25 a declined renewal recovered by a replaced card: the pending retry charges the new Stripe payment method")
  void shouldRecoverDunningWithAReplacedCard() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, purchaseWith(token("pm_card_visa"))).get("number")
        .asText();
    stripe.chargesLike(savedToken(number), "pm_card_chargeDeclinedInsufficientFunds");

    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");
    assertThat(get(partner, "/api/orders").body().get(0).get("decline").get("code").asText())
        .isEqualTo("insufficient_funds");

    Response replaced = replaceCard(partner, number,
        Map.of("card", token("pm_card_mastercard")));
    assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
    assertThat(replaced.body().get("paymentMethod").get("lastFour").asText()).isEqualTo("4444");
    String newCard = savedToken(number);

    jobs().advanceTo(Instant.parse("2028-03-12T00:00:00Z"));
    JsonNode recovered = subscription(partner, number);
    assertThat(recovered.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(recovered.get("termNumber").asInt()).isEqualTo(2);
    JsonNode retry = chargeAtStripe(number, 2);
    assertThat(retry.get("payment_method").asText()).isEqualTo(newCard);
    assertThat(retry.get("status").asText()).isEqualTo("succeeded");
    assertThat(retry.get("metadata").get("charge_key").asText()).endsWith("-term-2-retry-1");
    assertThat(inboxKinds(partner)).endsWith("RENEWAL_DECLINED", "PAYMENT_METHOD_REPLACED",
        "RENEWED");
  }

  @Test
  @DisplayName("R12 R13 a bank asking for authentication off session: the renewal waits, the partner is told what to do, dunning goes on, a manual renewal with a new payment completes it")
  void shouldWaitForThePartnerWhenTheBankAsksForAuthentication() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "en-US");
    String number = subscribe(partner, purchaseWith(token("pm_card_visa"))).get("number")
        .asText();
    stripe.chargesLike(savedToken(number), "pm_card_authenticationRequired");

    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");
    assertThat(get(partner, "/api/orders").body().get(0).get("decline").get("code").asText())
        .isEqualTo("authentication_required");
    JsonNode told = get(partner, "/api/notifications").body().get(0);
    assertThat(told.get("kind").asText()).isEqualTo("RENEWAL_DECLINED");
    assertThat(told.get("body").asText()).contains("confirm", "renew it now");

    jobs().advanceTo(Instant.parse("2028-03-12T00:00:00Z"));
    assertThat(get(partner, "/api/orders").body().get(0).get("decline").get("code").asText())
        .as("the first retry, off session again").isEqualTo("authentication_required");
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");

    Response placed = post(partner, "/api/subscriptions/" + number + "/renewals",
        purchaseWith(token("pm_card_mastercard")));
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    jobs().runDue();
    JsonNode renewed = subscription(partner, number);
    assertThat(renewed.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(renewed.get("termNumber").asInt()).isEqualTo(2);
    assertThat(renewed.get("autoRenewal").asBoolean()).isTrue();
    jobs().advanceTo(Instant.parse("2028-03-25T00:00:00Z"));
    assertThat(intentsOf(number)).as("purchase, renewal, first retry, manual renewal; no "
        + "retry after it").hasSize(4);
    assertThat(intentsOf(number).get(3).get("off_session").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("R16 R17 a cancellation by Support refunds through Stripe, once")
  void shouldRefundThroughStripe() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, purchaseWith(token("pm_card_visa"))).get("number")
        .asText();
    clockAt("2027-09-10T10:00:00Z");
    Response opened = post(partner, "/api/service-requests", Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION",
        "subscriptionNumber", number,
        "description", "Please cancel our Action Pack subscription.",
        "contact", Map.of("name", "Pat Partner", "email", "pat@partners.example",
            "phone", "+1 425 555 0100", "preferredLanguage", "en-US")));
    assertThat(opened.status()).isEqualTo(201);
    jobs().runDue();
    Task task = taskService.createTaskQuery()
        .processInstanceBusinessKey(opened.body().get("number").asText()).singleResult();
    taskService.claim(task.getId(), "sam");
    stripe.nextCalls("POST", "/v1/refunds", ANSWER_LOST);
    taskService.complete(task.getId(), Map.of("outcome", "CANCEL_NOW", "refund", "PRORATED",
        "contactMade", true, "resolutionNote", "Cancelled as agreed."));
    jobs().runDue();

    String charge = chargeAtStripe(number, 0).get("id").asText();
    assertThat(stripe.refundedFrom(charge)).as("refunded once, the lost answer replayed")
        .isEqualTo(23620);
    JsonNode payments = get(partner, "/api/subscriptions/" + number + "/payments").body();
    assertThat(payments.get("refunds")).hasSize(1);
    assertThat(payments.get("refunds").get(0).get("providerRefundId").asText()).startsWith("re_");
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  @DisplayName("R6 R23 on Stripe a card number is refused, naming the field; a token is refused by name when Stripe does not know it")
  void shouldRefuseCardNumbersOnStripe() {
    PartnerLogin partner = newMember();
    long cardsBefore = jdbc.queryForObject("select count(*) from payment_method", Long.class);

    Response number = post(partner, "/api/payment-methods", card("4242424242424242"));
    Response purchase = purchase(partner, purchaseWithCard("4242424242424242"), null);
    Response unknown = post(partner, "/api/payment-methods", token("pm_unknowntoken"));
    Response malformed = post(partner, "/api/payment-methods", token("4242424242424242"));
    Response saved = post(partner, "/api/payment-methods", token("pm_card_visa"));

    assertThat(number.status()).isEqualTo(422);
    assertThat(number.body().get("detail").asText()).contains("card.number",
        "paymentMethodToken");
    assertThat(purchase.status()).isEqualTo(422);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().get("detail").asText()).contains("card.paymentMethodToken",
        "no such payment method");
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.body().toString()).doesNotContain("4242424242424242");
    assertThat(saved.status()).isEqualTo(201);
    assertThat(jdbc.queryForObject("select count(*) from payment_method", Long.class))
        .isEqualTo(cardsBefore + 1);
  }

  @Test
  @DisplayName("R6 after a Stripe-mode run no card number is in the database or the log")
  void shouldKeepCardNumbersOutOfDatabaseAndLogs(CapturedOutput output) {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, purchaseWith(token("pm_card_visa"))).get("number")
        .asText();
    post(partner, "/api/payment-methods", card("4000 0000 0000 9995"));
    purchase(newMember(), purchaseWithCard("5555-5555-5555-4444"), null);
    replaceCard(partner, number, Map.of("card", card("378282246310005")));
    replaceCard(partner, number, Map.of("card", token("pm_card_mastercard")));
    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));

    String database = CardNumberScan.databaseText(jdbc, "PURCHASE_ORDER", "PAYMENT_METHOD",
        "PAYMENT_CHARGE", "STRIPE_CUSTOMER", "ACT_GE_BYTEARRAY");
    String log = output.getAll();
    assertThat(log).contains("Stripe");
    for (String digits : List.of("4000000000009995", "5555555555554444", "378282246310005")) {
      assertThat(database.replaceAll("[ -]", "")).as("database").doesNotContain(digits);
      assertThat(log.replaceAll("[ -]", "")).as("log").doesNotContain(digits);
    }
    assertThat(CardNumberScan.luhnValidRuns(log)).as("card numbers in the log").isEmpty();
    assertThat(CardNumberScan.luhnValidRuns(database)).as("card numbers in the database")
        .isEmpty();
    assertThat(subscription(partner, number).get("termNumber").asInt()).isEqualTo(2);
  }

  /** The Stripe payment method the subscription is paid with, as saved. */
  private String savedToken(String number) {
    return jdbc.queryForObject("select m.provider_token from payment_method m join subscription "
        + "s on s.payment_method_id = m.id where s.number = ?", String.class, number);
  }

  /** The subscription's {@code index}-th PaymentIntent at Stripe, oldest first. */
  private JsonNode chargeAtStripe(String number, int index) {
    return intentsOf(number).get(index);
  }

  private List<ObjectNode> intentsOf(String number) {
    String purchaseOrder = jdbc.queryForObject("select number from purchase_order where "
        + "subscription_number = ? and kind = 'PURCHASE'", String.class, number);
    return stripe.intents().stream()
        .filter(intent -> number.equals(intent.path("metadata").path("subscription_number")
            .asText()) || purchaseOrder.equals(intent.path("metadata").path("order_number")
            .asText()))
        .toList();
  }
}
