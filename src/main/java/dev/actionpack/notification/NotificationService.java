package dev.actionpack.notification;

import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.operations.BusinessMetrics;
import dev.actionpack.order.PurchaseOrder;
import dev.actionpack.order.PurchaseOrderRepository;
import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.process.EngineClock;
import dev.actionpack.subscription.RenewalPolicy;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.subscription.SubscriptionStatus;
import dev.actionpack.support.ServiceRequest;
import dev.actionpack.support.ServiceRequestRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders partner notifications (R19) from the {@code notifications} message bundle in the
 * partner's language and keeps them in the partner's inbox, in the transaction of the step that
 * sends them: the inbox is the record, and shows a notice the moment its event committed. When
 * a mail server is configured, the same transaction queues the mail in the {@link MailOutbox},
 * which sends it on its own and tries again while the mail server is down.
 */
@Service
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final MessageSource templates;
  private final NotificationRepository notifications;
  private final PartnerRepository partners;
  private final PurchaseOrderRepository orders;
  private final SubscriptionRepository subscriptions;
  private final PaymentMethodRepository paymentMethods;
  private final OfferRepository offers;
  private final RenewalPolicy policy;
  private final MailOutbox outbox;
  private final ServiceRequestRepository requests;
  private final BusinessMetrics metrics;

  NotificationService(MessageSource templates, NotificationRepository notifications,
      PartnerRepository partners, PurchaseOrderRepository orders,
      SubscriptionRepository subscriptions, PaymentMethodRepository paymentMethods,
      OfferRepository offers, RenewalPolicy policy, MailOutbox outbox,
      ServiceRequestRepository requests,
      BusinessMetrics metrics) {
    this.requests = requests;
    this.metrics = metrics;
    this.templates = templates;
    this.notifications = notifications;
    this.partners = partners;
    this.orders = orders;
    this.subscriptions = subscriptions;
    this.paymentMethods = paymentMethods;
    this.offers = offers;
    this.policy = policy;
    this.outbox = outbox;
  }

  /** What a notification is about: an order, a subscription, a service request (any may be null). */
  public record About(UUID subscriptionId, UUID orderId, UUID requestId) {}

  /**
   * Sends the notification of {@code kind} about an order, a subscription and/or a service
   * request. {@code dedupeKey} names the send step: sent once per step.
   */
  @Transactional
  public Notification send(NotificationKind kind, About about, String dedupeKey) {
    Optional<Notification> already = Optional.ofNullable(dedupeKey)
        .flatMap(notifications::findByDedupeKey);
    if (already.isPresent()) {
      return already.get();
    }
    ServiceRequest request = about.requestId() == null ? null
        : requests.findById(about.requestId()).orElseThrow();
    PurchaseOrder order = about.orderId() == null ? null
        : orders.findById(about.orderId()).orElseThrow();
    Subscription subscription = about.subscriptionId() != null
        ? subscriptions.findById(about.subscriptionId()).orElseThrow()
        : subscriptions.findByNumber(order != null ? order.getSubscriptionNumber()
            : request.getSubscriptionNumber()).orElse(null);
    Partner partner = partners.findById(order != null ? order.getPartnerId()
        : subscription.getPartnerId()).orElseThrow();
    Locale locale = LocaleFormat.supported(request != null
        ? request.getContact().preferredLanguage() : partner.getLocale());
    Offer offer = offers.findById(order != null ? order.getOfferCode()
        : subscription.getOfferCode()).orElseThrow();
    UUID cardId = order != null ? order.getPaymentMethodId() : subscription.getPaymentMethodId();
    Map<String, String> values = new HashMap<>();
    values.put("partner", partner.getName());
    values.put("offer", offer.getName());
    values.put("subscription", subscription == null ? "" : subscription.getNumber());
    values.put("order", order == null ? "" : order.getNumber());
    values.put("amount", order == null
        ? LocaleFormat.money(offer.getAnnualPrice(), offer.getCurrency(), locale)
        : LocaleFormat.money(order.getAmount(), order.getCurrency(), locale));
    values.put("card", paymentMethods.findById(cardId).orElseThrow().display());
    values.put("termEnd", subscription == null ? ""
        : LocaleFormat.date(subscription.getTermEnd(), locale));
    values.put("declineReason", order == null || order.getDeclineCode() == null ? ""
        : templates.getMessage("decline." + order.getDeclineCode(), null, locale));
    values.put("date", otherDate(kind, subscription, locale));
    values.put("request", request == null ? "" : request.getNumber());
    values.put("resolution", request == null ? "" : resolution(request, locale));
    values.put("refund", request == null || request.getRefundedAmount() == null ? ""
        : LocaleFormat.money(request.getRefundedAmount(), offer.getCurrency(), locale));
    String subject = NamedPlaceholders.fill(
        templates.getMessage(kind.name() + ".subject", null, locale), values);
    String body = NamedPlaceholders.fill(
        templates.getMessage(kind.name() + ".body", null, locale), values);
    String reference = request != null ? request.getNumber()
        : subscription != null ? subscription.getNumber() : order.getNumber();
    Notification unsaved = new Notification(partner.getId(), kind, locale.toLanguageTag(),
        subject, body, reference, dedupeKey);
    // with mail to queue, written at once: the outbox row refers to it
    Notification notification = outbox.enabled() ? notifications.saveAndFlush(unsaved)
        : notifications.save(unsaved);
    outbox.queue(notification.getId(), request != null ? request.getContact().email()
            : partner.getEmail(), subject, body, notification.getLocale(),
        dedupeKey != null ? dedupeKey : notification.getId().toString());
    metrics.notificationQueued(kind.name());
    log.info("Notification {} about {} sent to partner {}", kind, reference, partner.getId());
    return notification;
  }

  /** Sends the notification of {@code kind} about the service request {@code requestNumber}. */
  @Transactional
  public Notification sendAboutRequest(NotificationKind kind, String requestNumber,
      String dedupeKey) {
    return send(kind, new About(null, null, request(requestNumber).getId()), dedupeKey);
  }

  /** Confirms a cancellation by support (R16, R19): now, or at the term end. */
  @Transactional
  public Notification confirmCancellation(String requestNumber, String dedupeKey) {
    ServiceRequest request = request(requestNumber);
    UUID requestId = request.getId();
    Subscription subscription = subscriptions.findByNumber(request.getSubscriptionNumber())
        .orElseThrow();
    return send(subscription.getStatus() == SubscriptionStatus.CANCELLED
            ? NotificationKind.CANCELLED_NOW : NotificationKind.CANCELLED_AT_TERM_END,
        new About(subscription.getId(), null, requestId), dedupeKey);
  }

  private ServiceRequest request(String number) {
    return requests.findByNumber(number).orElseThrow(() -> new IllegalStateException(
        "no service request " + number));
  }

  private String resolution(ServiceRequest request, Locale locale) {
    String outcome = request.getOutcome() == null ? ""
        : templates.getMessage("outcome." + request.getOutcome(), null, locale);
    String note = request.getResolutionNote();
    return note == null || note.isBlank() ? outcome : outcome + " " + note;
  }

  /**
   * The reminder before a term end (R11), announcing the charge while auto-renewal is on and
   * saying how to renew while it is off. Nothing is sent for a term that is no longer the
   * current one, nor once the term has ended (a reminder that fell due during downtime).
   */
  @Transactional
  public Optional<Notification> remind(UUID subscriptionId, int termNumber, String dedupeKey) {
    Subscription subscription = subscriptions.findById(subscriptionId).orElseThrow();
    if (subscription.getTermNumber() != termNumber
        || subscription.getStatus() != SubscriptionStatus.ACTIVE
        || !EngineClock.now().isBefore(subscription.getTermEnd())) {
      log.info("No reminder for subscription {}: term {} is no longer current or has ended",
          subscription.getNumber(), termNumber);
      return Optional.empty();
    }
    NotificationKind variant = subscription.isAutoRenewal() ? NotificationKind.REMINDER_RENEWS
        : NotificationKind.REMINDER_EXPIRES;
    metrics.reminderSent(variant.name());
    return Optional.of(send(variant, new About(subscriptionId, null, null), dedupeKey));
  }

  private String otherDate(NotificationKind kind, Subscription subscription, Locale locale) {
    Instant date = switch (kind) {
      case EXPIRED -> subscription.getExpiredAt() == null ? null
          : subscription.getExpiredAt().plus(policy.graceWindow());
      case RENEWAL_DECLINED -> policy.retryOffsets().isEmpty() ? null
          : subscription.getTermEnd().plus(policy.retryOffsets().get(0));
      default -> null;
    };
    return date == null ? "" : LocaleFormat.date(date, locale);
  }
}
