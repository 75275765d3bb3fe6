package dev.actionpack.portal;

import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.domain.Refusal;
import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.order.OrderStatus;
import dev.actionpack.order.PurchaseOrder;
import dev.actionpack.order.PurchaseOrderRepository;
import dev.actionpack.order.PurchaseRequest;
import dev.actionpack.order.PurchaseService;
import dev.actionpack.order.Receipts;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.payment.PaymentMethod;
import dev.actionpack.payment.PaymentMethodService;
import dev.actionpack.subscription.RenewalPolicy;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The purchase steps of the seed page, for a new subscription (Subscribe now) and a manual
 * renewal (Renew subscription): accept the terms for internal-use rights, add or pick a payment
 * method, review the order ("charged immediately"), Purchase, the order confirmed. The steps
 * carry only the offer, the terms version, the chosen saved card and the flow's key; a new card
 * is stored at the provider in the payment step, so no card number is ever in a page (R6). The
 * flow's key is the purchase's idempotency key: Purchase pressed twice is one order (R7). Every
 * refusal shows on the step's page in the partner's language.
 */
@Controller
@RequestMapping("/portal")
class CheckoutPages {

  private final OfferRepository offers;
  private final SubscriptionRepository subscriptions;
  private final PurchaseService purchases;
  private final PurchaseOrderRepository orders;
  private final PaymentMethodService cards;
  private final RenewalPolicy renewalPolicy;
  private final MessageSource texts;
  private final Receipts receipts;

  CheckoutPages(OfferRepository offers, SubscriptionRepository subscriptions,
      PurchaseService purchases, PurchaseOrderRepository orders, PaymentMethodService cards,
      RenewalPolicy renewalPolicy, MessageSource texts, Receipts receipts) {
    this.receipts = receipts;
    this.offers = offers;
    this.subscriptions = subscriptions;
    this.purchases = purchases;
    this.orders = orders;
    this.cards = cards;
    this.renewalPolicy = renewalPolicy;
    this.texts = texts;
  }

  /** The steps' state, posted back by each page, with the payment step's card fields. */
  static final class Checkout extends CardForm {
    private String flow;
    private String offer;
    private String renew;
    private String termsVersion;
    private boolean accepted;
    private String paymentMethodId;

    public String getFlow() {
      return flow;
    }

    public void setFlow(String flow) {
      this.flow = flow;
    }

    public String getOffer() {
      return offer;
    }

    public void setOffer(String offer) {
      this.offer = offer;
    }

    public String getRenew() {
      return renew;
    }

    public void setRenew(String renew) {
      this.renew = renew == null || renew.isBlank() ? null : renew;
    }

    public String getTermsVersion() {
      return termsVersion;
    }

    public void setTermsVersion(String termsVersion) {
      this.termsVersion = termsVersion;
    }

    public boolean isAccepted() {
      return accepted;
    }

    public void setAccepted(boolean accepted) {
      this.accepted = accepted;
    }

    public String getPaymentMethodId() {
      return paymentMethodId;
    }

    public void setPaymentMethodId(String paymentMethodId) {
      this.paymentMethodId = paymentMethodId;
    }
  }

  @GetMapping("/offers/{code}/subscribe")
  String subscribe(@PathVariable String code, Model model, HttpServletResponse response) {
    Optional<Offer> offer = offers.findById(code).filter(Offer::isActive);
    if (offer.isEmpty()) {
      return PortalController.notFound(response);
    }
    Checkout checkout = new Checkout();
    checkout.setFlow(UUID.randomUUID().toString());
    checkout.setOffer(code);
    return terms(checkout, offer.get(), model);
  }

  @GetMapping("/subscriptions/{number}/renew")
  String renew(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String number,
      Model model, HttpServletResponse response) {
    var subscription = subscriptions.findByNumberAndPartnerId(number, partner.partnerId());
    if (subscription.isEmpty()) {
      return PortalController.notFound(response);
    }
    if (subscription.get().manualRenewalRefusal(renewalPolicy.graceWindow()) != null) {
      return "redirect:/portal/subscriptions/" + number;
    }
    Checkout checkout = new Checkout();
    checkout.setFlow(UUID.randomUUID().toString());
    checkout.setOffer(subscription.get().getOfferCode());
    checkout.setRenew(number);
    return terms(checkout, offers.findById(checkout.getOffer()).orElseThrow(), model);
  }

  /** The offer the form names; {@code null} when it names none or one that does not exist. */
  private Offer offerOf(Checkout checkout) {
    return Optional.ofNullable(checkout.getOffer()).filter(code -> !code.isBlank())
        .flatMap(offers::findById).orElse(null);
  }

  /** Step 1 done: the terms accepted (or the page again, saying they must be). */
  @PostMapping("/checkout/terms")
  String accepted(@AuthenticationPrincipal PartnerPrincipal partner,
      @ModelAttribute Checkout checkout, Locale locale, Model model,
      HttpServletResponse response) {
    Offer offer = offerOf(checkout);
    if (offer == null) {
      return PortalController.notFound(response);
    }
    if (!checkout.isAccepted()) {
      response.setStatus(422);
      model.addAttribute("problems", List.of(texts.getMessage("portal.checkout.mustAccept",
          null, locale)));
      return terms(checkout, offer, model);
    }
    return payment(partner, checkout, offer, model);
  }

  /** Step 2 done: a saved card picked, or a new one stored at the provider. */
  @PostMapping("/checkout/payment")
  String paid(@AuthenticationPrincipal PartnerPrincipal partner,
      @ModelAttribute Checkout checkout, Locale locale, Model model,
      HttpServletResponse response) {
    Offer offer = offerOf(checkout);
    if (offer == null) {
      return PortalController.notFound(response);
    }
    try {
      PaymentMethod card = checkout.take(cards, partner.partnerId());
      checkout.setPaymentMethodId(card.getId().toString());
      checkout.forgetCard();
      return review(checkout, offer, card, locale, model);
    } catch (Refusal refusal) {
      checkout.forgetCard();
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      model.addAttribute("problems", PortalProblems.messages(texts, refusal, locale));
      return payment(partner, checkout, offer, model);
    }
  }

  /** Step 3: Purchase. The card is charged immediately; the order's outcome is shown. */
  @PostMapping("/checkout/purchase")
  String purchase(@AuthenticationPrincipal PartnerPrincipal partner,
      @ModelAttribute Checkout checkout, Locale locale, Model model,
      HttpServletResponse response) {
    Offer offer = offerOf(checkout);
    if (offer == null) {
      return PortalController.notFound(response);
    }
    PurchaseRequest request = new PurchaseRequest(offer.getCode(), true,
        checkout.getTermsVersion(), CardForm.id(checkout.getPaymentMethodId()), null,
        new PurchaseRequest.ReviewedPrice(offer.getAnnualPrice(), offer.getCurrency()));
    PurchaseOrder order;
    try {
      order = checkout.getRenew() == null
          ? purchases.purchase(partner.partnerId(), request, checkout.getFlow())
          : purchases.renew(partner.partnerId(), checkout.getRenew(), request,
              checkout.getFlow());
    } catch (Refusal refusal) {
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      model.addAttribute("problems", PortalProblems.messages(texts, refusal, locale));
      return payment(partner, checkout, offer, model);
    }
    if (order.getStatus() == OrderStatus.DECLINED) {
      response.setStatus(402);
      model.addAttribute("problems", List.of(PortalProblems.declined(texts,
          order.getDeclineCode(), locale)));
      return payment(partner, checkout, offer, model);
    }
    return "redirect:/portal/orders/" + order.getNumber();
  }

  /** The order: confirmed (with Close), still being charged (the page looks again), declined. */
  @GetMapping("/orders/{number}")
  String order(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String number,
      Locale locale, Model model, HttpServletResponse response) {
    Optional<PurchaseOrder> order = orders.findByNumberAndPartnerId(number, partner.partnerId());
    if (order.isEmpty()) {
      return PortalController.notFound(response);
    }
    PurchaseOrder found = order.get();
    model.addAttribute("order", found);
    model.addAttribute("amount", LocaleFormat.money(found.getAmount(), found.getCurrency(),
        locale));
    model.addAttribute("declined", found.getDeclineCode() == null ? null
        : PortalProblems.declined(texts, found.getDeclineCode(), locale));
    return "portal/order";
  }

  /** The order's PDF receipt (a charged order only), the same document as the API's. */
  @GetMapping("/orders/{number}/receipt")
  String receipt(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String number,
      Locale locale, Model model, HttpServletResponse response) throws java.io.IOException {
    byte[] pdf;
    try {
      pdf = receipts.receipt(partner.partnerId(), number);
    } catch (Refusal refusal) {
      if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
        return PortalController.notFound(response);
      }
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      model.addAttribute("problems", List.of(PortalProblems.message(texts, refusal, locale)));
      return order(partner, number, locale, model, response);
    }
    OrdersPage.send(response, pdf, "receipt-" + number + ".pdf");
    return null;
  }

  private String terms(Checkout checkout, Offer offer, Model model) {
    checkout.setTermsVersion(offer.getTermsVersion());
    model.addAttribute("checkout", checkout);
    model.addAttribute("offer", offer);
    return "portal/checkout-terms";
  }

  private String payment(PartnerPrincipal partner, Checkout checkout, Offer offer,
      Model model) {
    model.addAttribute("checkout", checkout);
    model.addAttribute("offer", offer);
    model.addAttribute("cards", cards.list(partner.partnerId()).stream()
        .filter(card -> !card.isExpired()).toList());
    model.addAttribute("cardNumbers", cards.takesCardNumbers());
    return "portal/checkout-payment";
  }

  private String review(Checkout checkout, Offer offer, PaymentMethod card, Locale locale,
      Model model) {
    model.addAttribute("checkout", checkout);
    model.addAttribute("offer", offer);
    model.addAttribute("card", card.display());
    model.addAttribute("price", LocaleFormat.money(offer.getAnnualPrice(), offer.getCurrency(),
        locale));
    return "portal/checkout-review";
  }
}
