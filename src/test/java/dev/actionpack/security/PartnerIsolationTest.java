package dev.actionpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.LifecycleTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** R23: partner B can neither read nor act on partner A's data, through any endpoint. */
class PartnerIsolationTest extends LifecycleTest {

  @Test
  @DisplayName("R23 every endpoint keeps partners apart: 404 for someone else's things, never a change")
  void shouldKeepPartnersApartOnEveryEndpoint() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin owner = newMember();
    PartnerLogin other = newMember();
    JsonNode subscription = subscribe(owner, "4242424242424242");
    String number = subscription.get("number").asText();
    String cardId = subscription.get("paymentMethod").get("id").asText();
    String order = get(owner, "/api/orders").body().get(0).get("number").asText();
    String request = post(owner, "/api/service-requests", Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION", "subscriptionNumber", number,
        "description", "Cancel please", "contact", Map.of("name", "Pat",
            "email", "pat@partners.example", "phone", "+1 425 555 0100",
            "preferredLanguage", "en-US"))).body().get("number").asText();
    jobs().runDue();

    // reading
    assertThat(get(other, "/api/subscriptions/" + number).status()).isEqualTo(404);
    assertThat(get(other, "/api/subscriptions/" + number + "/benefits").status()).isEqualTo(404);
    assertThat(get(other, "/api/orders/" + order).status()).isEqualTo(404);
    assertThat(get(other, "/api/service-requests/" + request).status()).isEqualTo(404);
    for (String list : new String[] {"/api/offers/purchased", "/api/subscriptions",
        "/api/orders", "/api/payment-methods", "/api/notifications", "/api/service-requests"}) {
      assertThat(get(other, list).body()).as(list).isEmpty();
    }
    // acting
    Response turnOff = exchange(other, HttpMethod.PUT,
        "/api/subscriptions/" + number + "/auto-renewal", Map.of("enabled", false), Map.of());
    Response renew = post(other, "/api/subscriptions/" + number + "/renewals",
        purchaseWithCard("4242424242424242"));
    Map<String, Object> payWithOwnersCard = new HashMap<>(purchaseWithCard("4242424242424242"));
    payWithOwnersCard.remove("card");
    payWithOwnersCard.put("paymentMethodId", cardId);
    Response pay = purchase(other, payWithOwnersCard, null);
    Response open = post(other, "/api/service-requests", Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION", "subscriptionNumber", number,
        "description", "Cancel theirs", "contact", Map.of("name", "Eve",
            "email", "eve@partners.example", "phone", "+1 425 555 0199",
            "preferredLanguage", "en-US")));

    assertThat(turnOff.status()).isEqualTo(404);
    assertThat(renew.status()).isEqualTo(404);
    assertThat(pay.status()).isEqualTo(422);
    assertThat(open.status()).isEqualTo(422);
    for (Response refused : new Response[] {turnOff, renew, pay, open}) {
      assertThat(refused.contentType()).isEqualTo("application/problem+json");
    }
    JsonNode unchanged = subscription(owner, number);
    assertThat(unchanged.get("autoRenewal").asBoolean()).isTrue();
    assertThat(unchanged.get("termNumber").asInt()).isOne();
    assertThat(get(owner, "/api/service-requests").body()).hasSize(1);
    assertThat(get(other, "/api/orders").body()).isEmpty();
  }
}
