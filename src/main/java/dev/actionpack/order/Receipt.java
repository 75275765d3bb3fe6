package dev.actionpack.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * What a receipt says, in the words of the records: the order and its approved charge, the
 * partner it was billed to, the card, and for a refund receipt (credit note) the refund.
 *
 * @param term the term the charge pays for; null when not known
 * @param taxes the taxes in {@code amount}: none are charged today, so zero
 * @param refund the refund this receipt is for; null for the receipt of the charge
 */
public record Receipt(
    String orderNumber,
    OrderKind orderKind,
    String subscriptionNumber,
    Instant chargedAt,
    String partnerName,
    String partnerEmail,
    Locale locale,
    String offerName,
    Term term,
    BigDecimal amount,
    BigDecimal taxes,
    String currency,
    String card,
    String providerChargeId,
    RefundLine refund) {

  /** Term {@code number} of the subscription; its dates are null when not known. */
  public record Term(int number, Instant start, Instant end) {}

  public record RefundLine(String providerRefundId, BigDecimal amount, Instant refundedAt) {}
}
