package dev.actionpack.payment.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's calls over the JDK's {@code java.net.http} client. The library's default,
 * {@code HttpURLConnection}, sends a POST a second time by itself when a kept-alive connection
 * turns out to be closed: a repeat nobody decided on, which hides that an answer was lost. Here
 * every repeat is {@link StripeCalls}'s, with the same key, after looking for the charge.
 */
final class StripeHttp extends HttpClient {

  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> OWN_HEADERS = Set.of("content-length", "connection", "host",
      "expect", "upgrade");

  private final java.net.http.HttpClient http;

  StripeHttp(Duration connectTimeout) {
    this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout)
        .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
  }

  @Override
  public StripeResponse request(StripeRequest request) throws ApiConnectionException {
    try {
      HttpRequest.Builder call = HttpRequest.newBuilder(request.url().toURI())
          .timeout(Duration.ofMillis(request.options().getReadTimeout()));
      HttpHeaders headers = request.headers().withAdditionalHeaders(Map.of(
          "User-Agent", List.of(buildUserAgentString(request)),
          "X-Stripe-Client-User-Agent", List.of(buildXStripeClientUserAgentString())));
      headers.map().forEach((name, values) -> {
        if (!OWN_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(value -> call.header(name, value));
        }
      });
      HttpContent content = request.content();
      if (content == null) {
        call.method(request.method().name(), HttpRequest.BodyPublishers.noBody());
      } else {
        call.header("Content-Type", content.contentType());
        call.method(request.method().name(),
            HttpRequest.BodyPublishers.ofByteArray(content.byteArrayContent()));
      }
      HttpResponse<String> response = http.send(call.build(),
          HttpResponse.BodyHandlers.ofString());
      return new StripeResponse(response.statusCode(),
          HttpHeaders.of(response.headers().map()), response.body());
    } catch (IOException | URISyntaxException e) {
      throw new ApiConnectionException("no answer from Stripe at " + request.url().getHost()
          + ": " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("interrupted while waiting for Stripe", e);
    }
  }
}
