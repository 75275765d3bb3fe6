package dev.actionpack.subscription;

import dev.actionpack.benefit.BenefitService;
import dev.actionpack.offer.Money;
import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.payment.NewCard;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.payment.PaymentMethodService;
import dev.actionpack.payment.PaymentMethodView;
import dev.actionpack.domain.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Partner Center's "purchased offers": the subscriptions, auto-renewal and benefits. */
@RestController
@RequestMapping("/api")
class SubscriptionController {

  private final OfferRepository offers;
  private final SubscriptionRepository subscriptions;
  private final PaymentMethodRepository paymentMethods;
  private final SubscriptionService lifecycle;
  private final BenefitService benefits;
  private final PaymentMethodService cards;

  SubscriptionController(OfferRepository offers, SubscriptionRepository subscriptions,
      PaymentMethodRepository paymentMethods, SubscriptionService lifecycle,
      BenefitService benefits, PaymentMethodService cards) {
    this.offers = offers;
    this.subscriptions = subscriptions;
    this.paymentMethods = paymentMethods;
    this.lifecycle = lifecycle;
    this.benefits = benefits;
    this.cards = cards;
  }

  @GetMapping({"/offers/purchased", "/subscriptions"})
  @Transactional(readOnly = true)
  List<SubscriptionView> purchased(@AuthenticationPrincipal PartnerPrincipal partner) {
    return subscriptions.findByPartnerIdOrderByCreatedAtDesc(partner.partnerId()).stream()
        .map(this::view).toList();
  }

  @GetMapping("/subscriptions/{number}")
  @Transactional(readOnly = true)
  SubscriptionView show(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number) {
    return subscriptions.findByNumberAndPartnerId(number, partner.partnerId()).map(this::view)
        .orElseThrow(() -> Refusal.notFound("Subscription"));
  }

  /**
   * Turns auto-renewal off (R10). Turning it on is refused unless it is on already: only a
   * manual renewal turns it on again.
   */
  @PutMapping("/subscriptions/{number}/auto-renewal")
  SubscriptionView autoRenewal(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number, @Valid @RequestBody AutoRenewalRequest request) {
    if (request.enabled()) {
      Subscription subscription = own(partner, number);
      if (!subscription.isAutoRenewal() || subscription.getStatus() != SubscriptionStatus.ACTIVE) {
        throw lifecycle.autoRenewalCannotBeTurnedOn(number);
      }
      return view(subscription);
    }
    lifecycle.turnOffAutoRenewal(partner.partnerId(), number);
    return show(partner, number);
  }

  /**
   * Replaces the card that pays the subscription (R25) with one the partner added before
   * ({@code paymentMethodId}) or a new one ({@code card}, stored first). The next renewal and a
   * pending dunning retry use it; the partner is told. Someone else's subscription or card is
   * not found; a cancelled or closed subscription is a 409, checked before a new card is stored.
   */
  @PutMapping("/subscriptions/{number}/payment-method")
  SubscriptionView replacePaymentMethod(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number, @Valid @RequestBody PaymentMethodRequest request) {
    if ((request.paymentMethodId() == null) == (request.card() == null)) {
      throw Refusal.invalidField("paymentMethodId", "give either paymentMethodId (a card you "
          + "added) or card (a new card), one of the two");
    }
    lifecycle.requireReplaceable(partner.partnerId(), number);
    UUID cardId = request.card() != null ? cards.add(partner.partnerId(), request.card(), "card").getId()
        : cards.usable(partner.partnerId(), request.paymentMethodId(), "paymentMethodId",
            () -> Refusal.notFound("Payment method")).getId();
    lifecycle.replacePaymentMethod(partner.partnerId(), number, cardId);
    return show(partner, number);
  }

  /** The benefits granted to the subscription, the monthly Azure credits included (R8). */
  @GetMapping("/subscriptions/{number}/benefits")
  @Transactional(readOnly = true)
  BenefitsView benefits(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number) {
    Subscription subscription = own(partner, number);
    List<BenefitView> grants = benefits.list(subscription.getId(), subscription.getOfferCode())
        .stream()
        .map(grant -> new BenefitView(grant.code(), grant.description(), grant.quantity(),
            grant.dueAt(), grant.grantedAt(), grant.revokedAt(), grant.revokedAt() == null))
        .toList();
    List<BenefitView> credits = grants.stream()
        .filter(grant -> BenefitService.AZURE_CREDIT.equals(grant.code())).toList();
    int creditTotal = credits.stream().mapToInt(grant -> grant.quantity() == null ? 0
        : grant.quantity()).sum();
    return new BenefitsView(number,
        grants.stream().filter(grant -> !BenefitService.AZURE_CREDIT.equals(grant.code()))
            .toList(),
        new AzureCredits(credits.size(), new Money(BigDecimal.valueOf(creditTotal),
            "USD"), credits));
  }

  private Subscription own(PartnerPrincipal partner, String number) {
    return subscriptions.findByNumberAndPartnerId(number, partner.partnerId())
        .orElseThrow(() -> Refusal.notFound("Subscription"));
  }

  record AutoRenewalRequest(@NotNull(message = "is required") Boolean enabled) {}

  record PaymentMethodRequest(UUID paymentMethodId, @Valid NewCard card) {}

  record BenefitView(String code, String description, Integer quantity, Instant dueAt,
      Instant grantedAt, Instant revokedAt, boolean active) {}

  record AzureCredits(int months, Money total, List<BenefitView> grants) {}

  record BenefitsView(String subscriptionNumber, List<BenefitView> benefits,
      AzureCredits azureCredits) {}

  private SubscriptionView view(Subscription subscription) {
    String offerName = offers.findById(subscription.getOfferCode()).map(Offer::getName)
        .orElse(subscription.getOfferCode());
    return new SubscriptionView(subscription.getNumber(), subscription.getOfferCode(), offerName,
        subscription.getStatus(), subscription.getTermNumber(), subscription.getTermStart(),
        subscription.getTermEnd(), subscription.getAnchor(), subscription.isAutoRenewal(),
        subscription.getExpiredAt(),
        paymentMethods.findById(subscription.getPaymentMethodId()).map(PaymentMethodView::of)
            .orElse(null));
  }
}
