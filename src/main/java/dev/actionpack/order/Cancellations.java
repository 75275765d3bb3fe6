package dev.actionpack.order;

import dev.actionpack.payment.Refund;
import dev.actionpack.process.SubscriptionProcesses;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What support's cancellation does to a subscription and its orders (R16). */
@Service
public class Cancellations {

  private static final Logger log = LoggerFactory.getLogger(Cancellations.class);

  private final SubscriptionRepository subscriptions;
  private final SubscriptionService lifecycle;
  private final PurchaseOrderRepository orders;
  private final Refunds refunds;
  private final SubscriptionProcesses processes;

  Cancellations(SubscriptionRepository subscriptions, SubscriptionService lifecycle,
      PurchaseOrderRepository orders, Refunds refunds, SubscriptionProcesses processes) {
    this.subscriptions = subscriptions;
    this.lifecycle = lifecycle;
    this.orders = orders;
    this.refunds = refunds;
    this.processes = processes;
  }

  /** What a cancellation did: the subscription, and the amount refunded (zero for none). */
  public record Cancellation(UUID subscriptionId, BigDecimal refunded) {}

  /**
   * Cancels now: benefits revoked, pending renewal charges cancelled, the unused share of the
   * last payment refunded if asked, the term's instance ended. Empty when it was already
   * cancelled or closed: nothing to do.
   */
  @Transactional
  public Optional<Cancellation> cancelNow(String number, boolean refund,
      String cancellationKey) {
    Optional<Subscription> cancelled = lifecycle.cancel(number);
    if (cancelled.isEmpty()) {
      return Optional.empty();
    }
    Subscription subscription = cancelled.get();
    orders.findBySubscriptionNumberAndKindAndStatus(number, OrderKind.AUTO_RENEWAL,
        OrderStatus.PENDING).forEach(PurchaseOrder::cancel);
    BigDecimal refunded = refund ? refunds.refundUnusedTerm(subscription, cancellationKey)
        .map(Refund::getAmount).orElse(BigDecimal.ZERO) : BigDecimal.ZERO;
    subscriptions.flush();
    processes.cancelledNow(number);
    log.info("Subscription {} cancelled now (term from {}), refunded {}", number,
        subscription.getTermStart(), refunded);
    return Optional.of(new Cancellation(subscription.getId(), refunded));
  }

  /**
   * Cancels at the term end: auto-renewal off, so the subscription expires at its term end. A
   * subscription whose term is already over (past due or expired) is cancelled now, without
   * refund. Empty when it was already cancelled or closed.
   */
  @Transactional
  public Optional<Cancellation> cancelAtTermEnd(String number, String cancellationKey) {
    Subscription subscription = subscriptions.lockByNumber(number).orElseThrow();
    return switch (subscription.getStatus()) {
      case ACTIVE -> {
        lifecycle.turnOffForCancellation(subscription);
        yield Optional.of(new Cancellation(subscription.getId(), BigDecimal.ZERO));
      }
      case PAST_DUE, EXPIRED -> cancelNow(number, false, cancellationKey);
      default -> Optional.empty();
    };
  }
}
