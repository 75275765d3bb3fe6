package dev.actionpack.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Stripe's webhook events: taken only when signed with the endpoint's secret and recently; each
 * once, whatever Stripe resends; an older event arriving after a newer one changes nothing.
 */
class StripeWebhookTest extends StripeModeTest {

  @Test
  @DisplayName("R25 a card updated by the bank (signed event) is taken once; a replay, an older event, a bad or stale signature change nothing")
  void shouldTakeSignedCardUpdatesOnceAndInOrder() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, purchaseWith(token("pm_card_visa"))).get("number")
        .asText();
    String token = jdbc.queryForObject("select m.provider_token from payment_method m join "
        + "subscription s on s.payment_method_id = m.id where s.number = ?", String.class, number);
    long now = System.currentTimeMillis() / 1000;
    String newer = cardUpdated(token, 2036, now);
    String older = cardUpdated(token, 2030, now - 3600);
    long eventsBefore = events();

    ResponseEntity<String> taken = deliver(newer, sign(newer, now));
    ResponseEntity<String> replayed = deliver(newer, sign(newer, now + 30));
    ResponseEntity<String> outOfOrder = deliver(older, sign(older, now));
    ResponseEntity<String> forged = deliver(cardUpdated(token, 2040, now),
        sign(cardUpdated(token, 2040, now), now).replace("v1=", "v1=00"));
    ResponseEntity<String> unsigned = deliver(cardUpdated(token, 2041, now), null);
    String stale = cardUpdated(token, 2042, now);
    ResponseEntity<String> tooOld = deliver(stale, sign(stale, now - 600));

    assertThat(taken.getStatusCode().value()).isEqualTo(200);
    assertThat(outcome(taken)).isEqualTo("card details updated");
    assertThat(replayed.getStatusCode().value()).isEqualTo(200);
    assertThat(outcome(replayed)).isEqualTo("already taken: nothing changed");
    assertThat(outOfOrder.getStatusCode().value()).isEqualTo(200);
    assertThat(outcome(outOfOrder)).contains("older", "nothing changed");
    assertThat(forged.getStatusCode().value()).isEqualTo(422);
    assertThat(forged.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(unsigned.getStatusCode().value()).isEqualTo(422);
    assertThat(tooOld.getStatusCode().value()).isEqualTo(422);
    assertThat(events()).as("the taken and the older event; none refused")
        .isEqualTo(eventsBefore + 2);
    JsonNode card = get(partner, "/api/payment-methods").body().get(0);
    assertThat(card.get("expiryYear").asInt()).isEqualTo(2036);
    assertThat(subscription(partner, number).get("paymentMethod").get("expiryYear").asInt())
        .isEqualTo(2036);
  }

  @Test
  @DisplayName("R25 other signed events are recorded once and change nothing; a dispute is logged for the operators")
  void shouldRecordOtherEvents() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String dispute = event("charge.dispute.created", json.createObjectNode()
        .put("id", "dp_" + UUID.randomUUID().toString().replace("-", ""))
        .put("object", "dispute").put("amount", 47500).put("currency", "usd")
        .put("charge", "ch_1").put("status", "needs_response"), now);
    String succeeded = event("payment_intent.succeeded", json.createObjectNode()
        .put("id", "pi_1").put("object", "payment_intent").put("amount", 47500)
        .put("currency", "usd").put("status", "succeeded"), now);

    assertThat(outcome(deliver(dispute, sign(dispute, now))))
        .isEqualTo("dispute logged for the operators");
    assertThat(outcome(deliver(succeeded, sign(succeeded, now))))
        .isEqualTo("not used: recorded only");
    assertThat(outcome(deliver(succeeded, sign(succeeded, now))))
        .isEqualTo("already taken: nothing changed");
  }

  private String cardUpdated(String paymentMethod, int expiryYear, long created) {
    ObjectNode method = stripe.paymentMethod(paymentMethod);
    ((ObjectNode) method.get("card")).put("exp_year", expiryYear);
    return event("payment_method.automatically_updated", method, created);
  }

  private String event(String type, ObjectNode object, long created) {
    ObjectNode event = json.createObjectNode();
    event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""))
        .put("object", "event").put("api_version", Stripe.API_VERSION)
        .put("created", created).put("type", type).put("livemode", false);
    event.putObject("data").set("object", object);
    return event.toString();
  }

  /** A {@code Stripe-Signature} header as Stripe makes it: HMAC-SHA256 of "t.payload". */
  private static String sign(String payload, long timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] signature = mac.doFinal((timestamp + "." + payload)
        .getBytes(StandardCharsets.UTF_8));
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
  }

  private ResponseEntity<String> deliver(String payload, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (signature != null) {
      headers.set("Stripe-Signature", signature);
    }
    return http.postForEntity("/webhooks/stripe", new HttpEntity<>(payload, headers),
        String.class);
  }

  private String outcome(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody()).get("outcome").asText();
  }

  private long events() {
    return jdbc.queryForObject("select count(*) from payment_provider_event", Long.class);
  }
}
