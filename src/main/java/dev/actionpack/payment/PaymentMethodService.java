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
   * Checks the card here, then has the provider verify and store it. Call outside a transaction:
   * the provider is remote, and nothing is saved here unless it accepted the card.
   */
  public PaymentGateway.CardToken tokenize(CardDetails card, String fieldPrefix) {
    CardNumbers.requireChargeable(card, fieldPrefix);
    try {
      return gateway.tokenize(card);
    } catch (CardDeclinedException declined) {
      throw PaymentProblems.declined(declined.declineCode());
    } catch (PaymentProviderException unavailable) {
      throw PaymentProblems.providerUnavailable();
    }
  }

  @Transactional
  public PaymentMethod save(UUID partnerId, PaymentGateway.CardToken token) {
    return paymentMethods.save(new PaymentMethod(partnerId, token));
  }

  public PaymentMethod add(UUID partnerId, CardDetails card) {
    return save(partnerId, tokenize(card, "card"));
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
