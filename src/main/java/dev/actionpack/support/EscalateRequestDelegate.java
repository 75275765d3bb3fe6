package dev.actionpack.support;


import dev.actionpack.notification.SendNotificationDelegate;
import dev.actionpack.notification.SupportLeadAlerts;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service level passed unhandled: the task goes up in Tasklist and the leads are told (R18).
 */
@Component
public class EscalateRequestDelegate implements JavaDelegate {

  private final ServiceRequestService requests;
  private final SupportLeadAlerts leads;
  private final SupportPolicy policy;

  EscalateRequestDelegate(ServiceRequestService requests, SupportLeadAlerts leads,
      SupportPolicy policy) {
    this.requests = requests;
    this.leads = leads;
    this.policy = policy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceRequest request = requests.escalated(execution.getProcessBusinessKey());
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list()
        .forEach(task -> tasks.setPriority(task.getId(), policy.escalatedPriority()));
    leads.escalated(request.getNumber(), request.getSubscriptionNumber(), policy.sla(),
        SendNotificationDelegate.dedupeKey(execution));
  }
}
