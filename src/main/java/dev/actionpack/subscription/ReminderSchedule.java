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
 * The reminder loop of {@code renew.bpmn} (R11): one reminder per configured offset before the
 * term end, each scheduled when the one before it was sent. Everything is computed from the term
 * end and the engine clock, so nothing is stored as a variable; a reminder whose date passed
 * while the engine was down is sent once, late, and the loop goes on to the next one ahead.
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

  /** Which reminder of the term is due now: 1 for the first; stable while its job retries. */
  public int number(DelegateExecution execution) {
    return after(execution, Instant.MIN).size() - ahead(execution).size();
  }

  private List<Instant> ahead(DelegateExecution execution) {
    return after(execution, EngineClock.now());
  }

  private List<Instant> after(DelegateExecution execution, Instant instant) {
    return TermCalendar.reminderDates(TERM_ENDS_AT.from(execution).toInstant(),
        policy.reminderOffsets(), instant);
  }
}
