package dev.actionpack.notification;

import static dev.actionpack.process.ProcessVariables.REMINDERS_SENT;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;
import static dev.actionpack.process.ProcessVariables.TERM_NUMBER;

import dev.actionpack.process.StepKey;
import dev.actionpack.subscription.TermSchedule;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the reminder before the term end, in the variant that fits auto-renewal (R11), and
 * counts it, so the term's schedule moves on to the next one.
 */
@Component
public class SendReminderDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final TermSchedule schedule;

  SendReminderDelegate(NotificationService notifications, TermSchedule schedule) {
    this.notifications = notifications;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int number = schedule.reminderNumber(execution);
    notifications.remind(UUID.fromString(SUBSCRIPTION_ID.from(execution)),
        TERM_NUMBER.from(execution), StepKey.of(execution) + "/" + number);
    REMINDERS_SENT.set(execution, number);
  }
}
