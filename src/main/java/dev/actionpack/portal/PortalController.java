package dev.actionpack.portal;

import dev.actionpack.benefit.BenefitService;
import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.domain.Refusal;
import dev.actionpack.notification.NotificationRepository;
import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.order.PurchaseService;
import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.subscription.RenewalPolicy;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.subscription.SubscriptionService;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's pages, Partner Center's way: Dashboard > Membership > Offers lists the available
 * offers and the purchased ones; a subscription's details show its term, status, auto-renewal,
 * card and benefits, turn auto-renewal off and lead to Replace card ({@link ReplaceCardPage});
 * the inbox shows the notifications. Every page is the signed-in partner's only: another
 * partner's subscription is the not-found page (R23).
 * Money and dates are written the partner's way ({@link LocaleFormat}).
 */
@Controller
@RequestMapping("/portal")
class PortalController {

  private final PartnerRepository partners;
  private final OfferRepository offers;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionService lifecycle;
  private final PurchaseService purchases;
  private final PaymentMethodRepository cards;
  private final BenefitService benefits;
  private final NotificationRepository notifications;
  private final RenewalPolicy renewalPolicy;
  private final MessageSource texts;

  PortalController(PartnerRepository partners, OfferRepository offers,
      SubscriptionRepository subscriptions, SubscriptionService lifecycle,
      PurchaseService purchases, PaymentMethodRepository cards, BenefitService benefits,
      NotificationRepository notifications, RenewalPolicy renewalPolicy, MessageSource texts) {
    this.partners = partners;
    this.offers = offers;
    this.subscriptions = subscriptions;
    this.lifecycle = lifecycle;
    this.purchases = purchases;
    this.cards = cards;
    this.benefits = benefits;
    this.notifications = notifications;
    this.renewalPolicy = renewalPolicy;
    this.texts = texts;
  }

  @GetMapping("/login")
  String signIn() {
    return "portal/login";
  }

  @GetMapping({"", "/"})
  String home() {
    return "redirect:/portal/offers";
  }

  /** Dashboard > Membership > Offers: available offers, then purchased offers. */
  @GetMapping("/offers")
  @Transactional(readOnly = true)
  String offers(@AuthenticationPrincipal PartnerPrincipal principal, Locale locale, Model model) {
    Partner partner = partners.findById(principal.partnerId()).orElseThrow();
    model.addAttribute("partner", partner);
    model.addAttribute("available", offers.findByActiveTrueOrderByCode().stream()
        .map(offer -> new AvailableOffer(offer.getCode(), offer.getName(),
            money(offer.getAnnualPrice(), offer.getCurrency(), locale),
            offer.getBenefits().stream().map(benefit -> new BenefitLine(benefit.code(),
                benefit.quantity())).toList(),
            purchases.refusal(partner.getId(), offer.getCode())
                .map(refusal -> PortalProblems.message(texts, refusal, locale)).orElse(null)))
        .toList());
    model.addAttribute("purchased", subscriptions
        .findByPartnerIdOrderByCreatedAtDesc(partner.getId()).stream()
        .map(subscription -> summary(subscription, locale)).toList());
    return "portal/offers";
  }

  /** A purchased offer's details; someone else's subscription is not found. */
  @GetMapping("/subscriptions/{number}")
  @Transactional(readOnly = true)
  String subscription(@AuthenticationPrincipal PartnerPrincipal principal,
      @PathVariable String number, Locale locale, Model model, HttpServletResponse response) {
    Optional<Subscription> found = subscriptions.findByNumberAndPartnerId(number,
        principal.partnerId());
    if (found.isEmpty()) {
      return notFound(response);
    }
    Subscription subscription = found.get();
    model.addAttribute("subscription", summary(subscription, locale));
    model.addAttribute("card", cards.findById(subscription.getPaymentMethodId())
        .map(card -> card.display()).orElse(""));
    model.addAttribute("cardReplaceable", subscription.getStatus().isLive());
    List<BenefitService.Granted> granted = benefits.list(subscription.getId(),
        subscription.getOfferCode());
    List<GrantLine> lines = granted.stream().map(grant -> line(grant, locale)).toList();
    model.addAttribute("benefits", lines.stream().filter(line -> line.amount() == null)
        .toList());
    List<GrantLine> credits = lines.stream().filter(line -> line.amount() != null).toList();
    model.addAttribute("credits", credits);
    model.addAttribute("creditTotal", money(BigDecimal.valueOf(credits.stream()
        .mapToInt(credit -> credit.quantity() == null ? 0 : credit.quantity()).sum()), "USD",
        locale));
    model.addAttribute("renewalRefusal",
        subscription.manualRenewalRefusal(renewalPolicy.graceWindow()));
    return "portal/subscription";
  }

  /**
   * Turns auto-renewal off (R10), then shows the details saying that only a renewal turns it on
   * again; a refusal (a renewal in progress, say) shows as a message on the page.
   */
  @PostMapping("/subscriptions/{number}/auto-renewal/off")
  String turnOffAutoRenewal(@AuthenticationPrincipal PartnerPrincipal principal,
      @PathVariable String number, Locale locale, HttpServletResponse response,
      RedirectAttributes next) {
    try {
      lifecycle.turnOffAutoRenewal(principal.partnerId(), number);
      next.addFlashAttribute("notice", texts.getMessage("portal.autoRenewal.turnedOff", null,
          locale));
    } catch (Refusal refusal) {
      if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
        return notFound(response);
      }
      next.addFlashAttribute("problem", PortalProblems.message(texts, refusal, locale));
    }
    return "redirect:/portal/subscriptions/" + number;
  }

  /** The notification inbox, newest first. */
  @GetMapping("/notifications")
  @Transactional(readOnly = true)
  String inbox(@AuthenticationPrincipal PartnerPrincipal principal, Locale locale,
      Model model) {
    model.addAttribute("notifications", notifications
        .findByPartnerIdOrderByCreatedAtDesc(principal.partnerId()).stream()
        .map(notice -> new Notice(notice.getSubject(), notice.getBody(),
            date(notice.getCreatedAt(), locale), notice.getReference()))
        .toList());
    return "portal/notifications";
  }

  /** Someone else's, or nothing: the same page, so it tells nothing about other partners. */
  static String notFound(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return "portal/not-found";
  }

  /** A granted benefit as the page lists it; a monthly Azure credit with its amount. */
  private static GrantLine line(BenefitService.Granted grant, Locale locale) {
    String amount = BenefitService.AZURE_CREDIT.equals(grant.code())
        ? money(BigDecimal.valueOf(grant.quantity() == null ? 0 : grant.quantity()), "USD",
            locale)
        : null;
    return new GrantLine(grant.code(), grant.quantity(), amount, date(grant.grantedAt(), locale),
        grant.revokedAt() == null);
  }

  private SubscriptionSummary summary(Subscription subscription, Locale locale) {
    Offer offer = offers.findById(subscription.getOfferCode()).orElseThrow();
    return new SubscriptionSummary(subscription.getNumber(), offer.getName(),
        subscription.getStatus().name(), subscription.getTermNumber(),
        date(subscription.getTermStart(), locale), date(subscription.getTermEnd(), locale),
        subscription.isAutoRenewal(), money(offer.getAnnualPrice(), offer.getCurrency(), locale));
  }

  private static String money(BigDecimal amount, String currency, Locale locale) {
    return LocaleFormat.money(amount, currency, locale);
  }

  private static String date(Instant instant, Locale locale) {
    return instant == null ? "" : LocaleFormat.date(instant, locale);
  }

  record AvailableOffer(String code, String name, String price, List<BenefitLine> benefits,
      String notPurchasable) {}

  record BenefitLine(String code, Integer quantity) {}

  /** A granted benefit; {@code amount} is a monthly credit's, written as money. */
  record GrantLine(String code, Integer quantity, String amount, String grantedOn,
      boolean active) {}

  record SubscriptionSummary(String number, String offerName, String status, int termNumber,
      String termStart, String termEnd, boolean autoRenewal, String price) {}

  record Notice(String subject, String body, String sentOn, String reference) {}
}
