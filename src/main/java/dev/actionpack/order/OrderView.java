package dev.actionpack.order;

import dev.actionpack.offer.Money;
import dev.actionpack.payment.DeclineCode;
import dev.actionpack.payment.PaymentMethodView;
import java.time.Instant;

/** An order as the partner sees it: what was bought, how it was paid, and the outcome. */
public record OrderView(
    String number,
    OrderKind kind,
    OrderStatus status,
    String offerCode,
    Money amount,
    PaymentMethodView paymentMethod,
    String termsVersion,
    Instant termsAcceptedAt,
    boolean charged,
    Decline decline,
    String subscriptionNumber,
    Instant createdAt,
    Instant completedAt) {

  public record Decline(String code, String reason) {}

  static OrderView of(PurchaseOrder order, PaymentMethodView paymentMethod) {
    Decline decline = order.getDeclineCode() == null ? null : new Decline(order.getDeclineCode(),
        DeclineCode.fromCode(order.getDeclineCode()).reason());
    return new OrderView(order.getNumber(), order.getKind(), order.getStatus(), order.getOfferCode(),
        new Money(order.getAmount(), order.getCurrency()), paymentMethod,
        order.getTermsVersion(), order.getTermsAcceptedAt(),
        order.getStatus() == OrderStatus.CONFIRMED, decline,
        order.getStatus() == OrderStatus.CONFIRMED || order.getKind() != OrderKind.PURCHASE
            ? order.getSubscriptionNumber() : null,
        order.getCreatedAt(), order.getCompletedAt());
  }
}
