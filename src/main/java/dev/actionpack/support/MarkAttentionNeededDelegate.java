package dev.actionpack.support;

import static dev.actionpack.process.CancelViaSupportProcess.RESOLUTION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class MarkAttentionNeededDelegate implements JavaDelegate {

  private final ServiceRequestService requests;

  MarkAttentionNeededDelegate(ServiceRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.attentionNeeded(execution.getProcessBusinessKey(),
        RESOLUTION_NOTE.optionalFrom(execution).orElse(null));
  }
}
