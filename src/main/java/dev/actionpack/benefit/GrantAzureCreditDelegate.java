package dev.actionpack.benefit;

import static dev.actionpack.process.ProcessVariables.AZURE_CREDIT_DUE_AT;
import static dev.actionpack.process.ProcessVariables.MORE_AZURE_CREDITS;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Grants this month's Azure credit and schedules next month's while the term lasts (R8). */
@Component
public class GrantAzureCreditDelegate implements JavaDelegate {

  private final BenefitService benefits;
  private final SubscriptionRepository subscriptions;

  GrantAzureCreditDelegate(BenefitService benefits, SubscriptionRepository subscriptions) {
    this.benefits = benefits;
    this.subscriptions = subscriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Subscription subscription = subscriptions
        .findById(UUID.fromString(SUBSCRIPTION_ID.from(execution))).orElseThrow();
    Instant next = benefits.grantAzureCredit(subscription,
        AZURE_CREDIT_DUE_AT.from(execution).toInstant());
    AZURE_CREDIT_DUE_AT.set(execution, Date.from(next));
    MORE_AZURE_CREDITS.set(execution, next.isBefore(subscription.getTermEnd()));
  }
}
