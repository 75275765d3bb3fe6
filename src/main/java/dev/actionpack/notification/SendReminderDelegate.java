package dev.actionpack.notification;

import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;
import static dev.actionpack.process.ProcessVariables.TERM_NUMBER;

import dev.actionpack.process.StepKey;
import dev.actionpack.subscription.ReminderSchedule;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the reminder before the term end, in the variant that fits auto-renewal (R11). */
@Component
public class SendReminderDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final ReminderSchedule schedule;

  SendReminderDelegate(NotificationService notifications, ReminderSchedule schedule) {
    this.notifications = notifications;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.remind(UUID.fromString(SUBSCRIPTION_ID.from(execution)),
        TERM_NUMBER.from(execution),
        StepKey.of(execution) + "/" + schedule.number(execution));
  }
}
