package dev.actionpack.support;

import static dev.actionpack.process.CancelViaSupportProcess.OUTCOME;
import static dev.actionpack.process.CancelViaSupportProcess.REFUND;
import static dev.actionpack.process.CancelViaSupportProcess.RESOLUTION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CloseRequestDelegate implements JavaDelegate {

  private final ServiceRequestService requests;

  CloseRequestDelegate(ServiceRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.close(execution.getProcessBusinessKey(),
        Outcome.valueOf(OUTCOME.from(execution)),
        REFUND.optionalFrom(execution).orElse("NONE"),
        RESOLUTION_NOTE.optionalFrom(execution).orElse(null));
  }
}
