package dev.actionpack.payment.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentMethod;
import com.stripe.model.StripeObject;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.process.EngineClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes Stripe's events, each once: the event id is recorded in the transaction that applies
 * it, so a replay is recognised and changes nothing. What an event can change is guarded by its
 * time too: an older event arriving after a newer one changes nothing either.
 *
 * <ul>
 *   <li>{@code payment_method.updated}, {@code payment_method.automatically_updated}: the bank
 *       gave the saved card a new expiry date or number; the card on file takes it, so a renewal
 *       is not refused for an expiry that is no longer true.
 *   <li>{@code charge.dispute.created}: logged for the operators, who answer it at Stripe.
 *   <li>Anything else is recorded and left alone: charges and refunds are known from Stripe's
 *       answers to the calls that made them.
 * </ul>
 */
@Service
@ConditionalOnProperty(name = "actionpack.payment.provider", havingValue = "stripe")
class StripeEvents {

  static final String REPLAYED = "already taken: nothing changed";

  private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

  private final JdbcClient jdbc;
  private final PaymentMethodRepository paymentMethods;

  StripeEvents(JdbcClient jdbc, PaymentMethodRepository paymentMethods) {
    this.jdbc = jdbc;
    this.paymentMethods = paymentMethods;
  }

  @Transactional
  public String take(Event event) {
    boolean taken = jdbc.sql("select count(*) from payment_provider_event where event_id = ?")
        .param(event.getId()).query(Integer.class).single() > 0;
    if (taken) {
      return REPLAYED;
    }
    Instant occurred = Instant.ofEpochSecond(event.getCreated());
    String outcome = switch (event.getType()) {
      case "payment_method.updated", "payment_method.automatically_updated" ->
          cardUpdated(event, occurred);
      case "charge.dispute.created" -> {
        log.warn("Stripe event {}: a dispute was opened; answer it in the Stripe dashboard",
            event.getId());
        yield "dispute logged for the operators";
      }
      default -> "not used: recorded only";
    };
    jdbc.sql("insert into payment_provider_event (event_id, provider, type, occurred_at, "
            + "received_at, outcome) values (?, 'stripe', ?, ?, ?, ?)")
        .params(event.getId(), event.getType(), occurred.atOffset(ZoneOffset.UTC),
            EngineClock.now().atOffset(ZoneOffset.UTC), outcome)
        .update();
    log.info("Stripe event {} ({}): {}", event.getId(), event.getType(), outcome);
    return outcome;
  }

  private String cardUpdated(Event event, Instant occurred) {
    Optional<PaymentMethod> method = dataObject(event)
        .filter(PaymentMethod.class::isInstance).map(PaymentMethod.class::cast)
        .filter(found -> found.getCard() != null);
    if (method.isEmpty()) {
      return "no card in the event: nothing changed";
    }
    PaymentMethod.Card card = method.get().getCard();
    var saved = paymentMethods.findByProviderToken(method.get().getId());
    if (saved.isEmpty()) {
      return "not a saved card: nothing changed";
    }
    boolean updated = false;
    for (var each : saved) {
      updated |= each.updateDetails(StripePaymentProvider.brand(card.getBrand()),
          card.getLast4(), Math.toIntExact(card.getExpMonth()),
          Math.toIntExact(card.getExpYear()), occurred);
    }
    return updated ? "card details updated"
        : "older than the card's details on file: nothing changed";
  }

  private static Optional<StripeObject> dataObject(Event event) {
    var data = event.getDataObjectDeserializer();
    if (data.getObject().isPresent()) {
      return data.getObject();
    }
    try {
      // sent with another API version than this library's: read it as it is
      return Optional.of(data.deserializeUnsafe());
    } catch (EventDataObjectDeserializationException unreadable) {
      return Optional.empty();
    }
  }
}
