package dev.actionpack.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.support.LifecycleTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seed's purchase steps in the portal: Subscribe now, accept the terms, add a payment
 * method, review ("charged immediately"), Purchase, the order confirmed, Close; a decline shown
 * with its reason; Renew subscription with the same steps and a saved card. No card number is
 * ever in a page after it was typed.
 */
class CheckoutPagesTest extends LifecycleTest {

  private static final Pattern ORDER = Pattern.compile("/portal/orders/(ORD-\\d+)");

  @LocalServerPort
  private int port;

  @Test
  @DisplayName("R1 R2 R3 R4 R7 Subscribe now: terms, a new card, review, Purchase, confirmed; refusals on the step's page; Purchase twice is one order")
  void shouldSubscribeInSteps() throws Exception {
    PartnerLogin partner = newPartner(true, "en-US");
    PortalBrowser browser = browser(partner);

    String terms = browser.get("/portal/offers/ACTION_PACK/subscribe").body();
    HttpResponse<String> notAccepted = browser.submit("/portal/checkout/terms", terms,
        "accepted=false");
    String payment = browser.submit("/portal/checkout/terms", terms, "accepted=true").body();
    HttpResponse<String> badCard = browser.submit("/portal/checkout/payment", payment,
        "choice=new&number=4242424242424241&expiryMonth=12&expiryYear=2035&cvc=123");
    HttpResponse<String> review = browser.submit("/portal/checkout/payment", payment,
        "choice=new&number=4242+4242+4242+4242&expiryMonth=12&expiryYear=2035&cvc=123"
            + "&holderName=Pat");
    HttpResponse<String> purchased = browser.submit("/portal/checkout/purchase", review.body(),
        "");
    HttpResponse<String> again = browser.submit("/portal/checkout/purchase", review.body(), "");
    String pending = browser.get(location(purchased)).body();
    jobs().runDue();
    String confirmed = browser.get(location(purchased)).body();

    assertThat(terms).contains("Terms and conditions", "MPN-IUR-2017-07", "Next");
    assertThat(notAccepted.statusCode()).isEqualTo(422);
    assertThat(notAccepted.body()).contains("Accept the terms and conditions to go on.");
    assertThat(payment).contains("Get started! Add a payment method", "Card number");
    assertThat(badCard.statusCode()).isEqualTo(422);
    assertThat(badCard.body()).contains("The card number is not valid.")
        .doesNotContain("4242424242424241");
    assertThat(review.body()).contains("Review the order", "VISA **** 4242",
        "$475.00 a year", "your card is charged $475.00 immediately", "Purchase")
        .doesNotContain("4242424242424242", "4242 4242");
    assertThat(location(purchased)).matches(".*/portal/orders/ORD-\\d+");
    assertThat(location(again)).as("the same flow is the same order").isEqualTo(
        location(purchased));
    assertThat(pending).contains("The payment is being processed.");
    Matcher order = ORDER.matcher(location(purchased));
    assertThat(order.find()).isTrue();
    assertThat(confirmed).contains("Your order " + order.group(1) + " is confirmed: $475.00",
        "renews automatically each year", "Close");
    assertThat(get(partner, "/api/orders").body()).hasSize(1);
    assertThat(get(partner, "/api/subscriptions").body().get(0).get("status").asText())
        .isEqualTo("ACTIVE");
    assertThat(confirmed).contains("Download the receipt (PDF)");
    HttpResponse<String> receipt = browser.get("/portal/orders/" + order.group(1) + "/receipt");
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    assertThat(receipt.body()).startsWith("%PDF");
    assertThat(browser(newMember()).get("/portal/orders/" + order.group(1) + "/receipt")
        .statusCode()).as("another partner's receipt").isEqualTo(404);
  }

  @Test
  @DisplayName("R4 a declined card: the order page says why, in Spanish, and nothing is active")
  void shouldShowADecline() throws Exception {
    PartnerLogin partner = newPartner(true, "es-ES");
    PortalBrowser browser = browser(partner);

    String terms = browser.get("/portal/offers/ACTION_PACK/subscribe").body();
    String payment = browser.submit("/portal/checkout/terms", terms, "accepted=true").body();
    String review = browser.submit("/portal/checkout/payment", payment,
        "choice=new&number=4000000000000341&expiryMonth=12&expiryYear=2035&cvc=123").body();
    HttpResponse<String> purchased = browser.submit("/portal/checkout/purchase", review, "");
    jobs().runDue();
    String declined = browser.get(location(purchased)).body();

    assertThat(review).contains("Revisar el pedido", "475,00\u00a0US$", "de inmediato");
    assertThat(declined).contains("Se ha rechazado el pago: el emisor de la tarjeta ha "
        + "rechazado el pago.");
    assertThat(get(partner, "/api/subscriptions").body()).isEmpty();
  }

  @Test
  @DisplayName("R13 R10 Renew subscription after turning auto-renewal off: the same steps with the saved card, auto-renewal on again")
  void shouldRenewWithTheSameSteps() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "zh-CN");
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    turnAutoRenewal(partner, number, false);
    PortalBrowser browser = browser(partner);

    String details = browser.get("/portal/subscriptions/" + number).body();
    String terms = browser.get("/portal/subscriptions/" + number + "/renew").body();
    String payment = browser.submit("/portal/checkout/terms", terms, "accepted=true").body();
    String savedCard = firstChoice(payment, "choice");
    String review = browser.submit("/portal/checkout/payment", payment, "choice="
        + savedCard).body();
    HttpResponse<String> renewed = browser.submit("/portal/checkout/purchase", review, "");
    jobs().runDue();
    String confirmed = browser.get(location(renewed)).body();

    assertThat(details).contains("续订订阅");
    assertThat(terms).contains("续订订阅", "条款和条件");
    assertThat(review).contains("VISA **** 4242", "US$475.00");
    assertThat(confirmed).contains("已确认");
    assertThat(subscription(partner, number).get("autoRenewal").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("A checkout step sent without its offer, with a blank or an unknown one, is the not-found page in HTML; a field that does not bind is the portal's 400 page, not the API's JSON; nothing is bought")
  void shouldAnswerAStepWithoutItsOfferWithThePage() throws Exception {
    PartnerLogin partner = newPartner(true, "en-US");
    PortalBrowser browser = browser(partner);
    String terms = browser.get("/portal/offers/ACTION_PACK/subscribe").body();

    for (String fields : List.of("accepted=true", "accepted=true&offer=",
        "accepted=true&offer=NOPE")) {
      for (String step : List.of("/portal/checkout/terms", "/portal/checkout/payment",
          "/portal/checkout/purchase")) {
        HttpResponse<String> answer = browser.post(step, terms, fields);
        assertThat(answer.statusCode()).as("%s with %s", step, fields).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
            .startsWith("text/html");
        assertThat(answer.body()).contains("There is nothing here for your account.");
      }
    }
    // a field that does not bind (a box is checked or not) is the portal's page, not JSON
    HttpResponse<String> unbound = browser.post("/portal/checkout/terms", terms,
        "accepted=maybe&offer=ACTION_PACK");
    assertThat(unbound.statusCode()).isEqualTo(400);
    assertThat(unbound.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
    assertThat(unbound.body()).contains("This request cannot be done.", "Partner Center")
        .doesNotContain("\"status\":", "Exception");
    assertThat(get(partner, "/api/orders").body()).isEmpty();
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  /** The value of the first radio button named {@code name}. */
  private static String firstChoice(String page, String name) {
    Matcher radio = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
    assertThat(radio.find()).as("a saved card to choose").isTrue();
    return radio.group(1);
  }

  private PortalBrowser browser(PartnerLogin partner) throws Exception {
    PortalBrowser browser = new PortalBrowser(port);
    browser.signIn(partner);
    return browser;
  }
}
