package dev.actionpack.order;

import static dev.actionpack.process.ProcessVariables.ORDER_ID;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RenewTermDelegate implements JavaDelegate {

  private final OrderFulfilment subscriptions;

  RenewTermDelegate(OrderFulfilment subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    subscriptions.renewOnAnniversary(UUID.fromString(SUBSCRIPTION_ID.from(execution)),
        UUID.fromString(ORDER_ID.from(execution)));
  }
}
