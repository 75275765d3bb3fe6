package dev.actionpack.notification;

import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders partner notifications (R19) from the {@code notifications} message bundle in the
 * partner's language, keeps them in the partner's inbox and, when a mail server is configured,
 * mails them. It runs inside the engine job of a send task: the job is the outbox, so a mail
 * server outage only delays a message (the job retries, then raises an incident).
 */
@Service
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE
      .withZone(ZoneOffset.UTC);

  private final MessageSource templates;
  private final NotificationRepository notifications;
  private final PartnerRepository partners;
  private final PurchaseOrderRepository orders;
  private final SubscriptionRepository subscriptions;
  private final PaymentMethodRepository paymentMethods;
  private final OfferRepository offers;
  private final RenewalPolicy policy;
  private final MailDelivery mail;

  NotificationService(MessageSource templates, NotificationRepository notifications,
      PartnerRepository partners, PurchaseOrderRepository orders,
      SubscriptionRepository subscriptions, PaymentMethodRepository paymentMethods,
      OfferRepository offers, RenewalPolicy policy, MailDelivery mail) {
    this.templates = templates;
    this.notifications = notifications;
    this.partners = partners;
    this.orders = orders;
    this.subscriptions = subscriptions;
    this.paymentMethods = paymentMethods;
    this.offers = offers;
    this.policy = policy;
    this.mail = mail;
  }

  /**
   * Sends the notification of {@code kind} about an order and/or a subscription (either may be
   * null, not both). {@code dedupeKey} names the send step: sent once per step.
   */
  @Transactional
  public Notification send(NotificationKind kind, UUID subscriptionId, UUID orderId,
      String dedupeKey) {
    Optional<Notification> already = Optional.ofNullable(dedupeKey)
        .flatMap(notifications::findByDedupeKey);
    if (already.isPresent()) {
      return already.get();
    }
    PurchaseOrder order = orderId == null ? null : orders.findById(orderId).orElseThrow();
    Subscription subscription = subscriptionId != null
        ? subscriptions.findById(subscriptionId).orElseThrow()
        : subscriptions.findByNumber(order.getSubscriptionNumber()).orElse(null);
    Partner partner = partners.findById(order != null ? order.getPartnerId()
        : subscription.getPartnerId()).orElseThrow();
    Locale locale = Locale.forLanguageTag(partner.getLocale());
    Offer offer = offers.findById(order != null ? order.getOfferCode()
        : subscription.getOfferCode()).orElseThrow();
    UUID cardId = order != null ? order.getPaymentMethodId() : subscription.getPaymentMethodId();
    Object[] args = {
        partner.getName(),
        offer.getName(),
        subscription == null ? "" : subscription.getNumber(),
        order == null ? "" : order.getNumber(),
        order == null ? offer.displayPrice() : order.displayAmount(),
        paymentMethods.findById(cardId).orElseThrow().display(),
        subscription == null ? "" : DATE.format(subscription.getTermEnd()),
        order == null || order.getDeclineCode() == null ? ""
            : templates.getMessage("decline." + order.getDeclineCode(), null, locale),
        otherDate(kind, subscription)};
    String subject = templates.getMessage(kind.name() + ".subject", args, locale);
    String body = templates.getMessage(kind.name() + ".body", args, locale);
    Notification notification = notifications.save(new Notification(partner.getId(), kind,
        locale.toLanguageTag(), subject, body,
        subscription != null ? subscription.getNumber() : order.getNumber(), dedupeKey));
    mail.deliver(partner.getEmail(), notification);
    log.info("Notification {} about {} sent to partner {}", kind, notification.getReference(),
        partner.getId());
    return notification;
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
    return Optional.of(send(subscription.isAutoRenewal() ? NotificationKind.REMINDER_RENEWS
        : NotificationKind.REMINDER_EXPIRES, subscriptionId, null, dedupeKey));
  }

  private String otherDate(NotificationKind kind, Subscription subscription) {
    Instant date = switch (kind) {
      case EXPIRED -> subscription.getExpiredAt() == null ? null
          : subscription.getExpiredAt().plus(policy.graceWindow());
      case RENEWAL_DECLINED -> policy.retryOffsets().isEmpty() ? null
          : subscription.getTermEnd().plus(policy.retryOffsets().get(0));
      default -> null;
    };
    return date == null ? "" : DATE.format(date);
  }
}
