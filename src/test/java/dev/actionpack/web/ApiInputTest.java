package dev.actionpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.LifecycleTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * What the partner API takes (R23): every number and string bounded before use, JSON types
 * strict, control characters refused, bodies limited in size; every refusal a problem body that
 * names the fields at fault and repeats nothing the client sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiInputTest extends LifecycleTest {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  @LocalServerPort
  private int port;

  @Test
  @DisplayName("R23 an amount of 1e999999999 in a purchase or a manual renewal: 422 naming the field, at once, nothing ordered")
  void shouldRefuseAnAbsurdAmountAtOnce() throws Exception {
    PartnerLogin partner = newMember();
    for (Object amount : List.of("1e999999999", new java.math.BigDecimal("1e999999999"),
        new java.math.BigDecimal("475.001"), new java.math.BigDecimal("12345678901234"),
        new java.math.BigDecimal("-475.00"))) {
      Map<String, Object> body = new HashMap<>(purchaseWithCard("4242424242424242"));
      body.put("reviewedPrice", Map.of("amount", amount, "currency", "USD"));

      RawAnswer answer = send(partner, "POST", "/api/purchases", json.writeValueAsString(body));

      assertThat(answer.status()).as("amount %s", amount).isEqualTo(422);
      assertThat(fields(answer)).as("amount %s", amount).contains("reviewedPrice.amount");
    }
    clockAt("2027-03-10T10:00:00Z");
    String number = subscribe(newMember(), "4242424242424242").get("number").asText();
    RawAnswer renewal = send(partner, "POST", "/api/subscriptions/" + number + "/renewals",
        "{\"offerCode\":\"ACTION_PACK\",\"termsAccepted\":true,\"termsVersion\":\""
            + TERMS_VERSION + "\",\"paymentMethodId\":\"c0a80121-7ac0-4e1b-9f3a-000000000001\","
            + "\"reviewedPrice\":{\"amount\":1e999999999,\"currency\":\"USD\"}}");
    assertThat(renewal.status()).isEqualTo(422);
    assertThat(get(partner, "/api/orders").body()).isEmpty();
  }

  @Test
  @DisplayName("R23 numbers and strings are limited at the parser, bodies in size, nesting in depth")
  void shouldLimitNumbersStringsBodiesAndNesting() throws Exception {
    PartnerLogin partner = newMember();
    String longNumber = "4".repeat(2000);
    RawAnswer number = send(partner, "POST", "/api/purchases", "{\"offerCode\":\"ACTION_PACK\","
        + "\"reviewedPrice\":{\"amount\":" + longNumber + ",\"currency\":\"USD\"}}");
    assertThat(number.status()).isBetween(400, 422);
    assertThat(number.contentType()).startsWith("application/problem+json");
    assertThat(number.body()).doesNotContain(longNumber.substring(0, 50));

    RawAnswer big = send(partner, "POST", "/api/service-requests",
        "{\"description\":\"" + "x".repeat(2_000_000) + "\"}");
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.contentType()).startsWith("application/problem+json");

    RawAnswer deep = send(partner, "POST", "/api/purchases", "[".repeat(5000)
        + "]".repeat(5000));
    assertThat(deep.status()).isBetween(400, 422);
    assertThat(deep.contentType()).startsWith("application/problem+json");
  }

  @Test
  @DisplayName("R23 R10 wrong JSON types are refused with 422 naming the field: \"false\" is not false, \"12\" is not 12, 12.5 is not a month")
  void shouldRefuseWrongJsonTypes() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();

    RawAnswer off = send(partner, "PUT", "/api/subscriptions/" + number + "/auto-renewal",
        "{\"enabled\":\"false\"}");
    assertThat(off.status()).isEqualTo(422);
    assertThat(fields(off)).containsExactly("enabled");
    assertThat(subscription(partner, number).get("autoRenewal").asBoolean()).isTrue();

    for (String month : List.of("\"12\"", "12.5", "true")) {
      RawAnswer card = send(newMember(), "POST", "/api/payment-methods",
          "{\"number\":\"4242424242424242\",\"expiryMonth\":" + month
              + ",\"expiryYear\":2035,\"cvc\":\"123\"}");
      assertThat(card.status()).as("expiryMonth %s", month).isEqualTo(422);
      assertThat(fields(card)).as("expiryMonth %s", month).containsExactly("expiryMonth");
    }
    RawAnswer text = send(newMember(), "POST", "/api/payment-methods",
        "{\"number\":4242424242424242,\"expiryMonth\":12,\"expiryYear\":2035,\"cvc\":\"123\"}");
    assertThat(text.status()).isEqualTo(422);
    assertThat(fields(text)).containsExactly("number");
  }

  @Test
  @DisplayName("R23 R15 control characters are refused with 422 naming the field, and every bad field of a request is named at once; nothing is stored")
  void shouldRefuseControlCharactersAndNameEveryBadField() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();

    RawAnswer nul = openRequest(partner, number, "Please\u0000cancel", "Pat Partner");
    assertThat(nul.status()).isEqualTo(422);
    assertThat(fields(nul)).containsExactly("description");
    RawAnswer bell = openRequest(partner, number, "Please cancel", "Pat\u0007Partner");
    assertThat(bell.status()).isEqualTo(422);
    assertThat(fields(bell)).containsExactly("contact.name");
    RawAnswer newline = openRequest(partner, number, "Please cancel", "Pat\nPartner");
    assertThat(fields(newline)).as("a line break in a one-line field").containsExactly(
        "contact.name");

    RawAnswer many = send(partner, "POST", "/api/service-requests", json.writeValueAsString(
        Map.of("problemType", "NO_SUCH_TYPE", "description", "Please cancel",
            "contact", Map.of("name", "Pat", "email", "not-an-address",
                "phone", "+1 425 555 0100", "preferredLanguage", "fr-FR"))));
    assertThat(many.status()).isEqualTo(422);
    assertThat(fields(many)).contains("problemType", "subscriptionNumber", "contact.email",
        "contact.preferredLanguage");
    assertThat(many.body()).doesNotContain("NO_SUCH_TYPE", "not-an-address");

    assertThat(get(partner, "/api/service-requests").body()).isEmpty();
  }

  @Test
  @DisplayName("R23 every error on /api is problem+json, odd paths are a quiet 400, and no client input is repeated")
  void shouldAnswerEveryErrorWithAProblemBody(CapturedOutput output) throws Exception {
    PartnerLogin partner = newMember();
    List<RawAnswer> answers = new ArrayList<>();
    answers.add(send(partner, "GET", "/api/no-such-thing", null));
    answers.add(send(partner, "DELETE", "/api/orders", null));
    answers.add(send(partner, "GET", "/api/orders/ORD-secret-marker-7731", null));
    answers.add(send(partner, "GET", "/api/subscriptions/AP-secret-marker-7731", null));
    answers.add(send(partner, "POST", "/api/purchases", "{not json"));
    answers.add(sendRaw("POST /api/purchases HTTP/1.1", "Content-Type: text/plain", "hello"));
    answers.add(sendRaw("GET /api/orders/%ZZ HTTP/1.1", null, null));
    answers.add(sendRaw("GET /api/orders/..;/offers/available HTTP/1.1", null, null));
    answers.add(sendRaw("GET /engine-rest/..;/api/orders HTTP/1.1", null, null));
    answers.add(sendRaw("GET /api/orders/%2e%2e%2fsecret-marker-7731 HTTP/1.1", null, null));
    answers.add(sendRaw("GET /api/orders;jsessionid=secret-marker-7731 HTTP/1.1", null, null));
    for (RawAnswer answer : answers) {
      assertThat(answer.status()).as(answer.request()).isBetween(400, 499);
      assertThat(answer.contentType()).as(answer.request())
          .startsWith("application/problem+json");
      assertThat(answer.body()).as(answer.request()).doesNotContain("secret-marker", "<html");
    }
    assertThat(answers.subList(6, answers.size()))
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.request()).isEqualTo(400));

    purchase(partner, purchaseWithCard("4242424242424242"), "key-secret-marker-7731");
    Response reused = exchange(partner, HttpMethod.POST, "/api/purchases",
        purchaseWithCard("5555555555554444"), Map.of("Idempotency-Key", "key-secret-marker-7731"));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.entity().getBody()).doesNotContain("secret-marker");

    assertThat(output.getAll()).doesNotContain("RequestRejectedException",
        "at org.springframework.security.web.firewall");
  }

  private RawAnswer openRequest(PartnerLogin partner, String subscription, String description,
      String contactName) throws Exception {
    return send(partner, "POST", "/api/service-requests", json.writeValueAsString(Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION",
        "subscriptionNumber", subscription, "description", description,
        "contact", Map.of("name", contactName, "email", "pat@contoso.example",
            "phone", "+1 425 555 0100", "preferredLanguage", "en-US"))));
  }

  private static List<String> fields(RawAnswer answer) throws IOException {
    List<String> fields = new ArrayList<>();
    JsonNode errors = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body())
        .get("errors");
    if (errors != null) {
      errors.forEach(error -> fields.add(error.get("field").asText()));
    }
    return fields;
  }

  private RawAnswer send(PartnerLogin partner, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + path)).timeout(Duration.ofSeconds(5))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (partner.username() + ":" + partner.password()).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = CLIENT.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return new RawAnswer(method + " " + path, response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  /** A request line sent as written, for paths no HTTP client library would send. */
  private RawAnswer sendRaw(String requestLine, String contentType, String body)
      throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(5000);
      StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n")
          .append("Connection: close\r\n");
      if (contentType != null) {
        request.append("Content-Type: ").append(contentType).append("\r\n");
      }
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String head = raw.contains("\r\n\r\n") ? raw.substring(0, raw.indexOf("\r\n\r\n")) : raw;
      int status = Integer.parseInt(head.split(" ")[1]);
      String type = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
          .map(line -> line.substring(13).strip()).findFirst().orElse("");
      return new RawAnswer(requestLine, status, type, raw.substring(head.length()));
    }
  }

  record RawAnswer(String request, int status, String contentType, String body) {}
}
