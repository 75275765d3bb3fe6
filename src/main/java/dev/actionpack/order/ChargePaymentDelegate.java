package dev.actionpack.order;

import static dev.actionpack.process.ProcessVariables.ORDER_ID;

import dev.actionpack.payment.PaymentGateway.ChargeResult;
import dev.actionpack.process.ProcessErrors;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Charges the order's card. A decline is the BPMN error {@code Err_PaymentDeclined} carrying the
 * decline code; an unreachable provider is an exception, so the job retries and then raises an
 * incident.
 */
@Component
public class ChargePaymentDelegate implements JavaDelegate {

  private final OrderCharging charging;

  ChargePaymentDelegate(OrderCharging charging) {
    this.charging = charging;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChargeResult result = charging.charge(UUID.fromString(ORDER_ID.from(execution)));
    if (!result.approved()) {
      throw new BpmnError(ProcessErrors.PAYMENT_DECLINED, result.declineCode().code());
    }
  }
}
