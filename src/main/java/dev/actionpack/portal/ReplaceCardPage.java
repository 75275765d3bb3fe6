package dev.actionpack.portal;

import dev.actionpack.domain.Refusal;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.payment.PaymentMethod;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.payment.PaymentMethodService;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.subscription.SubscriptionService;
import dev.actionpack.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * Replace card (R25), the API's {@code PUT /api/subscriptions/{number}/payment-method} as a
 * page: another saved card, or a new one taken as the checkout's payment step takes it
 * ({@link CardForm}). The subscription is checked before a new card is stored at the provider,
 * as the API does, so a refused replacement stores nothing and changes nothing. Someone else's
 * subscription is the not-found page (R23).
 *
 * <p>The form carries a key of its own ({@code flow}); the session remembers which card each key
 * put on the subscription, and one session's replacements run one at a time. A form sent twice
 * (a double click, a reload) therefore replaces the card once: with the embedded provider a new
 * card typed twice would otherwise be stored twice and announced twice.
 */
@Controller
@RequestMapping("/portal/subscriptions/{number}/card")
class ReplaceCardPage {

  private static final String REPLACED = ReplaceCardPage.class.getName() + ".replaced";

  private final SubscriptionRepository subscriptions;
  private final SubscriptionService lifecycle;
  private final PaymentMethodService cards;
  private final PaymentMethodRepository savedCards;
  private final MessageSource texts;

  ReplaceCardPage(SubscriptionRepository subscriptions, SubscriptionService lifecycle,
      PaymentMethodService cards, PaymentMethodRepository savedCards, MessageSource texts) {
    this.subscriptions = subscriptions;
    this.lifecycle = lifecycle;
    this.cards = cards;
    this.savedCards = savedCards;
    this.texts = texts;
  }

  /** The form's fields: the card's, and the key that makes sending it twice one replacement. */
  static final class Replacement extends CardForm {
    private String flow;

    public String getFlow() {
      return flow;
    }

    public void setFlow(String flow) {
      this.flow = flow;
    }
  }

  /** The form; for a cancelled or closed subscription, why its card cannot be replaced. */
  @GetMapping
  String form(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String number,
      Locale locale, Model model, HttpServletResponse response) {
    Replacement replacement = new Replacement();
    replacement.setFlow(UUID.randomUUID().toString());
    try {
      lifecycle.requireReplaceable(partner.partnerId(), number);
    } catch (Refusal refusal) {
      return refused(partner, number, replacement, refusal, locale, model, response);
    }
    return page(partner, number, replacement, true, model, response);
  }

  /** Replaces the card, then shows the subscription with it; a refusal shows on this page. */
  @PostMapping
  String replace(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String number,
      @ModelAttribute Replacement replacement, Locale locale, Model model,
      HttpServletResponse response, HttpSession session, RedirectAttributes next) {
    PaymentMethod card;
    synchronized (WebUtils.getSessionMutex(session)) {
      Map<String, UUID> replaced = replaced(session);
      String key = number + " " + replacement.getFlow();
      try {
        UUID done = replacement.getFlow() == null ? null : replaced.get(key);
        if (done != null) {
          card = savedCards.findById(done).orElseThrow();
        } else {
          lifecycle.requireReplaceable(partner.partnerId(), number);
          card = replacement.take(cards, partner.partnerId());
          lifecycle.replacePaymentMethod(partner.partnerId(), number, card.getId());
          if (replacement.getFlow() != null) {
            replaced.put(key, card.getId());
          }
        }
      } catch (Refusal refusal) {
        return refused(partner, number, replacement, refusal, locale, model, response);
      } finally {
        replacement.forgetCard();
      }
    }
    next.addFlashAttribute("notice", texts.getMessage("portal.card.replaced",
        new Object[] {card.display()}, locale));
    return "redirect:/portal/subscriptions/" + number;
  }

  private String refused(PartnerPrincipal partner, String number, Replacement replacement,
      Refusal refusal, Locale locale, Model model, HttpServletResponse response) {
    if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
      return PortalController.notFound(response);
    }
    response.setStatus(ApiProblem.statusCode(refusal.kind()));
    model.addAttribute("problems", PortalProblems.messages(texts, refusal, locale));
    return page(partner, number, replacement, refusal.kind() != Refusal.Kind.CONFLICT, model,
        response);
  }

  /**
   * The page: the card paying now and, while it may be replaced, the form with the partner's
   * other saved cards that have not expired.
   */
  private String page(PartnerPrincipal partner, String number, Replacement replacement,
      boolean replaceable, Model model, HttpServletResponse response) {
    Optional<Subscription> own = subscriptions.findByNumberAndPartnerId(number,
        partner.partnerId());
    if (own.isEmpty()) {
      return PortalController.notFound(response);
    }
    UUID current = own.get().getPaymentMethodId();
    model.addAttribute("number", number);
    model.addAttribute("current", savedCards.findById(current).map(PaymentMethod::display)
        .orElse(""));
    model.addAttribute("replacement", replacement);
    model.addAttribute("replaceable", replaceable);
    model.addAttribute("cards", cards.list(partner.partnerId()).stream()
        .filter(card -> !card.isExpired() && !card.getId().equals(current)).toList());
    model.addAttribute("cardNumbers", cards.takesCardNumbers());
    return "portal/card-replace";
  }

  /** The replacements this session made: a form's key, the card it put on the subscription. */
  @SuppressWarnings("unchecked")
  private static Map<String, UUID> replaced(HttpSession session) {
    Object replaced = session.getAttribute(REPLACED);
    if (replaced == null) {
      replaced = new ConcurrentHashMap<String, UUID>();
      session.setAttribute(REPLACED, replaced);
    }
    return (Map<String, UUID>) replaced;
  }
}
