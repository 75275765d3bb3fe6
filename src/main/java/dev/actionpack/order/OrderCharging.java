package dev.actionpack.order;

import dev.actionpack.operations.BusinessMetrics;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.payment.Charge;
import dev.actionpack.payment.ChargeRepository;
import dev.actionpack.payment.DeclineCode;
import dev.actionpack.payment.PaymentGateway.ChargeRequest;
import dev.actionpack.payment.PaymentGateway.ChargeResult;
import dev.actionpack.payment.PaymentGateway;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.payment.PaymentProviderException;
import dev.actionpack.subscription.SubscriptionRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Charges orders and records their outcome; called from the engine's jobs. */
@Service
public class OrderCharging {

  private static final Logger log = LoggerFactory.getLogger(OrderCharging.class);

  private final PurchaseOrderRepository orders;
  private final PaymentMethodRepository paymentMethods;
  private final ChargeRepository charges;
  private final PaymentGateway gateway;
  private final OrderOutcomes outcomes;
  private final SubscriptionRepository subscriptions;
  private final BusinessMetrics metrics;
  private final PartnerRepository partners;

  OrderCharging(PurchaseOrderRepository orders, PaymentMethodRepository paymentMethods,
      ChargeRepository charges, PaymentGateway gateway, OrderOutcomes outcomes,
      SubscriptionRepository subscriptions, BusinessMetrics metrics, PartnerRepository partners) {
    this.partners = partners;
    this.metrics = metrics;
    this.subscriptions = subscriptions;
    this.orders = orders;
    this.paymentMethods = paymentMethods;
    this.charges = charges;
    this.gateway = gateway;
    this.outcomes = outcomes;
  }

  /**
   * Charges the order's card immediately, the full amount, with the order's idempotency key: a
   * retried job replays the provider's first answer instead of charging again (R4, R7).
   *
   * <p>It runs inside the engine job's transaction, so the provider call happens while that
   * transaction is open. That is the design of a Camunda service task; what makes it safe is the
   * idempotency key (a rollback after the charge is replayed, not repeated) and a provider
   * timeout far below the job's lock time.
   */
  @Transactional
  public ChargeResult charge(UUID orderId) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    if (order.getKind() == OrderKind.AUTO_RENEWAL) {
      requireNoManualRenewalPending(order);
      if (!partners.findById(order.getPartnerId()).orElseThrow().isNetworkMember()) {
        log.info("Renewal {} declined without a charge: the Network membership of partner {} "
            + "has lapsed (R24)", order.getNumber(), order.getPartnerId());
        return new ChargeResult(null, false, DeclineCode.NETWORK_MEMBERSHIP_LAPSED);
      }
    }
    var card = paymentMethods.findById(order.getPaymentMethodId()).orElseThrow();
    ChargeRequest request = new ChargeRequest(order.getChargeKey(), card.getProviderToken(),
        card.getProviderCustomer(), order.getAmount(), order.getCurrency(),
        "Action Pack order " + order.getNumber(), order.getKind() == OrderKind.AUTO_RENEWAL,
        metadata(order));
    ChargeResult result;
    try {
      result = gateway.charge(request);
    } catch (PaymentProviderException unanswered) {
      metrics.chargeFailed(order.getKind(), gateway.provider());
      throw unanswered;
    }
    if (charges.findByIdempotencyKey(request.idempotencyKey()).isEmpty()) {
      charges.save(new Charge(orderId, request, result));
    }
    order.charged(result.chargeId());
    metrics.charged(order.getKind(), gateway.provider(), result.approved());
    return result;
  }

  /** What the provider shows with the charge: the order, and the subscription and term it pays. */
  private Map<String, String> metadata(PurchaseOrder order) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("order_number", order.getNumber());
    metadata.put("order_kind", order.getKind().name());
    metadata.put("charge_key", order.getChargeKey());
    if (order.getSubscriptionNumber() != null) {
      metadata.put("subscription_number", order.getSubscriptionNumber());
    }
    if (order.getKind() == OrderKind.PURCHASE) {
      metadata.put("term", "1");
    } else {
      subscriptions.findByNumber(order.getSubscriptionNumber()).ifPresent(subscription ->
          metadata.put("term", String.valueOf(subscription.getTermNumber() + 1)));
    }
    return metadata;
  }

  /**
   * A renewal charge waits while a manual renewal of the same subscription is being charged:
   * both would be approved and the partner charged twice. The exception makes the job retry
   * later; by then the manual renewal has ended the dunning and, with it, this job. The row lock
   * serialises this check with the placing of a manual renewal.
   */
  private void requireNoManualRenewalPending(PurchaseOrder order) {
    subscriptions.lockByNumber(order.getSubscriptionNumber());
    if (!orders.findBySubscriptionNumberAndKindAndStatus(order.getSubscriptionNumber(),
        OrderKind.MANUAL_RENEWAL, OrderStatus.PENDING).isEmpty()) {
      throw new IllegalStateException("renewal charge " + order.getNumber() + " waits: a manual "
          + "renewal of subscription " + order.getSubscriptionNumber() + " is being charged");
    }
  }

  /** Records a declined charge: the order confirms nothing (R4). */
  @Transactional
  public void decline(UUID orderId, DeclineCode code) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    order.decline(code.code());
    metrics.orderDeclined(order.getKind());
    outcomes.completed(orderId);
  }
}
