package dev.actionpack.payment.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.actionpack.domain.Refusal;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint: {@code POST /webhooks/stripe}, outside the partner API (Stripe
 * signs, it does not sign in). An event whose signature does not verify with the endpoint's
 * secret, or that was signed longer ago than the tolerance, is refused (4xx) and changes
 * nothing; one already taken answers 200 again and changes nothing.
 */
@RestController
@ConditionalOnProperty(name = "actionpack.payment.provider", havingValue = "stripe")
class StripeWebhookController {

  private final StripeSettings settings;
  private final StripeEvents events;

  StripeWebhookController(StripeSettings settings, StripeEvents events) {
    this.settings = settings;
    this.events = events;
  }

  @PostMapping("/webhooks/stripe")
  Map<String, String> receive(@RequestBody String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    Event event;
    try {
      event = Webhook.constructEvent(payload, signature == null ? "" : signature,
          settings.webhookSecret(), settings.webhookTolerance().toSeconds());
    } catch (SignatureVerificationException | RuntimeException unverified) {
      throw new Refusal(Refusal.Kind.INVALID, "invalid-signature", "Invalid signature",
          "Stripe-Signature: this is not a Stripe event signed with this endpoint's secret "
              + "within the last " + settings.webhookTolerance().toMinutes() + " minutes.");
    }
    String outcome;
    try {
      outcome = events.take(event);
    } catch (DuplicateKeyException deliveredTwiceAtOnce) {
      outcome = StripeEvents.REPLAYED;
    }
    return Map.of("event", event.getId(), "outcome", outcome);
  }
}
