package dev.actionpack.subscription;

import dev.actionpack.benefit.BenefitService;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.operations.BusinessMetrics;
import dev.actionpack.order.OrderKind;
import dev.actionpack.order.OrderOutcomes;
import dev.actionpack.order.OrderStatus;
import dev.actionpack.order.PurchaseOrder;
import dev.actionpack.order.PurchaseOrderRepository;
import dev.actionpack.order.Refunds;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.payment.Refund;
import dev.actionpack.process.SubscriptionProcesses.TermStarted;
import dev.actionpack.process.SubscriptionProcesses;
import dev.actionpack.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A subscription's life: activation, terms, auto-renewal, dunning, expiry (R5, R8–R14). */
@Service
public class SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

  private final SubscriptionRepository subscriptions;
  private final PurchaseOrderRepository orders;
  private final PartnerRepository partners;
  private final OfferRepository offers;
  private final SubscriptionProcesses processes;
  private final OrderOutcomes outcomes;
  private final BenefitService benefits;
  private final RenewalPolicy policy;
  private final Refunds refunds;
  private final BusinessMetrics metrics;

  SubscriptionService(SubscriptionRepository subscriptions, PurchaseOrderRepository orders,
      PartnerRepository partners, OfferRepository offers, SubscriptionProcesses processes,
      OrderOutcomes outcomes, BenefitService benefits, RenewalPolicy policy, Refunds refunds,
      BusinessMetrics metrics) {
    this.refunds = refunds;
    this.metrics = metrics;
    this.subscriptions = subscriptions;
    this.orders = orders;
    this.partners = partners;
    this.offers = offers;
    this.processes = processes;
    this.outcomes = outcomes;
    this.benefits = benefits;
    this.policy = policy;
  }

  /**
   * Activates the subscription of a paid order and confirms the order, in the charge's
   * transaction: there is no confirmed order without its subscription (R4, R5), and the
   * benefits come with it (R8).
   */
  @Transactional
  public Subscription activate(UUID orderId) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    Subscription subscription = subscriptions.save(Subscription.activate(
        order.getSubscriptionNumber(), order.getPartnerId(), order.getOfferCode(),
        order.getPaymentMethodId()));
    benefits.grantTermBenefits(subscription);
    order.confirm();
    outcomes.completed(orderId);
    metrics.orderConfirmed(order.getKind());
    log.info("Subscription {} activated by order {}, term ends {}", subscription.getNumber(),
        order.getNumber(), subscription.getTermEnd());
    return subscription;
  }

  /**
   * Starts the {@code renew} instance that watches the subscription's current term. With a
   * {@code receiptOrderId} (an automatic renewal), that instance also sends the receipt: the
   * previous term's instance ends at once, so at most one runs per subscription.
   */
  @Transactional
  public void startCurrentTerm(UUID subscriptionId, UUID receiptOrderId) {
    Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
    String partnerName = partners.findById(subscription.getPartnerId()).orElseThrow().getName();
    String price = offers.findById(subscription.getOfferCode()).orElseThrow().displayPrice();
    processes.startTerm(new TermStarted(subscription.getId(), subscription.getNumber(),
        partnerName, subscription.getTermNumber(), subscription.getTermEnd(),
        subscription.isAutoRenewal(), price, benefits.nextAzureCreditDue(subscription),
        receiptOrderId));
  }

  /** The anniversary charge (or a dunning retry) was approved: the next term begins (R9). */
  @Transactional
  public Subscription renewOnAnniversary(UUID subscriptionId, UUID orderId) {
    Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    subscription.renewOnAnniversary();
    order.confirm();
    metrics.orderConfirmed(order.getKind());
    metrics.renewed(order.getKind());
    log.info("Subscription {} renewed by order {}: term {} ends {}", subscription.getNumber(),
        order.getNumber(), subscription.getTermNumber(), subscription.getTermEnd());
    return subscription;
  }

  /**
   * A manual renewal was charged (R13): the subscription is renewed, auto-renewal is on again,
   * the card just used pays the next renewals, and the term's {@code renew} instance hands over
   * to the next term's.
   */
  @Transactional
  public Subscription renewManually(UUID orderId) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    Subscription subscription = subscriptions.findByNumber(order.getSubscriptionNumber())
        .orElseThrow();
    boolean lapsed = !subscription.getStatus().isCurrent();
    subscription.renewManually(order.getPaymentMethodId());
    if (lapsed) {
      benefits.grantTermBenefits(subscription);
    }
    order.confirm();
    outcomes.completed(orderId);
    metrics.orderConfirmed(order.getKind());
    metrics.renewed(order.getKind());
    orders.findBySubscriptionNumberAndKindAndStatus(subscription.getNumber(),
        OrderKind.AUTO_RENEWAL, OrderStatus.PENDING).forEach(PurchaseOrder::cancel);
    subscriptions.flush();
    if (!processes.renewedManually(subscription.getNumber())) {
      startCurrentTerm(subscription.getId(), null);
    }
    log.info("Subscription {} renewed manually by order {}: term {} ends {}",
        subscription.getNumber(), order.getNumber(), subscription.getTermNumber(),
        subscription.getTermEnd());
    return subscription;
  }

  /**
   * Turns auto-renewal off (R10) and tells the term's instance, in one transaction. When the
   * instance cannot take it (the term end is being processed right now) nothing changes and the
   * partner gets a 409.
   */
  @Transactional
  public Subscription turnOffAutoRenewal(UUID partnerId, String number) {
    Subscription subscription = subscriptions.lockByNumberAndPartnerId(number, partnerId)
        .orElseThrow(() -> ApiProblem.notFound("Subscription"));
    if (subscription.getStatus() != SubscriptionStatus.ACTIVE) {
      throw new ApiProblem(HttpStatus.CONFLICT, "subscription-not-active",
          "Subscription not active", "Auto-renewal can only be turned off while the "
              + "subscription is active; it is " + subscription.getStatus() + ".")
          .with("status", subscription.getStatus());
    }
    if (!subscription.isAutoRenewal()) {
      return subscription;
    }
    subscription.turnOffAutoRenewal();
    subscriptions.flush();
    if (!processes.autoRenewalTurnedOff(number)) {
      throw new ApiProblem(HttpStatus.CONFLICT, "renewal-in-progress", "Renewal in progress",
          "The subscription is being renewed at this moment, so auto-renewal was not turned "
              + "off. Look at the subscription again in a minute.");
    }
    log.info("Auto-renewal of subscription {} turned off", number);
    return subscription;
  }

  /**
   * Support cancels the subscription now (R16): benefits revoked, pending renewal charges
   * cancelled, the unused share of the last payment refunded if asked, the term's instance
   * ended. Empty when it was already cancelled or closed: nothing to do.
   */
  @Transactional
  public Optional<Cancellation> cancelNow(String number, boolean refund, String cancellationKey) {
    Subscription subscription = subscriptions.lockByNumber(number).orElseThrow();
    Instant termStart = subscription.getTermStart();
    if (!subscription.cancel()) {
      return Optional.empty();
    }
    benefits.revokeAll(subscription.getId());
    orders.findBySubscriptionNumberAndKindAndStatus(number, OrderKind.AUTO_RENEWAL,
        OrderStatus.PENDING).forEach(PurchaseOrder::cancel);
    BigDecimal refunded = refund ? refunds.refundUnusedTerm(subscription, cancellationKey)
        .map(Refund::getAmount).orElse(BigDecimal.ZERO) : BigDecimal.ZERO;
    subscriptions.flush();
    processes.cancelledNow(number);
    log.info("Subscription {} cancelled now (term from {}), refunded {}", number, termStart,
        refunded);
    return Optional.of(new Cancellation(subscription.getId(), refunded));
  }

  /**
   * Support cancels at the term end (R16): auto-renewal off, so the subscription expires at its
   * term end. A subscription whose term is already over (past due or expired) is cancelled now,
   * without refund. Empty when it was already cancelled or closed.
   */
  @Transactional
  public Optional<Cancellation> cancelAtTermEnd(String number, String cancellationKey) {
    Subscription subscription = subscriptions.lockByNumber(number).orElseThrow();
    switch (subscription.getStatus()) {
      case ACTIVE -> {
        if (subscription.isAutoRenewal()) {
          subscription.turnOffAutoRenewal();
          subscriptions.flush();
          if (!processes.autoRenewalTurnedOff(number)) {
            throw new IllegalStateException("subscription " + number + " is being renewed at "
                + "this moment; complete the task again in a minute");
          }
        }
        return Optional.of(new Cancellation(subscription.getId(), BigDecimal.ZERO));
      }
      case PAST_DUE, EXPIRED -> {
        return cancelNow(number, false, cancellationKey);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** What a cancellation did: the subscription, and the amount refunded (zero for none). */
  public record Cancellation(UUID subscriptionId, BigDecimal refunded) {}

  /** Refuses to turn auto-renewal on: only a manual renewal does that (R10). */
  public ApiProblem autoRenewalCannotBeTurnedOn(String number) {
    return new ApiProblem(HttpStatus.CONFLICT, "auto-renewal-turn-on-refused",
        "Auto-renewal cannot be turned on", "Auto-renewal cannot be turned back on by itself. "
            + "Renew subscription " + number + " manually (POST /api/subscriptions/" + number
            + "/renewals): a manual renewal turns auto-renewal on again.")
        .with("renewal", "/api/subscriptions/" + number + "/renewals");
  }

  /** The anniversary charge was declined: past due, retried later (R12). */
  @Transactional
  public void markPastDue(UUID subscriptionId) {
    subscriptions.findById(subscriptionId).orElseThrow().markPastDue();
  }

  /**
   * When dunning attempt {@code attempt} (1 for the first retry) is due, counted from the term
   * end; empty when the retries are used up (R12).
   */
  @Transactional(readOnly = true)
  public Optional<Instant> retryDue(UUID subscriptionId, int attempt) {
    if (attempt > policy.retryOffsets().size()) {
      return Optional.empty();
    }
    Instant termEnd = subscriptions.findById(subscriptionId).orElseThrow().getTermEnd();
    return Optional.of(termEnd.plus(policy.retryOffsets().get(attempt - 1)));
  }

  /** The term ended unrenewed: expired, benefits revoked (R14). Returns the grace window's end. */
  @Transactional
  public Instant expire(UUID subscriptionId) {
    Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
    subscription.expire();
    benefits.revokeAll(subscriptionId);
    log.info("Subscription {} expired", subscription.getNumber());
    return subscription.getExpiredAt().plus(policy.graceWindow());
  }

  /** The grace window passed without a renewal: closed for good (R14). */
  @Transactional
  public void close(UUID subscriptionId) {
    Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
    subscription.close();
    log.info("Subscription {} closed after its grace window", subscription.getNumber());
  }
}
