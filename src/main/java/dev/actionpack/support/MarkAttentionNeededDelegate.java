package dev.actionpack.support;

import static dev.actionpack.process.CancelViaSupportProcess.REQUEST_ID;
import static dev.actionpack.process.CancelViaSupportProcess.RESOLUTION_NOTE;

import java.util.UUID;
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
    requests.attentionNeeded(UUID.fromString(REQUEST_ID.from(execution)),
        RESOLUTION_NOTE.optionalFrom(execution).orElse(null));
  }
}
