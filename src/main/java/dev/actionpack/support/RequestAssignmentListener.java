package dev.actionpack.support;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Claiming the task in Tasklist shows the partner IN_PROGRESS; unclaiming, OPEN (R17). */
@Component
public class RequestAssignmentListener implements TaskListener {

  private final ServiceRequestService requests;

  RequestAssignmentListener(ServiceRequestService requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    requests.agentAssigned(task.getExecution().getProcessBusinessKey(), task.getAssignee());
  }
}
