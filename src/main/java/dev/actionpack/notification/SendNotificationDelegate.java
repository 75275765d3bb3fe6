package dev.actionpack.notification;

import static dev.actionpack.process.ProcessVariables.NOTIFICATION;
import static dev.actionpack.process.ProcessVariables.ORDER_ID;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import dev.actionpack.process.StepKey;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the notification named by the task's {@code notification} input parameter, about the
 * instance's order and subscription. One delegate for every send task of {@code subscribe} and
 * {@code renew}; the model says which message each one sends.
 */
@Component
public class SendNotificationDelegate implements JavaDelegate {

  private final NotificationService notifications;

  SendNotificationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = NotificationKind.valueOf(NOTIFICATION.from(execution));
    UUID orderId = ORDER_ID.optionalFrom(execution).map(UUID::fromString).orElse(null);
    notifications.send(kind, new NotificationService.About(
            SUBSCRIPTION_ID.optionalFrom(execution).map(UUID::fromString).orElse(null),
            orderId, null),
        dedupeKey(kind, orderId, execution));
  }

  /**
   * A renewal's receipt is sent once per renewal order: the next term's instance that sends it
   * may be started a second time when a crash lost the first start but not the order's commit.
   * Every other notice once per send step.
   */
  private static String dedupeKey(NotificationKind kind, UUID orderId,
      DelegateExecution execution) {
    return kind == NotificationKind.RENEWED && orderId != null
        ? kind + "/" + orderId : StepKey.of(execution);
  }
}
