package dev.actionpack.subscription;

import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.offer.OfferView;
import dev.actionpack.order.PurchaseService;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.payment.PaymentMethodView;
import dev.actionpack.web.ApiProblem;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Partner Center's "available offers" and "purchased offers" lists. */
@RestController
@RequestMapping("/api")
class SubscriptionController {

  private final OfferRepository offers;
  private final SubscriptionRepository subscriptions;
  private final PaymentMethodRepository paymentMethods;
  private final PurchaseService purchases;

  SubscriptionController(OfferRepository offers, SubscriptionRepository subscriptions,
      PaymentMethodRepository paymentMethods, PurchaseService purchases) {
    this.offers = offers;
    this.subscriptions = subscriptions;
    this.paymentMethods = paymentMethods;
    this.purchases = purchases;
  }

  @GetMapping("/offers/available")
  @Transactional(readOnly = true)
  List<OfferView> available(@AuthenticationPrincipal PartnerPrincipal partner) {
    return offers.findByActiveTrueOrderByCode().stream()
        .map(offer -> OfferView.of(offer, purchases.refusal(partner.partnerId(), offer.getCode())
            .map(Throwable::getMessage).orElse(null)))
        .toList();
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
        .orElseThrow(() -> ApiProblem.notFound("Subscription", number));
  }

  private SubscriptionView view(Subscription subscription) {
    String offerName = offers.findById(subscription.getOfferCode()).map(Offer::getName)
        .orElse(subscription.getOfferCode());
    return new SubscriptionView(subscription.getNumber(), subscription.getOfferCode(), offerName,
        subscription.getStatus(), subscription.getTermNumber(), subscription.getTermStart(),
        subscription.getTermEnd(), subscription.getAnchor(), subscription.isAutoRenewal(),
        paymentMethods.findById(subscription.getPaymentMethodId()).map(PaymentMethodView::of)
            .orElse(null));
  }
}
