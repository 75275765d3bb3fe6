package dev.actionpack.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.actionpack.support.LifecycleTest;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests of the service on the Stripe provider: one property switches it, the key
 * and webhook secret come as in production, and Stripe's API is a {@link FakeStripe} on a local
 * port. Short timeouts and pauses, so every fault costs a test a second at most.
 */
@TestPropertySource(properties = {
    "actionpack.payment.provider=stripe",
    "actionpack.payment.stripe.api-key=" + FakeStripe.API_KEY,
    "actionpack.payment.stripe.webhook-secret=" + StripeModeTest.WEBHOOK_SECRET,
    "actionpack.payment.stripe.read-timeout=1s",
    "actionpack.payment.stripe.retry-pause=20ms"})
abstract class StripeModeTest extends LifecycleTest {

  static final String WEBHOOK_SECRET = "whsec_localfakesecret";
  static final String INTENTS = "/v1/payment_intents";

  /** Answers "too slowly" after 1.5 s, past the 1 s read timeout. */
  static final FakeStripe stripe = FakeStripe.start(1500);

  @DynamicPropertySource
  static void stripeApi(DynamicPropertyRegistry properties) {
    properties.add("actionpack.payment.stripe.api-base", stripe::baseUrl);
  }

  /** The requests that tried to make a PaymentIntent with this key. */
  static List<LoggedRequest> creates(String key) {
    return stripe.requests("POST", INTENTS).stream()
        .filter(request -> key.equals(request.getHeader("Idempotency-Key"))).toList();
  }

  /** Stripe was asked {@code requests} times, always with the key, and charged once (R7). */
  static void assertChargedOnce(String key, int requests) {
    assertThat(creates(key)).as("requests with key %s", key).hasSize(requests)
        .allSatisfy(create -> assertThat(create.getHeader("Idempotency-Key")).isEqualTo(key));
    assertThat(stripe.intentsWithKey(key)).as("charges made with key %s", key).hasSize(1);
  }

  /** A card as a Stripe client sends it: the payment method the partner entered with Stripe. */
  static Map<String, Object> token(String paymentMethod) {
    return Map.of("paymentMethodToken", paymentMethod);
  }
}
