package dev.actionpack.notification;

import dev.actionpack.process.StepKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Confirms a cancellation by support, now or at the term end (R16, R19). */
@Component
public class SendCancellationConfirmationDelegate implements JavaDelegate {

  private final NotificationService notifications;

  SendCancellationConfirmationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.confirmCancellation(execution.getProcessBusinessKey(),
        StepKey.of(execution));
  }
}
