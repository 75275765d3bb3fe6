package dev.actionpack.notification;

import static dev.actionpack.process.ProcessVariables.NOTIFICATION;
import static dev.actionpack.process.ProcessVariables.ORDER_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the notification named by the task's {@code notification} input parameter. One delegate
 * for every send task; the model says which message each one sends.
 */
@Component
public class SendNotificationDelegate implements JavaDelegate {

  private final NotificationService notifications;

  SendNotificationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.aboutOrder(NotificationKind.valueOf(NOTIFICATION.from(execution)),
        UUID.fromString(ORDER_ID.from(execution)));
  }
}
