package dev.actionpack.payment;

import dev.actionpack.domain.Refusal;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PaymentMethodService {

  private final PaymentGateway gateway;
  private final PaymentMethodRepository paymentMethods;

  PaymentMethodService(PaymentGateway gateway, PaymentMethodRepository paymentMethods) {
    this.gateway = gateway;
    this.paymentMethods = paymentMethods;
  }

  /**
   * Checks the card here, then has the provider verify and store it for the partner. Call outside
   * a transaction: the provider is remote, and nothing is saved here unless it accepted the card.
   * A card number given to a provider that takes tokens (or a token to one that takes numbers) is
   * refused, naming the field.
   */
  public PaymentGateway.CardToken tokenize(UUID partnerId, NewCard card, String fieldPrefix) {
    if (!gateway.takes().isInstance(card)) {
      throw card instanceof CardDetails
          ? Refusal.invalidField(fieldPrefix + ".number", "card numbers are not accepted by the "
              + gateway.provider() + " payment provider: enter the card with " + gateway.provider()
              + " and send its payment method as " + fieldPrefix + ".paymentMethodToken")
          : Refusal.invalidField(fieldPrefix + ".paymentMethodToken", "the "
              + gateway.provider() + " payment provider takes the card itself (number, "
              + "expiryMonth, expiryYear, cvc), not a payment method token");
    }
    if (card instanceof CardDetails details) {
      CardNumbers.requireChargeable(details, fieldPrefix);
    }
    try {
      return gateway.store(partnerId, card);
    } catch (CardNotAcceptedException notAccepted) {
      throw Refusal.invalidField(fieldPrefix + ".paymentMethodToken", notAccepted.getMessage());
    } catch (CardDeclinedException declined) {
      throw PaymentProblems.declined(declined.declineCode());
    } catch (PaymentProviderException unavailable) {
      throw PaymentProblems.providerUnavailable();
    }
  }

  /** Saves the stored card; the same provider token given again is the card saved before. */
  /** Whether the provider takes card details (embedded) rather than its own token (Stripe). */
  public boolean takesCardNumbers() {
    return gateway.takes() == CardDetails.class;
  }

  @Transactional
  public PaymentMethod save(UUID partnerId, PaymentGateway.CardToken token) {
    return paymentMethods.findByProviderToken(token.token()).stream()
        .filter(saved -> saved.getPartnerId().equals(partnerId)).findFirst()
        .orElseGet(() -> paymentMethods.save(new PaymentMethod(partnerId, token)));
  }

  public PaymentMethod add(UUID partnerId, NewCard card, String fieldPrefix) {
    return save(partnerId, tokenize(partnerId, card, fieldPrefix));
  }

  @Transactional(readOnly = true)
  public List<PaymentMethod> list(UUID partnerId) {
    return paymentMethods.findByPartnerIdOrderByCreatedAt(partnerId);
  }

  /** The partner's own saved card, usable for a charge; someone else's is not found (R23). */
  @Transactional(readOnly = true)
  public PaymentMethod usable(UUID partnerId, UUID paymentMethodId, String field) {
    return usable(partnerId, paymentMethodId, field,
        () -> Refusal.invalidField(field, "no such payment method"));
  }

  /** {@link #usable(UUID, UUID, String)}, with the refusal for a card that is not theirs. */
  @Transactional(readOnly = true)
  public PaymentMethod usable(UUID partnerId, UUID paymentMethodId, String field,
      Supplier<Refusal> notTheirs) {
    PaymentMethod method = paymentMethods.findByIdAndPartnerId(paymentMethodId, partnerId)
        .orElseThrow(notTheirs);
    if (method.isExpired()) {
      throw Refusal.invalidField(field, "the card has expired; add another card");
    }
    return method;
  }
}
