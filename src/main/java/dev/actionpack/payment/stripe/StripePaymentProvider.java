package dev.actionpack.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.RefundCreateParams;
import dev.actionpack.payment.CardBrand;
import dev.actionpack.payment.CardDeclinedException;
import dev.actionpack.payment.CardNotAcceptedException;
import dev.actionpack.payment.DeclineCode;
import dev.actionpack.payment.IdempotencyKeyReusedException;
import dev.actionpack.payment.NewCard;
import dev.actionpack.payment.PaymentGateway;
import dev.actionpack.payment.PaymentProviderException;
import dev.actionpack.payment.ProviderCard;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Stripe behind the payment port, mapped for "charge now, then once a year without the partner":
 * a Customer per partner ({@link StripeCustomers}); the partner's payment method, entered with
 * Stripe (the service never sees a number), attached to it; every charge a confirmed
 * PaymentIntent with the order's idempotency key (R7) and metadata naming the order,
 * subscription and term; renewals and their retries off session.
 *
 * <p>Faults: a timeout, a reset connection, a 5xx, a 409 or a 429 is tried again, at most
 * {@link StripeSettings#attempts()} times within {@link StripeSettings#callBudget()}, with the
 * same key. Before each charge, the first included, the adapter looks for a PaymentIntent the
 * key already made (the customer's intents, by the {@code charge_key} metadata): an answer lost
 * on the way back, or a charge made by another node, is found, not made again, even once
 * Stripe has forgotten the key (after 24 hours). Past the attempts the outcome stays unknown: a
 * {@link PaymentProviderException}, and the engine's job retries later the same way.
 */
@Component
@ConditionalOnProperty(name = "actionpack.payment.provider", havingValue = "stripe")
class StripePaymentProvider implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

  private final StripeClient stripe;
  private final StripeCalls calls;
  private final StripeCustomers customers;

  StripePaymentProvider(StripeSettings settings, StripeCustomers customers) {
    this.stripe = StripeCalls.client(settings);
    this.calls = new StripeCalls(settings);
    this.customers = customers;
  }

  @Override
  public String provider() {
    return "stripe";
  }

  @Override
  public Class<ProviderCard> takes() {
    return ProviderCard.class;
  }

  /** Attaches the partner's payment method to their customer, which is made on first use. */
  @Override
  public CardToken store(UUID partnerId, NewCard card) {
    String token = ((ProviderCard) card).paymentMethodToken();
    String customer = customers.of(partnerId, stripe, calls);
    PaymentMethod method = calls.run("retrieve payment method", () -> {
      try {
        return stripe.v1().paymentMethods().retrieve(token);
      } catch (InvalidRequestException missing) {
        throw new CardNotAcceptedException("Stripe has no such payment method");
      }
    });
    if (method.getCard() == null) {
      throw new CardNotAcceptedException("the payment method is not a card");
    }
    if (method.getCustomer() != null && !method.getCustomer().equals(customer)) {
      throw new CardNotAcceptedException("the payment method belongs to another customer");
    }
    if (method.getCustomer() == null) {
      method = calls.run("attach payment method", () -> {
        try {
          return stripe.v1().paymentMethods().attach(token,
              PaymentMethodAttachParams.builder().setCustomer(customer).build(),
              keyed("attach-" + token + "-" + customer));
        } catch (CardException refused) {
          throw new CardDeclinedException(declineCode(refused.getCode(),
              refused.getDeclineCode()));
        }
      });
    }
    PaymentMethod.Card details = method.getCard();
    return new CardToken(method.getId(), customer, brand(details.getBrand()),
        details.getLast4(), Math.toIntExact(details.getExpMonth()),
        Math.toIntExact(details.getExpYear()));
  }

  @Override
  public ChargeResult charge(ChargeRequest request) {
    if (request.customerId() == null) {
      throw new PaymentProviderException("card " + request.cardToken() + " was not stored "
          + "with Stripe: the partner has to give it again");
    }
    return calls.run("charge " + request.idempotencyKey(), () -> {
      Optional<PaymentIntent> earlier = madeBefore(request);
      if (earlier.isPresent()) {
        log.info("Charge {} found at Stripe as {}: not made again", request.idempotencyKey(),
            earlier.get().getId());
        return outcome(request, earlier.get());
      }
      try {
        return outcome(request, stripe.v1().paymentIntents().create(intent(request),
            keyed(request.idempotencyKey())));
      } catch (CardException declined) {
        StripeError error = declined.getStripeError();
        String intentId = error != null && error.getPaymentIntent() != null
            ? error.getPaymentIntent().getId() : declined.getCharge();
        return declined(intentId == null ? declined.getRequestId() : intentId,
            declineCode(declined.getCode(), declined.getDeclineCode()));
      } catch (IdempotencyException reused) {
        if (reused.getStatusCode() != null && reused.getStatusCode() == 409) {
          throw reused; // the same key is still being processed: ask again
        }
        throw new IdempotencyKeyReusedException(request.idempotencyKey());
      }
    });
  }

  @Override
  public RefundResult refund(RefundRequest request) {
    Refund refund = calls.run("refund " + request.idempotencyKey(), () -> {
      try {
        return stripe.v1().refunds().create(RefundCreateParams.builder()
            .setPaymentIntent(request.chargeId())
            .setAmount(minorUnits(request.amount(), request.currency()))
            .putMetadata("refund_key", request.idempotencyKey())
            .build(), keyed(request.idempotencyKey()));
      } catch (IdempotencyException reused) {
        throw new IdempotencyKeyReusedException(request.idempotencyKey());
      } catch (InvalidRequestException refused) {
        throw new PaymentProviderException("Stripe refused the refund: " + refused.getCode());
      }
    });
    return new RefundResult(refund.getId(),
        BigDecimal.valueOf(refund.getAmount(), fractionDigits(request.currency())));
  }

  private static PaymentIntentCreateParams intent(ChargeRequest request) {
    PaymentIntentCreateParams.Builder intent = PaymentIntentCreateParams.builder()
        .setAmount(minorUnits(request.amount(), request.currency()))
        .setCurrency(request.currency().toLowerCase(Locale.ROOT))
        .setCustomer(request.customerId())
        .setPaymentMethod(request.cardToken())
        .addPaymentMethodType("card")
        .setConfirm(true)
        .setOffSession(request.offSession())
        .setDescription(request.description())
        .putAllMetadata(request.metadata())
        .putMetadata("charge_key", request.idempotencyKey());
    if (!request.offSession()) {
      // the partner is here: the bank's confirmation now also covers the renewals to come
      intent.setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION);
    }
    return intent.build();
  }

  /** The customer's PaymentIntent that this key made, if an earlier attempt made one. */
  private Optional<PaymentIntent> madeBefore(ChargeRequest request) throws StripeException {
    PaymentIntentListParams.Builder page = PaymentIntentListParams.builder()
        .setCustomer(request.customerId()).setLimit(100L);
    while (true) {
      StripeCollection<PaymentIntent> intents = stripe.v1().paymentIntents().list(page.build());
      for (PaymentIntent intent : intents.getData()) {
        Map<String, String> metadata = intent.getMetadata();
        if (metadata != null && request.idempotencyKey().equals(metadata.get("charge_key"))) {
          return Optional.of(intent);
        }
      }
      if (!Boolean.TRUE.equals(intents.getHasMore()) || intents.getData().isEmpty()) {
        return Optional.empty();
      }
      page.setStartingAfter(intents.getData().get(intents.getData().size() - 1).getId());
    }
  }

  /** What a PaymentIntent's state means for the charge; one still in flight is asked again. */
  private static ChargeResult outcome(ChargeRequest request, PaymentIntent intent) {
    if (intent.getAmount() != minorUnits(request.amount(), request.currency())
        || !request.currency().equalsIgnoreCase(intent.getCurrency())
        || !request.cardToken().equals(intent.getPaymentMethod())) {
      throw new IdempotencyKeyReusedException(request.idempotencyKey());
    }
    switch (intent.getStatus()) {
      case "succeeded":
        log.info("Charge {} of {} {}: approved", intent.getId(), request.amount(),
            request.currency());
        return new ChargeResult(intent.getId(), true, null);
      case "requires_action":
        return declined(intent.getId(), DeclineCode.AUTHENTICATION_REQUIRED);
      case "requires_payment_method":
      case "canceled":
        StripeError error = intent.getLastPaymentError();
        return declined(intent.getId(), error == null ? DeclineCode.CARD_DECLINED
            : declineCode(error.getCode(), error.getDeclineCode()));
      default:
        throw new PaymentProviderException("PaymentIntent " + intent.getId() + " is "
            + intent.getStatus() + ": its outcome is not known yet");
    }
  }

  private static ChargeResult declined(String chargeId, DeclineCode code) {
    log.info("Charge {}: declined {}", chargeId, code.code());
    return new ChargeResult(chargeId, false, code);
  }

  /** Stripe's error and decline codes, in ours (R4). */
  static DeclineCode declineCode(String code, String declineCode) {
    for (String reason : new String[] {declineCode, code}) {
      if (reason == null) {
        continue;
      }
      switch (reason) {
        case "authentication_required":
          return DeclineCode.AUTHENTICATION_REQUIRED;
        case "insufficient_funds":
          return DeclineCode.INSUFFICIENT_FUNDS;
        case "expired_card":
          return DeclineCode.EXPIRED_CARD;
        case "incorrect_cvc":
        case "invalid_cvc":
          return DeclineCode.INCORRECT_CVC;
        default:
          break;
      }
    }
    return DeclineCode.CARD_DECLINED;
  }

  static CardBrand brand(String stripeBrand) {
    return switch (stripeBrand == null ? "" : stripeBrand) {
      case "visa" -> CardBrand.VISA;
      case "mastercard" -> CardBrand.MASTERCARD;
      case "amex" -> CardBrand.AMEX;
      case "discover" -> CardBrand.DISCOVER;
      default -> CardBrand.OTHER;
    };
  }

  private static RequestOptions keyed(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  static long minorUnits(BigDecimal amount, String currency) {
    return amount.movePointRight(fractionDigits(currency)).longValueExact();
  }

  private static int fractionDigits(String currency) {
    return Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT))
        .getDefaultFractionDigits());
  }
}
