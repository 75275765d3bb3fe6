package dev.actionpack.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.LifecycleTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Orders and receipts in the portal: every order of the partner with its receipt, and each
 * refund's credit note, in the partner's language; nothing of another partner's.
 */
class OrdersPageTest extends LifecycleTest {

  @LocalServerPort
  private int port;

  @Test
  @DisplayName("R16 Orders and receipts lists the purchase with its receipt and the prorated refund with its credit note, in Spanish; another partner sees none of it and gets 404 for the documents")
  void shouldListOrdersWithTheirReceiptsAndCreditNotes() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "es-ES");
    String subscription = subscribe(partner, "4242424242424242").get("number").asText();
    clockAt("2027-09-10T10:00:00Z");
    cancelNowWithProratedRefund(partner, subscription);
    JsonNode refund = get(partner, "/api/subscriptions/" + subscription + "/payments").body()
        .get("refunds").get(0);
    String order = refund.get("orderNumber").asText();
    String creditNote = "/portal/orders/" + order + "/refunds/"
        + refund.get("providerRefundId").asText() + "/receipt";
    PortalBrowser browser = new PortalBrowser(port);
    browser.signIn(partner);
    PortalBrowser other = new PortalBrowser(port);
    other.signIn(newMember());

    String page = browser.get("/portal/orders").body();
    HttpResponse<String> note = browser.get(creditNote);
    HttpResponse<String> unknown = browser.get("/portal/orders/" + order
        + "/refunds/re_unknown/receipt");

    assertThat(page).contains("Pedidos y recibos", order, "Compra", "475,00\u00a0US$",
        "Confirmado", "Recibo de " + order + " (PDF)",
        "Reembolso de 236,20\u00a0US$ el 10/09/2027");
    assertThat(note.statusCode()).isEqualTo(200);
    assertThat(note.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    assertThat(note.body()).startsWith("%PDF");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(other.get("/portal/orders").body()).doesNotContain(order);
    assertThat(other.get(creditNote).statusCode()).isEqualTo(404);
    assertThat(other.get("/portal/orders/" + order + "/receipt").statusCode()).isEqualTo(404);
  }
}
