package dev.actionpack.notification;

import dev.actionpack.offer.OfferRepository;
import dev.actionpack.order.PurchaseOrder;
import dev.actionpack.order.PurchaseOrderRepository;
import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.subscription.SubscriptionRepository;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders partner notifications from the {@code notifications} message bundle in the partner's
 * language and delivers them to the partner's inbox. It runs inside the engine job of a send
 * task, so the message is written exactly when the job commits.
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

  NotificationService(MessageSource templates, NotificationRepository notifications,
      PartnerRepository partners, PurchaseOrderRepository orders,
      SubscriptionRepository subscriptions, PaymentMethodRepository paymentMethods,
      OfferRepository offers) {
    this.templates = templates;
    this.notifications = notifications;
    this.partners = partners;
    this.orders = orders;
    this.subscriptions = subscriptions;
    this.paymentMethods = paymentMethods;
    this.offers = offers;
  }

  /** Sends the notification of {@code kind} about an order's outcome. */
  @Transactional
  public Notification aboutOrder(NotificationKind kind, UUID orderId) {
    PurchaseOrder order = orders.findById(orderId).orElseThrow();
    Partner partner = partners.findById(order.getPartnerId()).orElseThrow();
    Locale locale = Locale.forLanguageTag(partner.getLocale());
    String card = paymentMethods.findById(order.getPaymentMethodId()).orElseThrow().display();
    String offerName = offers.findById(order.getOfferCode()).orElseThrow().getName();
    Object[] args = switch (kind) {
      case ORDER_CONFIRMED -> {
        var subscription = subscriptions.findByNumber(order.getSubscriptionNumber()).orElseThrow();
        yield new Object[] {partner.getName(), offerName, order.getNumber(),
            order.displayAmount(), card, subscription.getNumber(),
            DATE.format(subscription.getTermEnd())};
      }
      case PAYMENT_DECLINED -> new Object[] {partner.getName(), offerName, order.getNumber(),
          order.displayAmount(), card,
          templates.getMessage("decline." + order.getDeclineCode(), null, locale)};
    };
    return deliver(partner, kind, locale, args, order.getNumber());
  }

  private Notification deliver(Partner partner, NotificationKind kind, Locale locale,
      Object[] args, String reference) {
    String subject = templates.getMessage(kind.name() + ".subject", args, locale);
    String body = templates.getMessage(kind.name() + ".body", args, locale);
    Notification notification = notifications.save(new Notification(partner.getId(), kind,
        locale.toLanguageTag(), subject, body, reference));
    log.info("Notification {} about {} delivered to the inbox of partner {}", kind, reference,
        partner.getId());
    return notification;
  }
}
