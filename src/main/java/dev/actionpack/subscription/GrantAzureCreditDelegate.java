package dev.actionpack.subscription;

import static dev.actionpack.process.ProcessVariables.AZURE_CREDIT_DUE_AT;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import dev.actionpack.benefit.BenefitService;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Grants this month's Azure credit and sets next month's due date; the model loops while that
 * date is before the term end (R8).
 */
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
    Instant next = benefits.grantAzureCredit(subscription.benefitHolder(),
        AZURE_CREDIT_DUE_AT.from(execution).toInstant());
    AZURE_CREDIT_DUE_AT.set(execution, Date.from(next));
  }
}
