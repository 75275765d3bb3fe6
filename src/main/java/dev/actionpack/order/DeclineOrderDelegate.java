package dev.actionpack.order;

import static dev.actionpack.process.ProcessVariables.DECLINE_CODE;
import static dev.actionpack.process.ProcessVariables.ORDER_ID;

import dev.actionpack.payment.DeclineCode;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the order declined with the provider's reason. */
@Component
public class DeclineOrderDelegate implements JavaDelegate {

  private final OrderCharging charging;

  DeclineOrderDelegate(OrderCharging charging) {
    this.charging = charging;
  }

  @Override
  public void execute(DelegateExecution execution) {
    charging.decline(UUID.fromString(ORDER_ID.from(execution)),
        DeclineCode.fromCode(DECLINE_CODE.from(execution)));
  }
}
