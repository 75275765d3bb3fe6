package dev.actionpack.support;

import static dev.actionpack.process.CancelViaSupportProcess.SUBSCRIPTION_CANCELLED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CancelAtTermEndDelegate implements JavaDelegate {

  private final ServiceRequestService requests;

  CancelAtTermEndDelegate(ServiceRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SUBSCRIPTION_CANCELLED.set(execution,
        requests.cancelAtTermEnd(execution.getProcessBusinessKey()));
  }
}
