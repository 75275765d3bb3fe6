package dev.actionpack.order;

import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.persistence.NumberSequences;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The orders of automatic renewals and their dunning retries (R9, R12). */
@Service
public class RenewalOrders {

  private final SubscriptionRepository subscriptions;
  private final OfferRepository offers;
  private final PurchaseOrderRepository orders;
  private final NumberSequences numbers;

  RenewalOrders(SubscriptionRepository subscriptions, OfferRepository offers,
      PurchaseOrderRepository orders, NumberSequences numbers) {
    this.subscriptions = subscriptions;
    this.offers = offers;
    this.orders = orders;
    this.numbers = numbers;
  }

  /**
   * The order that charges the next term, at the offer's current price, to the subscription's
   * saved card. Its charge key names the subscription, the term and the attempt (R7), so placing
   * it again (a retried job) finds the same order.
   */
  @Transactional
  public PurchaseOrder place(UUID subscriptionId, int attempt) {
    Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
    int nextTerm = subscription.getTermNumber() + 1;
    String chargeKey = "renewal-" + subscriptionId + "-term-" + nextTerm
        + (attempt == 0 ? "" : "-retry-" + attempt);
    return orders.findByChargeKey(chargeKey).orElseGet(() -> {
      Offer offer = offers.findById(subscription.getOfferCode()).orElseThrow();
      return orders.save(PurchaseOrder.autoRenewal(numbers.nextOrderNumber(),
          subscription.getPartnerId(), offer, subscription.getPaymentMethodId(),
          subscription.getNumber(), chargeKey));
    });
  }
}
