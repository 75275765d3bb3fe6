package dev.actionpack.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.DebianPackages;
import dev.actionpack.support.LifecycleTest;
import dev.actionpack.support.PdfText;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Receipts of charged orders and refunds, downloaded as a partner's client would. */
class ReceiptApiTest extends LifecycleTest {


  @Test
  @DisplayName("A purchase's receipt downloads as a PDF attachment naming the order, partner, term, amount and card")
  void shouldDownloadPurchaseReceipt() throws IOException {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "en-US");
    String subscription = subscribe(partner, "4242424242424242").get("number").asText();
    String order = orderNumber(partner, "PURCHASE");

    ResponseEntity<byte[]> receipt = download(partner, "/api/orders/" + order + "/receipt");

    assertThat(receipt.getStatusCode().value()).isEqualTo(200);
    assertThat(receipt.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(receipt.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"receipt-" + order + ".pdf\"");
    String text = PdfText.of(receipt.getBody());
    PdfText.assertWritten(text, "Receipt", "Receipt date March 10, 2027 (UTC)",
        "Order number " + order, "Order type Purchase", "Subscription " + subscription,
        "Billed to Partner " + partner.username(), partner.username() + "@partners.example",
        "Microsoft Action Pack", "Term 1: March 10, 2027 (UTC) to March 10, 2028 (UTC)",
        "$475.00", "Taxes (none) $0.00", "Total paid $475.00", "Paid with VISA **** 4242",
        "Payment provider charge ID " + payments(partner, subscription).get("charges").get(0)
            .get("providerChargeId").asText());
  }

  @Test
  @DisplayName("An anniversary renewal's receipt is in the partner's Chinese and names the second term")
  void shouldDownloadRenewalReceipt() throws IOException {
    DebianPackages.requireCjkFont();
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "zh-CN");
    subscribe(partner, "5555555555554444");
    jobs().advanceTo(Instant.parse("2028-03-11T00:00:00Z"));
    String renewal = orderNumber(partner, "AUTO_RENEWAL");

    ResponseEntity<byte[]> receipt = download(partner, "/api/orders/" + renewal + "/receipt");

    assertThat(receipt.getStatusCode().value()).isEqualTo(200);
    PdfText.assertWritten(PdfText.of(receipt.getBody()), "收据",
        "订单号 " + renewal, "订单类型 自动续订", "收据日期 2028年3月10日（UTC）",
        "第 2 期：2028年3月10日（UTC） 至 2029年3月10日（UTC）", "实付总额 US$475.00",
        "税费（无） US$0.00", "支付方式 MASTERCARD **** 4444");
  }

  @Test
  @DisplayName("R16 a prorated refund after a support cancellation has a credit note; wrong ids and other partners get 404")
  void shouldDownloadRefundReceipt() throws IOException {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "es-ES");
    String subscription = subscribe(partner, "4242424242424242").get("number").asText();
    clockAt("2027-09-10T10:00:00Z");
    cancelNowWithProratedRefund(partner, subscription);
    JsonNode refund = payments(partner, subscription).get("refunds").get(0);
    String order = refund.get("orderNumber").asText();
    String refundId = refund.get("providerRefundId").asText();
    String path = "/api/orders/" + order + "/refunds/" + refundId + "/receipt";

    ResponseEntity<byte[]> receipt = download(partner, path);

    assertThat(receipt.getStatusCode().value()).isEqualTo(200);
    assertThat(receipt.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(receipt.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"refund-receipt-" + order + "-" + refundId + ".pdf\"");
    PdfText.assertWritten(PdfText.of(receipt.getBody()),
        "Recibo de reembolso (nota de crédito)", "Fecha del reembolso 10/09/2027 (UTC)",
        "Pedido original " + order, "Reembolso del pedido " + order,
        "Total reembolsado 236,20 US$", "Impuestos (ninguno) 0,00 US$",
        "Reembolsado a VISA **** 4242", "ID del reembolso en el proveedor de pagos " + refundId,
        "Importe pagado con el pedido original 475,00 US$");
    // the charge still has its receipt
    assertThat(download(partner, "/api/orders/" + order + "/receipt").getStatusCode().value())
        .isEqualTo(200);

    assertNotFound(download(newMember(), path));
    assertNotFound(download(partner, "/api/orders/" + order + "/refunds/re_unknown/receipt"));
    assertNotFound(download(partner, "/api/orders/AP-O-0/refunds/" + refundId + "/receipt"));
  }

  @Test
  @DisplayName("Another partner's order and an unknown order have no receipt: 404 problem")
  void shouldHideOtherPartnersReceipts() throws IOException {
    PartnerLogin owner = newMember();
    subscribe(owner, "4242424242424242");
    String order = orderNumber(owner, "PURCHASE");

    assertNotFound(download(newMember(), "/api/orders/" + order + "/receipt"));
    assertNotFound(download(owner, "/api/orders/AP-O-0/receipt"));
    assertThat(download(null, "/api/orders/" + order + "/receipt").getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("A pending or declined order has no receipt: 409 problem")
  void shouldRefuseReceiptOfUnchargedOrder() throws IOException {
    PartnerLogin partner = newMember();
    Response placed = purchase(partner, purchaseWithCard("4000000000000341"), null);
    String order = placed.body().get("number").asText();
    String path = "/api/orders/" + order + "/receipt";

    assertNoReceipt(download(partner, path), "PENDING");
    jobs().runDue();
    assertThat(get(partner, "/api/orders/" + order).body().get("status").asText())
        .isEqualTo("DECLINED");
    assertNoReceipt(download(partner, path), "DECLINED");
  }

  private void assertNotFound(ResponseEntity<byte[]> response) throws IOException {
    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(json.readTree(response.getBody()).get("type").asText()).endsWith("not-found");
  }

  private void assertNoReceipt(ResponseEntity<byte[]> response, String status)
      throws IOException {
    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("type").asText()).endsWith("no-receipt");
    assertThat(problem.get("orderStatus").asText()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).contains("no receipt");
  }

  /** A GET as a client that asks for the PDF, reading the body as bytes whatever it is. */
  private ResponseEntity<byte[]> download(PartnerLogin login, String path) {
    HttpHeaders headers = new HttpHeaders();
    if (login != null) {
      headers.setBasicAuth(login.username(), login.password());
    }
    headers.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private String orderNumber(PartnerLogin partner, String kind) {
    for (JsonNode order : get(partner, "/api/orders").body()) {
      if (order.get("kind").asText().equals(kind)
          && order.get("status").asText().equals("CONFIRMED")) {
        return order.get("number").asText();
      }
    }
    throw new AssertionError("no confirmed " + kind + " order");
  }

  private JsonNode payments(PartnerLogin partner, String subscription) {
    return get(partner, "/api/subscriptions/" + subscription + "/payments").body();
  }
}
