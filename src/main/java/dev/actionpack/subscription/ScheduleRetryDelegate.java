package dev.actionpack.subscription;

import static dev.actionpack.process.ProcessVariables.DUNNING_ATTEMPT;
import static dev.actionpack.process.ProcessVariables.dunningAttempt;
import static dev.actionpack.process.ProcessVariables.RETRY_DUE_AT;
import static dev.actionpack.process.ProcessVariables.RETRY_SCHEDULED;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Schedules the next dunning retry, or says there is none left (R12). */
@Component
public class ScheduleRetryDelegate implements JavaDelegate {

  private final SubscriptionService subscriptions;

  ScheduleRetryDelegate(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int attempt = dunningAttempt(execution) + 1;
    Optional<Instant> due = subscriptions.retryDue(
        UUID.fromString(SUBSCRIPTION_ID.from(execution)), attempt);
    DUNNING_ATTEMPT.set(execution, attempt);
    RETRY_SCHEDULED.set(execution, due.isPresent());
    due.ifPresent(date -> RETRY_DUE_AT.set(execution, Date.from(date)));
  }
}
