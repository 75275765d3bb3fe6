package dev.actionpack.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.LifecycleTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R25: the partner replaces the card that pays a subscription. */
class PaymentMethodReplacementApiTest extends LifecycleTest {

  @Test
  @DisplayName("R25 R12 a declined renewal recovered by a replaced card: the pending retry charges the new card, the subscription is active again, the partner was told, every charge listed")
  void shouldChargeThePendingRetryToTheReplacedCard() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "es-ES");
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    cardRunsOutOfFunds(number);
    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");

    Response replaced = replaceCard(partner, number, Map.of("card", card("5555555555554444")));

    assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
    assertThat(replaced.body().get("paymentMethod").get("lastFour").asText()).isEqualTo("4444");
    assertThat(inboxKinds(partner)).endsWith("RENEWAL_DECLINED", "PAYMENT_METHOD_REPLACED");
    JsonNode told = get(partner, "/api/notifications").body().get(0);
    assertThat(told.get("body").asText()).contains(number, "4444", "10/03/2028 (UTC)");
    assertThat(told.get("subject").asText()).contains("tarjeta");

    jobs().advanceTo(Instant.parse("2028-03-12T00:00:00Z")); // the first retry, a day after
    JsonNode recovered = subscription(partner, number);
    assertThat(recovered.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(recovered.get("termNumber").asInt()).isEqualTo(2);
    assertThat(recovered.get("termEnd").asText()).isEqualTo("2029-03-10T10:00:00Z");
    JsonNode retry = get(partner, "/api/orders").body().get(0);
    assertThat(retry.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(retry.get("paymentMethod").get("lastFour").asText()).isEqualTo("4444");
    assertThat(approvedCharges(number)).isEqualTo(2); // the purchase and the retry
    assertThat(inboxKinds(partner)).endsWith("PAYMENT_METHOD_REPLACED", "RENEWED");

    JsonNode payments = get(partner, "/api/subscriptions/" + number + "/payments").body();
    List<String> charges = new ArrayList<>();
    payments.get("charges").forEach(c -> charges.add(c.get("orderKind").asText() + " "
        + c.get("outcome").asText() + " " + c.path("declineCode").asText("-") + " "
        + String.format(Locale.ROOT, "%.2f", c.get("amount").get("amount").asDouble())
        + " "
        + c.get("at").asText()));
    assertThat(charges).containsExactly(
        "PURCHASE APPROVED - 475.00 2027-03-10T10:00:00Z",
        "AUTO_RENEWAL DECLINED insufficient_funds 475.00 2028-03-10T10:00:00Z",
        "AUTO_RENEWAL APPROVED - 475.00 2028-03-11T10:00:00Z");
    assertThat(payments.get("charges").get(0).get("providerChargeId").asText()).startsWith("ch_");
    assertThat(payments.get("refunds")).isEmpty();
  }

  @Test
  @DisplayName("R25 the next anniversary charges a card the partner added before; the same card again changes nothing")
  void shouldChargeTheNextRenewalToACardAddedBefore() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    Response added = post(partner, "/api/payment-methods", card("378282246310005"));
    assertThat(added.status()).isEqualTo(201);
    String amex = added.body().get("id").asText();

    assertThat(replaceCard(partner, number, Map.of("paymentMethodId", amex)).status()).isEqualTo(200);
    assertThat(replaceCard(partner, number, Map.of("paymentMethodId", amex)).status()).isEqualTo(200);
    assertThat(inboxKinds(partner)) // both at the same moment of the test clock
        .containsExactlyInAnyOrder("ORDER_CONFIRMED", "PAYMENT_METHOD_REPLACED");

    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));
    JsonNode renewal = get(partner, "/api/orders").body().get(0);
    assertThat(renewal.get("kind").asText()).isEqualTo("AUTO_RENEWAL");
    assertThat(renewal.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(renewal.get("paymentMethod").get("brand").asText()).isEqualTo("AMEX");
    assertThat(subscription(partner, number).get("paymentMethod").get("id").asText())
        .isEqualTo(amex);
  }

  @Test
  @DisplayName("R25 R23 someone else's subscription or card is 404; neither or both fields, a refused card (402) or an ended subscription (409) leave the card as it was")
  void shouldRefuseWhatIsNotTheirsOrNotValid() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    PartnerLogin other = newMember();
    String otherNumber = subscribe(other, "4242424242424242").get("number").asText();
    String otherCard = get(other, "/api/payment-methods").body().get(0).get("id").asText();
    long cardsBefore = jdbc.queryForObject("select count(*) from payment_method", Long.class);

    Response foreignSubscription = replaceCard(partner, otherNumber,
        Map.of("card", card("5555555555554444")));
    assertThat(foreignSubscription.status()).isEqualTo(404);
    assertThat(get(partner, "/api/subscriptions/" + otherNumber + "/payments").status())
        .isEqualTo(404);
    assertThat(replaceCard(partner, number, Map.of("paymentMethodId", otherCard)).status())
        .isEqualTo(404);
    assertThat(replaceCard(partner, number, Map.of("paymentMethodId", UUID.randomUUID().toString()))
        .status()).isEqualTo(404);

    Response neither = replaceCard(partner, number, Map.of());
    assertThat(neither.status()).isEqualTo(422);
    assertThat(neither.body().toString()).contains("paymentMethodId");
    Response both = replaceCard(partner, number, Map.of("paymentMethodId", otherCard,
        "card", card("5555555555554444")));
    assertThat(both.status()).isEqualTo(422);
    Response refused = replaceCard(partner, number, Map.of("card", card("4000000000000002")));
    assertThat(refused.status()).isEqualTo(402);
    Response invalid = replaceCard(partner, number, Map.of("card", card("4242424242424241")));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body().toString()).contains("card.number");
    Response token = replaceCard(partner, number,
        Map.of("card", Map.of("paymentMethodToken", "pm_card_visa")));
    assertThat(token.status()).as("a Stripe token, to the embedded provider").isEqualTo(422);
    assertThat(token.body().get("detail").asText()).contains("card.paymentMethodToken");

    jdbc.update("update subscription set status = 'CANCELLED' where number = ?", number);
    Response ended = replaceCard(partner, number, Map.of("card", card("5555555555554444")));
    assertThat(ended.status()).isEqualTo(409);
    assertThat(ended.contentType()).contains("problem+json");

    assertThat(jdbc.queryForObject("select count(*) from payment_method", Long.class))
        .as("no card stored by a refused request").isEqualTo(cardsBefore);
    assertThat(subscription(partner, number).get("paymentMethod").get("lastFour").asText())
        .isEqualTo("4242");
    assertThat(inboxKinds(partner)).doesNotContain("PAYMENT_METHOD_REPLACED");
  }

  @Test
  @DisplayName("R25 the embedded provider's test card 4000 0000 0000 3311 declines its first charge only: the renewal is declined, its first retry approved")
  void shouldDeclineTheFirstChargeOfTheTestCardOnly() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    assertThat(replaceCard(partner, number, Map.of("card", card("4000000000003311"))).status())
        .isEqualTo(200);

    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");
    jobs().advanceTo(Instant.parse("2028-03-12T00:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(get(partner, "/api/orders").body().get(0).get("status").asText())
        .isEqualTo("CONFIRMED");
    assertThat(get(partner, "/api/orders").body().get(1).get("status").asText())
        .isEqualTo("DECLINED");
  }

  @Test
  @DisplayName("R25 R7 a card replaced while the anniversary timer runs on another thread: never a 500, one renewal charge, on one of the two cards, and the new card pays from then on")
  void shouldStayConsistentWhenReplacementRacesRenewalTimer() throws Exception {
    for (int round = 0; round < 4; round++) {
      clockAt("2027-03-10T10:00:00Z");
      PartnerLogin partner = newMember();
      String number = subscribe(partner, "4242424242424242").get("number").asText();
      jobs().advanceTo(Instant.parse("2028-03-10T09:59:59Z"));
      clockAt("2028-03-10T10:00:00Z");

      Response replaced = raceTermEnd(number,
          () -> replaceCard(partner, number, Map.of("card", card("5555555555554444"))));

      assertThat(replaced.status()).as("round %d: %s", round, replaced.body()).isEqualTo(200);
      assertThat(renewalCharges(number, 2)).as("round %d", round).isOne();
      JsonNode renewal = get(partner, "/api/orders").body().get(0);
      assertThat(renewal.get("kind").asText()).isEqualTo("AUTO_RENEWAL");
      assertThat(renewal.get("status").asText()).isEqualTo("CONFIRMED");
      assertThat(renewal.get("paymentMethod").get("lastFour").asText()).isIn("4242", "4444");
      JsonNode after = subscription(partner, number);
      assertThat(after.get("termNumber").asInt()).isEqualTo(2);
      assertThat(after.get("paymentMethod").get("lastFour").asText()).isEqualTo("4444");
      assertThat(inboxKinds(partner)).containsOnlyOnce("PAYMENT_METHOD_REPLACED", "RENEWED");
      assertThat(runningTerms(number)).isOne();
    }
  }
}
