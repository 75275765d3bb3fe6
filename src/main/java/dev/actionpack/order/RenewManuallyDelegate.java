package dev.actionpack.order;

import static dev.actionpack.process.ProcessVariables.ORDER_ID;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;
import static dev.actionpack.process.ProcessVariables.TERM_ENDS_AT;

import dev.actionpack.subscription.Subscription;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies a charged manual renewal and hands the subscription to its next term (R13). */
@Component
public class RenewManuallyDelegate implements JavaDelegate {

  private final OrderFulfilment subscriptions;

  RenewManuallyDelegate(OrderFulfilment subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Subscription subscription =
        subscriptions.renewManually(UUID.fromString(ORDER_ID.from(execution)));
    SUBSCRIPTION_ID.set(execution, subscription.getId().toString());
    TERM_ENDS_AT.set(execution, Date.from(subscription.getTermEnd()));
  }
}
