package dev.actionpack.notification;

import dev.actionpack.notification.NotificationService.About;
import dev.actionpack.subscription.PaymentMethodReplaced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the partner that the card paying a subscription was replaced (R25, R19). */
@Component
class PaymentMethodNotices {

  private final NotificationService notifications;

  PaymentMethodNotices(NotificationService notifications) {
    this.notifications = notifications;
  }

  /** In the replacement's transaction: the notice is there exactly when the new card is. */
  @EventListener
  void replaced(PaymentMethodReplaced replaced) {
    notifications.send(NotificationKind.PAYMENT_METHOD_REPLACED,
        new About(replaced.subscriptionId(), null, null), null);
  }
}
