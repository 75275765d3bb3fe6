package dev.actionpack.order;

import static dev.actionpack.process.ProcessVariables.AMOUNT;
import static dev.actionpack.process.ProcessVariables.dunningAttempt;
import static dev.actionpack.process.ProcessVariables.ORDER_ID;
import static dev.actionpack.process.ProcessVariables.ORDER_NUMBER;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Places the order of an anniversary charge or of a dunning retry. */
@Component
public class PlaceRenewalOrderDelegate implements JavaDelegate {

  private final RenewalOrders renewalOrders;

  PlaceRenewalOrderDelegate(RenewalOrders renewalOrders) {
    this.renewalOrders = renewalOrders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PurchaseOrder order = renewalOrders.place(UUID.fromString(SUBSCRIPTION_ID.from(execution)),
        dunningAttempt(execution));
    ORDER_ID.set(execution, order.getId().toString());
    ORDER_NUMBER.set(execution, order.getNumber());
    AMOUNT.set(execution, order.displayAmount());
  }
}
