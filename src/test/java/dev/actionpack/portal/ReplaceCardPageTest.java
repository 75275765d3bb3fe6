package dev.actionpack.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.support.LifecycleTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Replace card on a subscription's details (R25): a new card taken as the checkout takes it, the
 * details showing it afterwards; a refused card or an ended subscription said on the page in the
 * partner's language, with nothing changed; and nothing of another partner's.
 */
class ReplaceCardPageTest extends LifecycleTest {

  private static final String NEW_MASTERCARD = "number=5555+5555+5555+4444&expiryMonth=11"
      + "&expiryYear=2034&cvc=321&holderName=Pat";

  @LocalServerPort
  private int port;

  @Test
  @DisplayName("R25 Replace card with a new one: the details show MASTERCARD **** 4444 and say so; the form sent twice replaces the card once")
  void shouldReplaceTheCardWithANewOne() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "en-US");
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    PortalBrowser browser = browser(partner);

    String details = browser.get("/portal/subscriptions/" + number).body();
    String form = browser.get("/portal/subscriptions/" + number + "/card").body();
    HttpResponse<String> replaced = browser.submit("/portal/subscriptions/" + number + "/card",
        form, "choice=new&" + NEW_MASTERCARD);
    HttpResponse<String> again = browser.submit("/portal/subscriptions/" + number + "/card",
        form, "choice=new&" + NEW_MASTERCARD);
    String afterwards = browser.get(location(replaced)).body();

    assertThat(details).contains("Replace card", "VISA **** 4242");
    assertThat(form).contains("Subscription " + number + " is paid with VISA **** 4242.",
        "Add a new card", "Card number", "Security code")
        .doesNotContain("name=\"choice\" value=\"" + cardId(partner, number) + "\"");
    assertThat(replaced.statusCode()).isEqualTo(302);
    assertThat(location(replaced)).endsWith("/portal/subscriptions/" + number);
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(afterwards).contains("The card was replaced: the subscription is paid with "
        + "MASTERCARD **** 4444 from now on.", "<dd>MASTERCARD **** 4444</dd>")
        .doesNotContain("5555555555554444", "5555 5555");
    assertThat(subscription(partner, number).get("paymentMethod").get("lastFour").asText())
        .isEqualTo("4444");
    assertThat(get(partner, "/api/payment-methods").body()).as("one new card, not two")
        .hasSize(2);
    assertThat(inboxKinds(partner).stream().filter("PAYMENT_METHOD_REPLACED"::equals))
        .as("told once").hasSize(1);
  }

  @Test
  @DisplayName("R25 R19 Replace card with an invalid card or one the provider refuses: the page says why in Spanish (422, 402), naming the field, and the subscription keeps its card")
  void shouldRefuseAnInvalidCardInSpanish() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "es-ES");
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    PortalBrowser browser = browser(partner);

    String form = browser.get("/portal/subscriptions/" + number + "/card").body();
    HttpResponse<String> invalid = browser.submit("/portal/subscriptions/" + number + "/card",
        form, "choice=new&number=4242424242424241&expiryMonth=12&expiryYear=2035&cvc=123");
    HttpResponse<String> refused = browser.submit("/portal/subscriptions/" + number + "/card",
        form, "choice=new&number=4000000000000002&expiryMonth=12&expiryYear=2035&cvc=123");

    assertThat(form).contains("Reemplazar tarjeta", "Agregar una tarjeta nueva",
        "La suscripción " + number + " se paga con VISA **** 4242.");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body()).contains("role=\"alert\"", "El número de tarjeta no es válido.",
        "Número de tarjeta").doesNotContain("4242424242424241");
    assertThat(refused.statusCode()).isEqualTo(402);
    assertThat(refused.body()).contains("Se ha rechazado el pago:")
        .doesNotContain("4000000000000002");
    assertThat(subscription(partner, number).get("paymentMethod").get("lastFour").asText())
        .isEqualTo("4242");
    assertThat(get(partner, "/api/payment-methods").body()).hasSize(1);
    assertThat(inboxKinds(partner)).doesNotContain("PAYMENT_METHOD_REPLACED");
  }

  @Test
  @DisplayName("R25 R19 a cancelled subscription's card cannot be replaced: no link, and the page says why in Chinese (409)")
  void shouldRefuseAnEndedSubscriptionInChinese() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "zh-CN");
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    PortalBrowser browser = browser(partner);
    String form = browser.get("/portal/subscriptions/" + number + "/card").body();
    jdbc.update("update subscription set status = 'CANCELLED' where number = ?", number);

    String details = browser.get("/portal/subscriptions/" + number).body();
    HttpResponse<String> page = browser.get("/portal/subscriptions/" + number + "/card");
    HttpResponse<String> posted = browser.submit("/portal/subscriptions/" + number + "/card",
        form, "choice=new&" + NEW_MASTERCARD);

    assertThat(details).doesNotContain("更换卡");
    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).contains("订阅已取消或已关闭，无法再更换其卡。")
        .doesNotContain("name=\"choice\"");
    assertThat(posted.statusCode()).isEqualTo(409);
    assertThat(subscription(partner, number).get("paymentMethod").get("lastFour").asText())
        .isEqualTo("4242");
    assertThat(get(partner, "/api/payment-methods").body()).as("no card stored").hasSize(1);
  }

  @Test
  @DisplayName("R23 R25 another partner's subscription: Replace card is the not-found page, and posting to it changes nothing")
  void shouldNotReplaceAnotherPartnersCard() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin owner = newMember();
    String number = subscribe(owner, "4242424242424242").get("number").asText();
    PartnerLogin other = newMember();
    subscribe(other, "5555555555554444");
    PortalBrowser intruder = browser(other);
    String othersCard = get(other, "/api/payment-methods").body().get(0).get("id").asText();

    HttpResponse<String> page = intruder.get("/portal/subscriptions/" + number + "/card");
    String ownForm = intruder.get("/portal/offers").body();
    HttpResponse<String> posted = intruder.post("/portal/subscriptions/" + number + "/card",
        ownForm, "choice=" + othersCard);
    HttpResponse<String> withNewCard = intruder.post("/portal/subscriptions/" + number
        + "/card", ownForm, "choice=new&" + NEW_MASTERCARD);

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).doesNotContain(number, "VISA");
    assertThat(posted.statusCode()).isEqualTo(404);
    assertThat(withNewCard.statusCode()).isEqualTo(404);
    assertThat(subscription(owner, number).get("paymentMethod").get("lastFour").asText())
        .isEqualTo("4242");
    assertThat(get(other, "/api/payment-methods").body()).as("no card stored").hasSize(1);
  }

  private String cardId(PartnerLogin partner, String number) {
    return subscription(partner, number).get("paymentMethod").get("id").asText();
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private PortalBrowser browser(PartnerLogin partner) throws Exception {
    PortalBrowser browser = new PortalBrowser(port);
    browser.signIn(partner);
    return browser;
  }
}
