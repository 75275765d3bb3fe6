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
    notifications.send(NotificationKind.valueOf(NOTIFICATION.from(execution)),
        new NotificationService.About(
            SUBSCRIPTION_ID.optionalFrom(execution).map(UUID::fromString).orElse(null),
            ORDER_ID.optionalFrom(execution).map(UUID::fromString).orElse(null), null),
        StepKey.of(execution));
  }
}
