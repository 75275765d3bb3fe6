package dev.actionpack.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A client of a service started with the {@code harness} profile: the partners' API keys, a
 * purchase as a program sends it, and the harness endpoints.
 */
public final class HarnessClient {

  public static final String PURCHASE = "{\"offerCode\":\"ACTION_PACK\",\"termsAccepted\":true,"
      + "\"termsVersion\":\"MPN-IUR-2017-07\",\"card\":{\"number\":\"4242424242424242\","
      + "\"expiryMonth\":12,\"expiryYear\":2099,\"cvc\":\"123\"},"
      + "\"reviewedPrice\":{\"amount\":475.00,\"currency\":\"USD\"}}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public HarnessClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The "user key" lines LoadPartners wrote. */
  public static List<Partner> partners(Path keysFile) {
    try {
      return Files.readAllLines(keysFile).stream().map(line -> line.split(" "))
          .map(parts -> new Partner(parts[0], parts[1])).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Buys Action Pack as {@code partner}, keyed by the partner (a re-sent request is the same). */
  public Answer purchase(Partner partner, Duration timeout) throws IOException,
      InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(baseUrl + "/api/purchases"))
        .timeout(timeout)
        .header("Authorization", "Bearer " + partner.apiKey())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", "buy-" + partner.username())
        .POST(HttpRequest.BodyPublishers.ofString(PURCHASE)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers().firstValue("Retry-After")
        .orElse(null), response.headers().firstValue("Content-Type").orElse(""),
        read(response.body()));
  }

  public JsonNode state() {
    return call(HttpRequest.newBuilder(URI.create(baseUrl + "/harness/state")).GET());
  }

  public JsonNode advanceClock(int days) {
    return call(HttpRequest.newBuilder(URI.create(baseUrl + "/harness/clock?days=" + days))
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private JsonNode call(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("harness answered " + response.statusCode() + ": "
            + response.body());
      }
      return read(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  public record Partner(String username, String apiKey) {}

  public record Answer(int status, String retryAfter, String contentType, JsonNode body) {}
}
