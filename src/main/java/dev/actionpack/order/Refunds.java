package dev.actionpack.order;

import dev.actionpack.payment.ChargeRepository;
import dev.actionpack.payment.PaymentGateway.RefundRequest;
import dev.actionpack.payment.PaymentGateway;
import dev.actionpack.payment.Refund;
import dev.actionpack.payment.RefundRepository;
import dev.actionpack.process.EngineClock;
import dev.actionpack.subscription.Subscription;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Prorated refunds of a cancelled subscription's last payment (R16). */
@Service
public class Refunds {

  private final PurchaseOrderRepository orders;
  private final ChargeRepository charges;
  private final RefundRepository refunds;
  private final PaymentGateway gateway;

  Refunds(PurchaseOrderRepository orders, ChargeRepository charges, RefundRepository refunds,
      PaymentGateway gateway) {
    this.orders = orders;
    this.charges = charges;
    this.refunds = refunds;
    this.gateway = gateway;
  }

  /**
   * Refunds the unused share of the term that the subscription's last confirmed order paid,
   * by the day: the whole amount for a term that has not begun, nothing for one that is over.
   * The idempotency key names the cancellation, so a retried job refunds once.
   */
  @Transactional
  public Optional<Refund> refundUnusedTerm(Subscription subscription, String cancellationKey) {
    String key = "refund-" + cancellationKey;
    Optional<Refund> earlier = refunds.findByIdempotencyKey(key);
    if (earlier.isPresent()) {
      return earlier;
    }
    Optional<PurchaseOrder> lastPaid = orders.findByPartnerIdOrderByCreatedAtDesc(
            subscription.getPartnerId()).stream()
        .filter(order -> order.getSubscriptionNumber().equals(subscription.getNumber()))
        .filter(order -> order.getStatus() == OrderStatus.CONFIRMED)
        .max(Comparator.comparing(PurchaseOrder::getCompletedAt));
    if (lastPaid.isEmpty()) {
      return Optional.empty();
    }
    PurchaseOrder order = lastPaid.get();
    BigDecimal amount = unusedShare(order.getAmount(), subscription.getTermStart(),
        subscription.getTermEnd(), EngineClock.now());
    if (amount.signum() <= 0) {
      return Optional.empty();
    }
    String chargeId = charges.findByIdempotencyKey(order.getChargeKey()).orElseThrow()
        .getProviderChargeId();
    RefundRequest request = new RefundRequest(key, chargeId, amount, order.getCurrency());
    return Optional.of(refunds.save(new Refund(order.getId(), request, gateway.refund(request))));
  }

  static BigDecimal unusedShare(BigDecimal paid, Instant termStart, Instant termEnd,
      Instant now) {
    long termDays = Duration.between(termStart, termEnd).toDays();
    Instant from = now.isAfter(termStart) ? now : termStart;
    long unusedDays = Math.max(0, Duration.between(from, termEnd).toDays());
    if (termDays <= 0) {
      return BigDecimal.ZERO;
    }
    return paid.multiply(BigDecimal.valueOf(Math.min(unusedDays, termDays)))
        .divide(BigDecimal.valueOf(termDays), 2, RoundingMode.DOWN);
  }
}
