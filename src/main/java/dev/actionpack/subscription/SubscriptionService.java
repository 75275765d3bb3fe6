package dev.actionpack.subscription;

import dev.actionpack.order.OrderOutcomes;
import dev.actionpack.order.PurchaseOrder;
import dev.actionpack.order.PurchaseOrderRepository;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.process.SubscriptionProcesses;
import dev.actionpack.process.SubscriptionProcesses.TermStarted;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

  private final SubscriptionRepository subscriptions;
  private final PurchaseOrderRepository orders;
  private final PartnerRepository partners;
  private final SubscriptionProcesses processes;
  private final OrderOutcomes outcomes;

  SubscriptionService(SubscriptionRepository subscriptions, PurchaseOrderRepository orders,
      PartnerRepository partners, SubscriptionProcesses processes, OrderOutcomes outcomes) {
    this.subscriptions = subscriptions;
    this.orders = orders;
    this.partners = partners;
    this.processes = processes;
    this.outcomes = outcomes;
  }

  /**
   * Activates the subscription of a paid order and confirms the order, in the charge's
   * transaction: there is no confirmed order without its subscription (R4, R5).
   */
  @Transactional
  public Subscription activate(UUID orderId) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    Subscription subscription = subscriptions.save(Subscription.activate(
        order.getSubscriptionNumber(), order.getPartnerId(), order.getOfferCode(),
        order.getPaymentMethodId()));
    order.confirm();
    outcomes.completed(orderId);
    log.info("Subscription {} activated by order {}, term ends {}", subscription.getNumber(),
        order.getNumber(), subscription.getTermEnd());
    return subscription;
  }

  /** Starts the {@code renew} instance that watches the subscription's current term. */
  @Transactional
  public void startCurrentTerm(UUID subscriptionId) {
    Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
    String partnerName = partners.findById(subscription.getPartnerId()).orElseThrow().getName();
    processes.startTerm(new TermStarted(subscription.getId(), subscription.getNumber(),
        partnerName, subscription.getTermNumber(), subscription.getTermEnd(),
        subscription.isAutoRenewal()));
  }
}
