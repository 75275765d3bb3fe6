package dev.actionpack.subscription;

import static dev.actionpack.process.ProcessVariables.AZURE_CREDIT_DUE_AT;
import static dev.actionpack.process.ProcessVariables.REMINDERS_SENT;
import static dev.actionpack.process.ProcessVariables.TERM_ENDS_AT;

import dev.actionpack.offer.TermCalendar;
import dev.actionpack.process.EngineClock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a running term does next (R8, R9, R11), for the one wait state of {@code renew.bpmn}'s
 * current term: the month's Azure credit once the month has begun, a reminder once its date has
 * come (30 and 7 days before the term end by default), then the term end. Everything follows
 * from the term end, the next credit's date and how many reminders went out, so after downtime
 * the oldest thing due is done first and a reminder whose date passed unseen goes out once,
 * late, never twice; none goes out for a term already over.
 */
@Component
public class TermSchedule {

  /** What is due now, in the order it is done. */
  public enum Due { AZURE_CREDIT, REMINDER, TERM_END, NOTHING }

  private final RenewalPolicy policy;

  public TermSchedule(RenewalPolicy policy) {
    this.policy = policy;
  }

  /** What the term does now; {@code NOTHING} means it waits until {@link #nextDue}. */
  public String due(DelegateExecution execution) {
    return dueAt(execution, EngineClock.now()).name();
  }

  /** The next moment something of the term falls due: a month, a reminder, the term end. */
  public Date nextDue(DelegateExecution execution) {
    Instant termEnd = TERM_ENDS_AT.from(execution).toInstant();
    Instant now = EngineClock.now();
    return Date.from(Stream.concat(
            Stream.concat(nextCredit(execution, termEnd).stream(),
                TermCalendar.reminderDates(termEnd, policy.reminderOffsets(), now).stream()),
            Stream.of(termEnd))
        .min(Instant::compareTo).orElseThrow());
  }

  Due dueAt(DelegateExecution execution, Instant now) {
    Instant termEnd = TERM_ENDS_AT.from(execution).toInstant();
    if (nextCredit(execution, termEnd).filter(credit -> !credit.isAfter(now)).isPresent()) {
      return Due.AZURE_CREDIT;
    }
    if (now.isBefore(termEnd) && remindersPassed(termEnd, now) > remindersSent(execution)) {
      return Due.REMINDER;
    }
    return now.isBefore(termEnd) ? Due.NOTHING : Due.TERM_END;
  }

  /** Which reminder of the term goes out now: 1 for the first; the same while its job retries. */
  public int reminderNumber(DelegateExecution execution) {
    return remindersPassed(TERM_ENDS_AT.from(execution).toInstant(), EngineClock.now());
  }

  private int remindersPassed(Instant termEnd, Instant now) {
    List<Instant> all = TermCalendar.reminderDates(termEnd, policy.reminderOffsets(),
        Instant.MIN);
    return all.size() - TermCalendar.reminderDates(termEnd, policy.reminderOffsets(), now).size();
  }

  private static int remindersSent(DelegateExecution execution) {
    return REMINDERS_SENT.optionalFrom(execution).orElse(0);
  }

  /** The next month's credit while it falls inside the term. */
  private static Optional<Instant> nextCredit(DelegateExecution execution,
      Instant termEnd) {
    return AZURE_CREDIT_DUE_AT.optionalFrom(execution).map(Date::toInstant)
        .filter(credit -> credit.isBefore(termEnd));
  }
}
