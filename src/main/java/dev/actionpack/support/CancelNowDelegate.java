package dev.actionpack.support;

import static dev.actionpack.process.CancelViaSupportProcess.REFUND;
import static dev.actionpack.process.CancelViaSupportProcess.SUBSCRIPTION_CANCELLED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CancelNowDelegate implements JavaDelegate {

  private final ServiceRequestService requests;

  CancelNowDelegate(ServiceRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SUBSCRIPTION_CANCELLED.set(execution, requests.cancelNow(
        execution.getProcessBusinessKey(),
        "PRORATED".equals(REFUND.optionalFrom(execution).orElse("NONE"))));
  }
}
