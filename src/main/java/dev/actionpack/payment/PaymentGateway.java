package dev.actionpack.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The payment provider port. Adapters: the embedded provider (local use and tests) and Stripe
 * ({@code actionpack.payment.provider=stripe}). Technical failures, an unknown outcome included,
 * are {@link PaymentProviderException}s (the caller's job retries with the same key); a declined
 * card is a result, not an exception.
 */
public interface PaymentGateway {

  /** The provider's name, as {@code actionpack.payment.provider} selects it and metrics tag it. */
  String provider();

  /** The kind of card this provider takes from a partner; the other kind is refused (R6). */
  Class<? extends NewCard> takes();

  /**
   * Verifies the card and keeps it at the provider for charges made later without the partner
   * (a renewal); only the returned token is kept here. Called with the kind {@link #takes()}.
   */
  CardToken store(UUID partnerId, NewCard card);

  /**
   * Charges a stored card. The same idempotency key always returns the first result and never
   * charges twice (R7); the same key with a different amount, currency or card is refused.
   */
  ChargeResult charge(ChargeRequest request);

  /**
   * Refunds part or all of an approved charge. The same idempotency key returns the first
   * refund; a refund beyond what is left of the charge is refused.
   */
  RefundResult refund(RefundRequest request);

  /** A stored card; {@code customerId} is the provider's customer it belongs to, if it has one. */
  record CardToken(String token, String customerId, CardBrand brand, String lastFour,
      int expiryMonth, int expiryYear) {}

  /**
   * {@code offSession}: the partner is not there to confirm (a renewal), so a card whose bank
   * asks for the cardholder's confirmation is declined {@code authentication_required}.
   * {@code metadata} names the order, subscription and term at the provider.
   */
  record ChargeRequest(String idempotencyKey, String cardToken, String customerId,
      BigDecimal amount, String currency, String description, boolean offSession,
      Map<String, String> metadata) {}

  record RefundRequest(String idempotencyKey, String chargeId, BigDecimal amount,
      String currency) {}

  record RefundResult(String refundId, BigDecimal amount) {}

  /** {@code declineCode} is null when approved. */
  record ChargeResult(String chargeId, boolean approved, DeclineCode declineCode) {}
}
