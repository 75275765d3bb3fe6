package dev.actionpack.order;

import static dev.actionpack.process.ProcessVariables.AUTO_RENEWAL;
import static dev.actionpack.process.ProcessVariables.ORDER_ID;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;
import static dev.actionpack.process.ProcessVariables.TERM_ENDS_AT;

import dev.actionpack.subscription.Subscription;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ActivateSubscriptionDelegate implements JavaDelegate {

  private final OrderFulfilment subscriptions;

  ActivateSubscriptionDelegate(OrderFulfilment subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Subscription subscription = subscriptions.activate(UUID.fromString(ORDER_ID.from(execution)));
    SUBSCRIPTION_ID.set(execution, subscription.getId().toString());
    TERM_ENDS_AT.set(execution, Date.from(subscription.getTermEnd()));
    AUTO_RENEWAL.set(execution, subscription.isAutoRenewal());
  }
}
