package dev.actionpack.order;

import dev.actionpack.offer.Money;
import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.payment.CardDetails;
import dev.actionpack.payment.PaymentGateway.CardToken;
import dev.actionpack.payment.PaymentMethodService;
import dev.actionpack.payment.ProviderCard;
import dev.actionpack.persistence.NumberSequences;
import dev.actionpack.process.SubscriptionProcesses.PlacedOrder;
import dev.actionpack.process.SubscriptionProcesses;
import dev.actionpack.subscription.RenewalPolicy;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.domain.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places the orders a partner makes with the purchase steps: a new subscription (R1–R4) or a
 * manual renewal of one (R13). Every check that can refuse runs before the provider is called;
 * the order, the saved card and the {@code subscribe} instance commit together or not at all.
 */
@Service
public class PurchaseService {

  private static final Logger log = LoggerFactory.getLogger(PurchaseService.class);

  private final PartnerRepository partners;
  private final OfferRepository offers;
  private final PurchaseOrderRepository orders;
  private final SubscriptionRepository subscriptions;
  private final PaymentMethodService paymentMethods;
  private final NumberSequences numbers;
  private final SubscriptionProcesses processes;
  private final OrderOutcomes outcomes;
  private final TransactionTemplate transaction;
  private final RenewalPolicy renewalPolicy;
  private final Duration outcomeWait;

  PurchaseService(PartnerRepository partners, OfferRepository offers,
      PurchaseOrderRepository orders, SubscriptionRepository subscriptions,
      PaymentMethodService paymentMethods, NumberSequences numbers,
      SubscriptionProcesses processes, OrderOutcomes outcomes, TransactionTemplate transaction,
      RenewalPolicy renewalPolicy,
      @Value("${actionpack.purchase.outcome-wait:10s}") Duration outcomeWait) {
    this.partners = partners;
    this.offers = offers;
    this.orders = orders;
    this.subscriptions = subscriptions;
    this.paymentMethods = paymentMethods;
    this.numbers = numbers;
    this.processes = processes;
    this.outcomes = outcomes;
    this.transaction = transaction;
    this.renewalPolicy = renewalPolicy;
    this.outcomeWait = outcomeWait;
  }

  /**
   * Buys a new subscription and waits a while for the charge. A request re-sent with the same
   * {@code requestKey} returns the first order and is never charged again (R7).
   */
  public PurchaseOrder purchase(UUID partnerId, PurchaseRequest request, String requestKey) {
    return place(partnerId, request, requestKey, null);
  }

  /** Renews a subscription manually with the purchase steps (R13); idempotent like a purchase. */
  public PurchaseOrder renew(UUID partnerId, String subscriptionNumber, PurchaseRequest request,
      String requestKey) {
    transaction.executeWithoutResult(status ->
        subscriptions.findByNumberAndPartnerId(subscriptionNumber, partnerId)
            .orElseThrow(() -> Refusal.notFound("Subscription")));
    return place(partnerId, request, requestKey, subscriptionNumber);
  }

  private PurchaseOrder place(UUID partnerId, PurchaseRequest request, String requestKey,
      String renewedSubscription) {
    String fingerprint = fingerprint(request, renewedSubscription);
    Optional<PurchaseOrder> replay = replayed(partnerId, requestKey, fingerprint);
    if (replay.isPresent()) {
      return outcomes.await(replay.get().getId(), outcomeWait);
    }
    Offer offer = transaction.execute(status ->
        requireOrderable(partnerId, request, renewedSubscription));
    if (request.paymentMethodId() == null && request.card() == null) {
      throw Refusal.invalidField("paymentMethodId",
          "give either a saved payment method or a new card");
    }
    if (request.paymentMethodId() != null && request.card() != null) {
      throw Refusal.invalidField("paymentMethodId",
          "give either a saved payment method or a new card, not both");
    }
    UUID savedMethodId = request.paymentMethodId() == null ? null
        : paymentMethods.usable(partnerId, request.paymentMethodId(), "paymentMethodId").getId();
    CardToken newCard = request.card() == null ? null
        : paymentMethods.tokenize(partnerId, request.card(), "card");

    PurchaseOrder order = transaction.execute(status -> {
      Partner partner = partners.lockById(partnerId).orElseThrow();
      if (renewedSubscription != null) {
        subscriptions.lockByNumber(renewedSubscription);
      }
      Optional<PurchaseOrder> concurrentReplay = replayed(partnerId, requestKey, fingerprint);
      if (concurrentReplay.isPresent()) {
        return concurrentReplay.get();
      }
      requireOrderable(partnerId, request, renewedSubscription);
      UUID paymentMethodId = newCard == null ? savedMethodId
          : paymentMethods.save(partnerId, newCard).getId();
      boolean manualRenewal = renewedSubscription != null;
      PurchaseOrder placed = orders.save(PurchaseOrder.placedByPartner(
          manualRenewal ? OrderKind.MANUAL_RENEWAL : OrderKind.PURCHASE,
          numbers.nextOrderNumber(), partnerId, offer, paymentMethodId,
          manualRenewal ? renewedSubscription : numbers.nextSubscriptionNumber(), requestKey,
          fingerprint));
      processes.startSubscribe(new PlacedOrder(placed.getId(), placed.getNumber(),
          placed.getSubscriptionNumber(), partner.getName(), placed.displayAmount(),
          manualRenewal));
      log.info("Order {} ({}) placed by partner {} for {}", placed.getNumber(), placed.getKind(),
          partnerId, placed.displayAmount());
      return placed;
    });
    return outcomes.await(order.getId(), outcomeWait);
  }

  /** Why this partner cannot buy the offer now, if it cannot (R1, R2). */
  public Optional<Refusal> refusal(UUID partnerId, String offerCode) {
    Optional<Refusal> notMember = membershipRefusal(partnerId);
    if (notMember.isPresent()) {
      return notMember;
    }
    var live = subscriptions.findByLivePartnerId(partnerId);
    if (live.isPresent()) {
      return Optional.of(new Refusal(Refusal.Kind.CONFLICT, "subscription-exists",
          "Subscription already exists",
          "This partner already holds Action Pack subscription " + live.get().getNumber()
              + " (" + live.get().getStatus() + "); a second one cannot be bought.")
          .with("subscriptionNumber", live.get().getNumber()));
    }
    return orders.findByPartnerIdAndOfferCodeAndStatus(partnerId, offerCode, OrderStatus.PENDING)
        .stream().findFirst().map(PurchaseService::inProgress);
  }

  private Optional<Refusal> membershipRefusal(UUID partnerId) {
    Partner partner = partners.findById(partnerId).orElseThrow();
    if (partner.isNetworkMember()) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(Refusal.Kind.NOT_ALLOWED, "network-membership-required",
        "Network membership required",
        "Only a Microsoft Partner Network member can subscribe to or renew Action Pack, and "
            + "this partner is not one (or the membership has lapsed). Join or renew the "
            + "Network membership first; nothing was ordered or charged."));
  }

  /** Why this subscription cannot be renewed manually now, if it cannot (R13). */
  private Optional<Refusal> renewalRefusal(UUID partnerId, String subscriptionNumber) {
    Optional<Refusal> notMember = membershipRefusal(partnerId);
    if (notMember.isPresent()) {
      return notMember;
    }
    Subscription subscription = subscriptions
        .findByNumberAndPartnerId(subscriptionNumber, partnerId)
        .orElseThrow(() -> Refusal.notFound("Subscription"));
    String refusal = subscription.manualRenewalRefusal(renewalPolicy.graceWindow());
    if (refusal != null) {
      return Optional.of(new Refusal(Refusal.Kind.CONFLICT, "renewal-not-allowed",
          "Manual renewal not allowed", "The subscription cannot be renewed manually now: "
              + refusal + ".")
          .with("status", subscription.getStatus()));
    }
    return orders.findBySubscriptionNumberAndStatus(subscriptionNumber, OrderStatus.PENDING)
        .stream().findFirst().map(PurchaseService::inProgress);
  }

  private static Refusal inProgress(PurchaseOrder pending) {
    return new Refusal(Refusal.Kind.CONFLICT, "purchase-in-progress", "Purchase in progress",
        "Order " + pending.getNumber() + " is still being charged; wait for its outcome.")
        .with("order", "/api/orders/" + pending.getNumber());
  }

  private Offer requireOrderable(UUID partnerId, PurchaseRequest request,
      String renewedSubscription) {
    Offer offer = offers.findById(request.offerCode()).filter(Offer::isActive)
        .orElseThrow(() -> Refusal.invalidField("offerCode", "no such offer"));
    (renewedSubscription == null ? refusal(partnerId, offer.getCode())
        : renewalRefusal(partnerId, renewedSubscription)).ifPresent(problem -> {
          throw problem;
        });
    if (!offer.getTermsVersion().equals(request.termsVersion())) {
      throw Refusal.invalidField("termsVersion", "the current terms are version "
          + offer.getTermsVersion() + "; review and accept them");
    }
    var reviewed = request.reviewedPrice();
    if (reviewed.amount().compareTo(offer.getAnnualPrice()) != 0
        || !reviewed.currency().equals(offer.getCurrency())) {
      throw new Refusal(Refusal.Kind.CONFLICT, "price-changed", "Price changed",
          "The price is now " + offer.displayPrice() + "; review the order again.")
          .with("currentPrice", new Money(offer.getAnnualPrice(), offer.getCurrency()));
    }
    return offer;
  }

  private Optional<PurchaseOrder> replayed(UUID partnerId, String requestKey, String fingerprint) {
    if (requestKey == null) {
      return Optional.empty();
    }
    Optional<PurchaseOrder> earlier = transaction.execute(
        status -> orders.findByPartnerIdAndRequestKey(partnerId, requestKey));
    if (earlier.isPresent() && !fingerprint.equals(earlier.get().getRequestFingerprint())) {
      throw new Refusal(Refusal.Kind.INVALID, "idempotency-key-reused",
          "Idempotency key reused",
          "This Idempotency-Key was already used for a different purchase.");
    }
    return earlier;
  }

  /** What makes two requests "the same order"; built from non-secret parts only. */
  private static String fingerprint(PurchaseRequest request, String renewedSubscription) {
    String payment = request.card() instanceof CardDetails card
        ? card.lastFour() + "/" + card.expiryMonth() + "/" + card.expiryYear()
        : request.card() instanceof ProviderCard card ? card.paymentMethodToken()
        : String.valueOf(request.paymentMethodId());
    String canonical = String.join("|", String.valueOf(renewedSubscription), request.offerCode(),
        request.termsVersion(), request.reviewedPrice().amount().stripTrailingZeros()
            .toPlainString(), request.reviewedPrice().currency(), payment);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
