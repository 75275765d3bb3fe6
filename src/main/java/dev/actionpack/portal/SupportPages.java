package dev.actionpack.portal;

import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.domain.Refusal;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.support.Contact;
import dev.actionpack.support.OpenServiceRequest;
import dev.actionpack.support.Outcome;
import dev.actionpack.support.ProblemType;
import dev.actionpack.support.ServiceRequest;
import dev.actionpack.support.ServiceRequestEvent;
import dev.actionpack.support.ServiceRequestService;
import dev.actionpack.support.ServiceRequestStatus;
import dev.actionpack.web.InputRules;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partner Center Support in the portal, Partner Center's way (R15, R17): Report a Partner Center
 * problem lists the partner's service requests (Service requests > Partner Center requests), New
 * request opens one, and a request's page follows its status to the resolution. Requests are
 * opened through {@link ServiceRequestService}, checked by the same constraints as the API's
 * body ({@link OpenServiceRequest}), so the pages and the API accept and refuse the same
 * requests; the portal only says why in the page's language. Another partner's request is the
 * not-found page (R23).
 */
@Controller
@RequestMapping("/portal/support")
class SupportPages {

  /** The form's fields, keyed by the API's field paths, in the form's order. */
  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("problemType", "problemType");
    FIELDS.put("subscriptionNumber", "subscriptionNumber");
    FIELDS.put("description", "description");
    FIELDS.put("contact.name", "contactName");
    FIELDS.put("contact.email", "contactEmail");
    FIELDS.put("contact.phone", "contactPhone");
    FIELDS.put("contact.preferredLanguage", "preferredLanguage");
  }

  private final ServiceRequestService requests;
  private final SubscriptionRepository subscriptions;
  private final OfferRepository offers;
  private final Validator validator;
  private final MessageSource texts;

  SupportPages(ServiceRequestService requests, SubscriptionRepository subscriptions,
      OfferRepository offers, Validator validator, MessageSource texts) {
    this.requests = requests;
    this.subscriptions = subscriptions;
    this.offers = offers;
    this.validator = validator;
    this.texts = texts;
  }

  /** The partner's requests, newest first; {@code ?status=} filters as the API's list does. */
  @GetMapping({"", "/"})
  String list(@AuthenticationPrincipal PartnerPrincipal principal,
      @RequestParam(required = false) String status, Locale locale, Model model,
      HttpServletResponse response) {
    Optional<ServiceRequestStatus> filter = Arrays.stream(ServiceRequestStatus.values())
        .filter(value -> value.name().equals(status)).findFirst();
    model.addAttribute("statuses", ServiceRequestStatus.values());
    model.addAttribute("selected", filter.map(Enum::name).orElse(null));
    if (status != null && filter.isEmpty()) {
      response.setStatus(422);
      model.addAttribute("problem", texts.getMessage("portal.support.filter.unknown", null,
          locale));
      model.addAttribute("requests", List.of());
      return "portal/support";
    }
    model.addAttribute("requests", requests.list(principal.partnerId(), filter).stream()
        .map(request -> new RequestLine(request.getNumber(), request.getProblemType().name(),
            request.getSubscriptionNumber(), request.getStatus().name(),
            LocaleFormat.date(request.getCreatedAt(), locale)))
        .toList());
    return "portal/support";
  }

  /** New request: the form, the contact's language the page's. */
  @GetMapping("/new")
  String form(@AuthenticationPrincipal PartnerPrincipal principal, Locale locale, Model model) {
    List<SubscriptionChoice> choices = choices(principal.partnerId(), locale);
    RequestForm blank = new RequestForm(ProblemType.values().length == 1
        ? ProblemType.values()[0].name() : null, choices.size() == 1
        ? choices.get(0).number() : null, null, null, null, null,
        LocaleFormat.supported(locale.toLanguageTag()).toLanguageTag());
    return showForm(blank, choices, Map.of(), null, model);
  }

  /**
   * Opens the request, then shows it with a notice. A field the rules refuse shows the form
   * again, as entered, with the reasons next to the fields and listed on top (422).
   */
  @PostMapping("/new")
  String open(@AuthenticationPrincipal PartnerPrincipal principal,
      @ModelAttribute RequestForm form, Locale locale, Model model,
      HttpServletResponse response, RedirectAttributes next) {
    OpenServiceRequest request = form.toRequest();
    Map<String, String> problems = new LinkedHashMap<>();
    FIELDS.forEach((path, field) -> {
      String value = form.value(field);
      if (value != null && InputRules.hasControlCharacters(value, true)) {
        problems.put(field, problem(path, "ControlCharacters", locale));
      }
    });
    for (ConstraintViolation<OpenServiceRequest> violation : validator.validate(request)) {
      String path = violation.getPropertyPath().toString();
      problems.putIfAbsent(FIELDS.getOrDefault(path, path), problem(path,
          violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
          locale));
    }
    String general = null;
    if (problems.isEmpty()) {
      try {
        ServiceRequest opened = requests.open(principal.partnerId(), request);
        next.addFlashAttribute("notice", texts.getMessage("portal.support.submitted",
            new Object[] {opened.getNumber()}, locale));
        return "redirect:/portal/support/" + opened.getNumber();
      } catch (Refusal refusal) {
        if (refusal.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
          for (Object error : errors) {
            if (error instanceof Refusal.FieldError field) {
              problems.putIfAbsent(FIELDS.getOrDefault(field.field(), field.field()),
                  problem(field.field(), "Refused", locale));
            }
          }
        } else {
          general = PortalProblems.message(texts, refusal, locale);
        }
      }
    }
    response.setStatus(422);
    return showForm(form, choices(principal.partnerId(), locale), ordered(problems), general,
        model);
  }

  /** One request, its history and, once closed, its resolution; someone else's is not found. */
  @GetMapping("/{number}")
  String show(@AuthenticationPrincipal PartnerPrincipal principal, @PathVariable String number,
      Locale locale, Model model, HttpServletResponse response) {
    ServiceRequest request;
    try {
      request = requests.show(principal.partnerId(), number);
    } catch (Refusal notFound) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "portal/not-found";
    }
    Contact contact = request.getContact();
    model.addAttribute("request", new RequestDetails(request.getNumber(),
        request.getStatus().name(), request.getProblemType().name(),
        request.getSubscriptionNumber(), request.getDescription(), contact.name(),
        contact.email(), contact.phone(), contact.preferredLanguage(),
        LocaleFormat.language(contact.preferredLanguage()).map(LocaleFormat.Language::name)
            .orElse(contact.preferredLanguage()),
        LocaleFormat.date(request.getCreatedAt(), locale)));
    model.addAttribute("history", requests.history(request.getId()).stream()
        .map(event -> new HistoryLine(event.getStatus().name(),
            LocaleFormat.date(event.getAt(), locale), step(event, request, locale),
            event.getKind() == ServiceRequestEvent.Kind.WAITING_ON_PARTNER
                ? event.getAgentNote() : null))
        .toList());
    model.addAttribute("resolution", request.getStatus() != ServiceRequestStatus.CLOSED ? null
        : new Resolution(request.getOutcome(), refunded(request, locale),
            request.getResolutionNote(), request.getClosedAt() == null ? ""
            : LocaleFormat.date(request.getClosedAt(), locale)));
    return "portal/support-request";
  }

  /**
   * What happened at a step, in the page's language ({@code portal.support.history.CLOSED} with
   * the outcome); the English line the API shows is never used here.
   */
  private String step(ServiceRequestEvent event, ServiceRequest request, Locale locale) {
    String outcome = request.getOutcome() == null ? "" : texts.getMessage(
        "portal.support.outcome." + request.getOutcome().name(), null, locale);
    return texts.getMessage("portal.support.history." + event.getKind().name(),
        new Object[] {outcome}, locale);
  }

  private String showForm(RequestForm form, List<SubscriptionChoice> choices,
      Map<String, String> problems, String general, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("problemTypes", ProblemType.values());
    model.addAttribute("subscriptions", choices);
    model.addAttribute("problems", problems);
    model.addAttribute("problem", general);
    return "portal/support-new";
  }

  /** The refunded amount in the offer's currency, the reader's way; none when not refunded. */
  private String refunded(ServiceRequest request, Locale locale) {
    BigDecimal amount = request.getRefundedAmount();
    if (request.getOutcome() != Outcome.CANCEL_NOW || amount == null) {
      return null;
    }
    String currency = subscriptions.findByNumberAndPartnerId(request.getSubscriptionNumber(),
            request.getPartnerId())
        .flatMap(subscription -> offers.findById(subscription.getOfferCode()))
        .map(offer -> offer.getCurrency()).orElse("USD");
    return LocaleFormat.money(amount, currency, locale);
  }

  private List<SubscriptionChoice> choices(UUID partnerId, Locale locale) {
    return subscriptions.findByPartnerIdOrderByCreatedAtDesc(partnerId).stream()
        .map(subscription -> choice(subscription, locale)).toList();
  }

  private SubscriptionChoice choice(Subscription subscription, Locale locale) {
    String offer = offers.findById(subscription.getOfferCode()).map(found -> found.getName())
        .orElse(subscription.getOfferCode());
    return new SubscriptionChoice(subscription.getNumber(), texts.getMessage(
        "portal.support.subscriptionChoice", new Object[] {subscription.getNumber(), offer,
            texts.getMessage("status." + subscription.getStatus().name(), null,
                subscription.getStatus().name(), locale)}, locale));
  }

  /**
   * Why a field is refused, in the page's language: the field's own sentence for the rule
   * ({@code portal.support.invalid.contact.phone.Pattern}), else the rule's, naming the field.
   */
  private String problem(String path, String rule, Locale locale) {
    String label = texts.getMessage("portal.support.field." + path, null, path, locale);
    String general = texts.getMessage("portal.support.invalid." + rule, new Object[] {label},
        texts.getMessage("portal.support.invalid.Refused", new Object[] {label}, locale), locale);
    return texts.getMessage("portal.support.invalid." + path + "." + rule,
        new Object[] {label}, general, locale);
  }

  /** The problems in the form's order, so the list reads top to bottom like the form. */
  private static Map<String, String> ordered(Map<String, String> problems) {
    Map<String, String> ordered = new LinkedHashMap<>();
    FIELDS.values().forEach(field -> {
      if (problems.containsKey(field)) {
        ordered.put(field, problems.get(field));
      }
    });
    problems.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /** The form as posted; every field is text, so binding itself never fails. */
  record RequestForm(String problemType, String subscriptionNumber, String description,
      String contactName, String contactEmail, String contactPhone, String preferredLanguage) {

    OpenServiceRequest toRequest() {
      return new OpenServiceRequest(problemType, subscriptionNumber, description,
          new Contact(contactName, contactEmail, contactPhone, preferredLanguage));
    }

    String value(String field) {
      return switch (field) {
        case "problemType" -> problemType;
        case "subscriptionNumber" -> subscriptionNumber;
        case "description" -> description;
        case "contactName" -> contactName;
        case "contactEmail" -> contactEmail;
        case "contactPhone" -> contactPhone;
        case "preferredLanguage" -> preferredLanguage;
        default -> null;
      };
    }
  }

  record SubscriptionChoice(String number, String label) {}

  record RequestLine(String number, String problemType, String subscriptionNumber,
      String status, String openedOn) {}

  record RequestDetails(String number, String status, String problemType,
      String subscriptionNumber, String description, String contactName, String contactEmail,
      String contactPhone, String contactLanguage, String contactLanguageName,
      String openedOn) {}

  /**
   * A step: the status it led to, what happened, and {@code note}, the agent's message as
   * written when support waits on the partner.
   */
  record HistoryLine(String status, String on, String step, String note) {}

  record Resolution(Outcome outcome, String refunded, String note, String closedOn) {}
}
