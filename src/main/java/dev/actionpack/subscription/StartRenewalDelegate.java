package dev.actionpack.subscription;

import static dev.actionpack.process.ProcessVariables.RECEIPT_ORDER_ID;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class StartRenewalDelegate implements JavaDelegate {

  private final SubscriptionService subscriptions;

  StartRenewalDelegate(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    subscriptions.startCurrentTerm(UUID.fromString(SUBSCRIPTION_ID.from(execution)),
        RECEIPT_ORDER_ID.optionalFrom(execution).map(UUID::fromString).orElse(null));
  }
}
