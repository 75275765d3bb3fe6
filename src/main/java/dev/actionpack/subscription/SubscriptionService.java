package dev.actionpack.subscription;

import dev.actionpack.benefit.BenefitService;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.process.SubscriptionProcesses.TermStarted;
import dev.actionpack.process.SubscriptionProcesses;
import dev.actionpack.domain.Refusal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A subscription's life: activation, terms, auto-renewal, dunning, expiry (R5, R8–R14). */
@Service
public class SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

  private final SubscriptionRepository subscriptions;
  private final PartnerRepository partners;
  private final OfferRepository offers;
  private final SubscriptionProcesses processes;
  private final BenefitService benefits;
  private final RenewalPolicy policy;
  private final ApplicationEventPublisher events;

  SubscriptionService(SubscriptionRepository subscriptions, PartnerRepository partners,
      OfferRepository offers, SubscriptionProcesses processes, BenefitService benefits,
      RenewalPolicy policy, ApplicationEventPublisher events) {
    this.subscriptions = subscriptions;
    this.partners = partners;
    this.offers = offers;
    this.processes = processes;
    this.benefits = benefits;
    this.policy = policy;
    this.events = events;
  }

  /**
   * Activates a new subscription with its benefits (R5, R8); the caller confirms the order that
   * paid for it in the same transaction.
   */
  @Transactional
  public Subscription activate(String number, UUID partnerId, String offerCode,
      UUID paymentMethodId) {
    Subscription subscription = subscriptions.save(Subscription.activate(number, partnerId,
        offerCode, paymentMethodId));
    benefits.grantTermBenefits(subscription.benefitHolder());
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
        subscription.isAutoRenewal(), price, benefits.nextAzureCreditDue(subscription.benefitHolder()),
        receiptOrderId));
  }

  /** The anniversary charge (or a dunning retry) was approved: the next term begins (R9). */
  @Transactional
  public Subscription renewOnAnniversary(UUID subscriptionId) {
    Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
    subscription.renewOnAnniversary();
    return subscription;
  }

  /**
   * A manual renewal was charged (R13): the subscription is renewed, auto-renewal is on again,
   * the card just used pays the next renewals, and the term's {@code renew} instance hands over
   * to the next term's. The caller has settled the orders first.
   */
  @Transactional
  public Subscription renewManually(String number, UUID paymentMethodId) {
    Subscription subscription = subscriptions.findByNumber(number).orElseThrow();
    boolean lapsed = !subscription.getStatus().isCurrent();
    subscription.renewManually(paymentMethodId);
    if (lapsed) {
      benefits.grantTermBenefits(subscription.benefitHolder());
    }
    subscriptions.flush();
    if (!processes.renewedManually(subscription.getNumber())) {
      startCurrentTerm(subscription.getId(), null);
    }
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
        .orElseThrow(() -> Refusal.notFound("Subscription"));
    if (subscription.getStatus() != SubscriptionStatus.ACTIVE) {
      throw new Refusal(Refusal.Kind.CONFLICT, "subscription-not-active",
          "Subscription not active", "Auto-renewal can only be turned off while the "
              + "subscription is active; it is " + subscription.getStatus() + ".")
          .with("status", subscription.getStatus());
    }
    if (!subscription.isAutoRenewal()) {
      return subscription;
    }
    if (!turnedOff(subscription)) {
      throw new Refusal(Refusal.Kind.CONFLICT, "renewal-in-progress", "Renewal in progress",
          "The subscription is being renewed at this moment, so auto-renewal was not turned "
              + "off. Look at the subscription again in a minute.");
    }
    log.info("Auto-renewal of subscription {} turned off", number);
    return subscription;
  }

  /**
   * Replaces the card that pays the subscription (R25): the next renewal and a pending dunning
   * retry place their orders with it. Locks the subscription, so a renewal being placed right now
   * either used the old card already or sees the new one. The partner is told in the same
   * transaction ({@link PaymentMethodReplaced}). The same card again changes nothing.
   */
  @Transactional
  public Subscription replacePaymentMethod(UUID partnerId, String number, UUID paymentMethodId) {
    Subscription subscription = replaceable(subscriptions.lockByNumberAndPartnerId(number,
        partnerId));
    UUID previous = subscription.getPaymentMethodId();
    if (previous.equals(paymentMethodId)) {
      return subscription;
    }
    subscription.replacePaymentMethod(paymentMethodId);
    events.publishEvent(new PaymentMethodReplaced(subscription.getId(), number, previous,
        paymentMethodId));
    log.info("Card of subscription {} replaced", number);
    return subscription;
  }

  /**
   * Refuses now what {@link #replacePaymentMethod} would refuse, before a new card is stored at
   * the provider: someone else's subscription, or one cancelled or closed.
   */
  @Transactional(readOnly = true)
  public void requireReplaceable(UUID partnerId, String number) {
    replaceable(subscriptions.findByNumberAndPartnerId(number, partnerId));
  }

  /** The partner's own subscription if its card may still be replaced (not found, or 409). */
  private static Subscription replaceable(Optional<Subscription> own) {
    Subscription subscription = own.orElseThrow(() -> Refusal.notFound("Subscription"));
    if (!subscription.getStatus().isLive()) {
      throw new Refusal(Refusal.Kind.CONFLICT, "subscription-ended", "Subscription ended",
          "The card of a subscription can be replaced until it is cancelled or closed; it is "
              + subscription.getStatus() + ".").with("status", subscription.getStatus());
    }
    return subscription;
  }

  /**
   * Cancels now (R16): benefits revoked. Empty when it was already cancelled or closed; the
   * caller settles orders and refunds, then ends the term's instance.
   */
  @Transactional
  public Optional<Subscription> cancel(String number) {
    Subscription subscription = subscriptions.lockByNumber(number).orElseThrow();
    if (!subscription.cancel()) {
      return Optional.empty();
    }
    benefits.revokeAll(subscription.getId());
    return Optional.of(subscription);
  }

  /**
   * Turns auto-renewal off for a cancellation at the term end (R16), so the subscription expires
   * then; a subscription being renewed at this moment is a technical failure, retried.
   */
  @Transactional
  public void turnOffForCancellation(Subscription subscription) {
    if (subscription.isAutoRenewal() && !turnedOff(subscription)) {
      throw new IllegalStateException("subscription " + subscription.getNumber() + " is "
          + "being renewed at this moment; complete the task again in a minute");
    }
  }

  /**
   * Turns auto-renewal off and tells the term's instance, in the caller's transaction; false
   * when the instance cannot take it now (the term end is being processed): the caller refuses,
   * and its transaction rolls the change back.
   */
  private boolean turnedOff(Subscription subscription) {
    subscription.turnOffAutoRenewal();
    subscriptions.flush();
    return processes.autoRenewalTurnedOff(subscription.getNumber());
  }

  /** Refuses to turn auto-renewal on: only a manual renewal does that (R10). */
  public Refusal autoRenewalCannotBeTurnedOn(String number) {
    return new Refusal(Refusal.Kind.CONFLICT, "auto-renewal-turn-on-refused",
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
