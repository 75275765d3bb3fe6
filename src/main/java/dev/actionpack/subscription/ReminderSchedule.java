package dev.actionpack.subscription;

import static dev.actionpack.process.ProcessVariables.TERM_ENDS_AT;

import dev.actionpack.process.EngineClock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The reminders' multi-instance collection in {@code renew.bpmn}: one due date per configured
 * offset before the term end, those still ahead (R11). Evaluated when the term starts, so it
 * is never stored as a variable.
 */
@Component
public class ReminderSchedule {

  private final RenewalPolicy policy;

  public ReminderSchedule(RenewalPolicy policy) {
    this.policy = policy;
  }

  public List<Date> dueDates(DelegateExecution execution) {
    return TermCalendar.reminderDates(TERM_ENDS_AT.from(execution).toInstant(),
        policy.reminderOffsets(), EngineClock.now()).stream().map(Date::from).toList();
  }
}
