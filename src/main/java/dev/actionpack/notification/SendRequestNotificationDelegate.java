package dev.actionpack.notification;

import static dev.actionpack.process.ProcessVariables.NOTIFICATION;

import dev.actionpack.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the notification named by the task's {@code notification} input parameter about the
 * service request of a {@code cancel-via-support} instance: the request its business key names,
 * whatever the instance's variables say (R23).
 */
@Component
public class SendRequestNotificationDelegate implements JavaDelegate {

  private final NotificationService notifications;

  SendRequestNotificationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.sendAboutRequest(NotificationKind.valueOf(NOTIFICATION.from(execution)),
        execution.getProcessBusinessKey(), StepKey.of(execution));
  }
}
