package dev.actionpack.support;

import dev.actionpack.process.StepKey;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The service level passed unhandled: the task goes up in Tasklist and the leads are told (R18),
 * by whoever listens to {@link RequestEscalated} in this transaction.
 */
@Component
public class EscalateRequestDelegate implements JavaDelegate {

  private final ServiceRequestService requests;
  private final ApplicationEventPublisher events;
  private final SupportPolicy policy;

  EscalateRequestDelegate(ServiceRequestService requests, ApplicationEventPublisher events,
      SupportPolicy policy) {
    this.requests = requests;
    this.events = events;
    this.policy = policy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceRequest request = requests.escalated(execution.getProcessBusinessKey());
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list()
        .forEach(task -> tasks.setPriority(task.getId(), policy.escalatedPriority()));
    events.publishEvent(new RequestEscalated(request.getNumber(),
        request.getSubscriptionNumber(), policy.sla(), StepKey.of(execution)));
  }
}
