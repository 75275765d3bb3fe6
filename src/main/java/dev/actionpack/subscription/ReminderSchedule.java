package dev.actionpack.subscription;

import static dev.actionpack.process.ProcessVariables.TERM_ENDS_AT;

import dev.actionpack.offer.TermCalendar;
import dev.actionpack.process.EngineClock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The reminder loop of the versions of {@code renew.bpmn} before the current term became one
 * wait state ({@link TermSchedule}); terms that were running on them when the new version came
 * stay there to their end (R21) and still ask it for their reminders. One reminder per
 * configured offset before the term end, each scheduled when the one before it was sent.
 */
@Component
public class ReminderSchedule {

  private final RenewalPolicy policy;

  public ReminderSchedule(RenewalPolicy policy) {
    this.policy = policy;
  }

  /** True while a reminder of this term is still ahead of now. */
  public boolean hasNext(DelegateExecution execution) {
    return !ahead(execution).isEmpty();
  }

  /** The due date of the next reminder ahead of now. */
  public Date next(DelegateExecution execution) {
    return Date.from(ahead(execution).get(0));
  }

  private List<Instant> ahead(DelegateExecution execution) {
    return after(execution, EngineClock.now());
  }

  private List<Instant> after(DelegateExecution execution, Instant instant) {
    return TermCalendar.reminderDates(TERM_ENDS_AT.from(execution).toInstant(),
        policy.reminderOffsets(), instant);
  }
}
