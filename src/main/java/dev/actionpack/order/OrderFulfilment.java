package dev.actionpack.order;

import dev.actionpack.operations.BusinessMetrics;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.subscription.SubscriptionService;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a paid order does to its subscription, in the charge's transaction: there is no
 * confirmed order without the subscription change it paid for (R4, R9, R13). Each step is
 * idempotent: run again for an order already confirmed (a job whose engine state was lost in a
 * crash while the order's commit survived), it changes nothing and hands back the subscription,
 * so the process goes on from there and the term is never renewed twice.
 */
@Service
public class OrderFulfilment {

  private static final Logger log = LoggerFactory.getLogger(OrderFulfilment.class);

  private final PurchaseOrderRepository orders;
  private final SubscriptionService subscriptions;
  private final SubscriptionRepository subscriptionRows;
  private final OrderOutcomes outcomes;
  private final BusinessMetrics metrics;

  OrderFulfilment(PurchaseOrderRepository orders, SubscriptionService subscriptions,
      SubscriptionRepository subscriptionRows, OrderOutcomes outcomes, BusinessMetrics metrics) {
    this.orders = orders;
    this.subscriptions = subscriptions;
    this.subscriptionRows = subscriptionRows;
    this.outcomes = outcomes;
    this.metrics = metrics;
  }

  /** A paid purchase: the subscription is activated with its benefits, the order confirmed. */
  @Transactional
  public Subscription activate(UUID orderId) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    if (alreadyDone(order)) {
      return subscriptionRows.findByNumber(order.getSubscriptionNumber()).orElseThrow();
    }
    Subscription subscription = subscriptions.activate(order.getSubscriptionNumber(),
        order.getPartnerId(), order.getOfferCode(), order.getPaymentMethodId());
    confirm(order);
    outcomes.completed(orderId);
    log.info("Subscription {} activated by order {}, term ends {}", subscription.getNumber(),
        order.getNumber(), subscription.getTermEnd());
    return subscription;
  }

  /** The anniversary charge (or a dunning retry) was approved: the next term begins (R9). */
  @Transactional
  public Subscription renewOnAnniversary(UUID subscriptionId, UUID orderId) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    if (alreadyDone(order)) {
      return subscriptionRows.findById(subscriptionId).orElseThrow();
    }
    Subscription subscription = subscriptions.renewOnAnniversary(subscriptionId);
    confirm(order);
    metrics.renewed(order.getKind());
    log.info("Subscription {} renewed by order {}: term {} ends {}", subscription.getNumber(),
        order.getNumber(), subscription.getTermNumber(), subscription.getTermEnd());
    return subscription;
  }

  /**
   * A manual renewal was charged (R13): pending renewal charges are cancelled, then the
   * subscription is renewed and its term's instance hands over to the next term's.
   */
  @Transactional
  public Subscription renewManually(UUID orderId) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    if (alreadyDone(order)) {
      return subscriptionRows.findByNumber(order.getSubscriptionNumber()).orElseThrow();
    }
    confirm(order);
    outcomes.completed(orderId);
    metrics.renewed(order.getKind());
    orders.findBySubscriptionNumberAndKindAndStatus(order.getSubscriptionNumber(),
        OrderKind.AUTO_RENEWAL, OrderStatus.PENDING).forEach(PurchaseOrder::cancel);
    Subscription subscription = subscriptions.renewManually(order.getSubscriptionNumber(),
        order.getPaymentMethodId());
    log.info("Subscription {} renewed manually by order {}: term {} ends {}",
        subscription.getNumber(), order.getNumber(), subscription.getTermNumber(),
        subscription.getTermEnd());
    return subscription;
  }

  private static boolean alreadyDone(PurchaseOrder order) {
    if (order.getStatus() != OrderStatus.CONFIRMED) {
      return false;
    }
    log.warn("Order {} was confirmed already: its step runs again after a crash and changes "
        + "nothing", order.getNumber());
    return true;
  }

  private void confirm(PurchaseOrder order) {
    order.confirm();
    metrics.orderConfirmed(order.getKind());
  }
}
