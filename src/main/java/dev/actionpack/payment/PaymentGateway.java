package dev.actionpack.payment;

import java.math.BigDecimal;

/**
 * The payment provider port. Adapters: the embedded provider (local use and tests) and, for
 * production, an HTTP provider. Technical failures are {@link PaymentProviderException}s (the
 * caller's job retries); a declined card is a result, not an exception.
 */
public interface PaymentGateway {

  /** The provider's name, as {@code actionpack.payment.provider} selects it and metrics tag it. */
  String provider();

  /** Verifies and stores the card at the provider; only the returned token is kept here. */
  CardToken tokenize(CardDetails card);

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

  record CardToken(String token, CardBrand brand, String lastFour, int expiryMonth,
      int expiryYear) {}

  record ChargeRequest(String idempotencyKey, String cardToken, BigDecimal amount,
      String currency, String description) {}

  record RefundRequest(String idempotencyKey, String chargeId, BigDecimal amount,
      String currency) {}

  record RefundResult(String refundId, BigDecimal amount) {}

  /** {@code declineCode} is null when approved. */
  record ChargeResult(String chargeId, boolean approved, DeclineCode declineCode) {}
}
