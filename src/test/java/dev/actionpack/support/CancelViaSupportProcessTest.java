package dev.actionpack.support;

import static dev.actionpack.process.CancelViaSupportProcess.BOUNDARY_EVENT_SLA_BREACHED;
import static dev.actionpack.process.CancelViaSupportProcess.END_EVENT_ESCALATED;
import static dev.actionpack.process.CancelViaSupportProcess.END_EVENT_REQUEST_CLOSED;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_CANCEL_AT_TERM_END;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_CANCEL_NOW;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_CLOSE_REQUEST;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_ESCALATE_REQUEST;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_HANDLE_REQUEST;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_MARK_ATTENTION_NEEDED;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_SEND_CANCELLATION_CONFIRMED;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_SEND_REQUEST_CLOSED;
import static dev.actionpack.process.CancelViaSupportProcess.TASK_SEND_REQUEST_RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dev.actionpack.process.CancelViaSupportProcess;
import dev.actionpack.process.JobDriver;
import dev.actionpack.process.ModelTestEngine;
import dev.actionpack.process.ProcessVariables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every path of {@code cancel-via-support.bpmn}, delegates replaced by bean name. */
@Deployment(resources = {CancelViaSupportProcess.RESOURCE, CancelViaSupportProcess.FORM_RESOURCE})
class CancelViaSupportProcessTest extends ModelTestEngine {

  private final List<String> steps = new ArrayList<>();
  private boolean subscriptionStillLive = true;

  @BeforeEach
  void registerFakeDelegates() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-09-01T09:00:00Z")));
    Mocks.register("sendRequestNotificationDelegate", (JavaDelegate) execution ->
        steps.add("notify " + ProcessVariables.NOTIFICATION.from(execution)));
    Mocks.register("sendCancellationConfirmationDelegate",
        (JavaDelegate) execution -> steps.add("confirm cancellation"));
    Mocks.register("requestAssignmentListener", (TaskListener) (DelegateTask task) ->
        steps.add(task.getAssignee() == null ? "unassigned" : "assigned " + task.getAssignee()));
    Mocks.register("markAttentionNeededDelegate", (JavaDelegate) e -> steps.add("attention needed"));
    Mocks.register("cancelNowDelegate", (JavaDelegate) execution -> {
      steps.add("cancel now");
      CancelViaSupportProcess.SUBSCRIPTION_CANCELLED.set(execution, subscriptionStillLive);
    });
    Mocks.register("cancelAtTermEndDelegate", (JavaDelegate) execution -> {
      steps.add("cancel at term end");
      CancelViaSupportProcess.SUBSCRIPTION_CANCELLED.set(execution, subscriptionStillLive);
    });
    Mocks.register("closeRequestDelegate", (JavaDelegate) execution ->
        steps.add("close " + CancelViaSupportProcess.OUTCOME.from(execution)));
    Mocks.register("escalateRequestDelegate", (JavaDelegate) e -> steps.add("escalate"));
  }

  @Test
  @DisplayName("R15 R16 cancel now: confirmed to the partner, request closed")
  void shouldCancelNowAndCloseRequest() {
    ProcessInstance request = openRequest();
    assertThat(request).isWaitingAt(TASK_HANDLE_REQUEST);
    assertThat(task()).hasCandidateGroup("support-agents").isNotAssigned();

    taskService().claim(task().getId(), "sam");
    complete(task(), withVariables("outcome", "CANCEL_NOW", "refund", "PRORATED",
        "contactMade", true, "resolutionNote", "Agreed on the phone"));

    assertThat(request).isEnded().hasPassed(TASK_CANCEL_NOW, TASK_SEND_CANCELLATION_CONFIRMED,
        TASK_CLOSE_REQUEST, TASK_SEND_REQUEST_CLOSED, END_EVENT_REQUEST_CLOSED);
    assertThat(steps).containsExactly("notify REQUEST_RECEIVED", "assigned sam", "cancel now",
        "confirm cancellation", "close CANCEL_NOW", "notify REQUEST_CLOSED");
  }

  @Test
  @DisplayName("R16 cancel at term end: auto-renewal off, confirmed, request closed")
  void shouldCancelAtTermEnd() {
    ProcessInstance request = openRequest();

    complete(task(), withVariables("outcome", "CANCEL_AT_TERM_END", "contactMade", true));

    assertThat(request).isEnded().hasPassed(TASK_CANCEL_AT_TERM_END,
        TASK_SEND_CANCELLATION_CONFIRMED, END_EVENT_REQUEST_CLOSED).hasNotPassed(TASK_CANCEL_NOW);
    assertThat(steps).contains("cancel at term end", "close CANCEL_AT_TERM_END");
  }

  @Test
  @DisplayName("R16 keep: nothing cancelled, the request closes with the answer")
  void shouldKeepSubscription() {
    ProcessInstance request = openRequest();

    complete(task(), withVariables("outcome", "KEEP", "resolutionNote", "Question answered"));

    assertThat(request).isEnded().hasPassed(TASK_CLOSE_REQUEST, END_EVENT_REQUEST_CLOSED)
        .hasNotPassed(TASK_CANCEL_NOW, TASK_CANCEL_AT_TERM_END, TASK_SEND_CANCELLATION_CONFIRMED);
    assertThat(steps).containsExactly("notify REQUEST_RECEIVED", "close KEEP",
        "notify REQUEST_CLOSED");
  }

  @Test
  @DisplayName("R17 waiting on the partner: attention needed, and the request is back in the queue")
  void shouldWaitOnPartnerAndComeBack() {
    ProcessInstance request = openRequest();
    String firstTask = task().getId();

    complete(task(), withVariables("outcome", "WAITING_ON_PARTNER",
        "resolutionNote", "Which subscription do you mean?"));

    assertThat(request).hasPassed(TASK_MARK_ATTENTION_NEEDED).isWaitingAt(TASK_HANDLE_REQUEST);
    assertThat(task().getId()).isNotEqualTo(firstTask);
    complete(task(), withVariables("outcome", "CANCEL_NOW", "refund", "NONE"));
    assertThat(request).isEnded().hasPassed(TASK_SEND_CANCELLATION_CONFIRMED);
    assertThat(steps).containsSubsequence("attention needed", "cancel now", "close CANCEL_NOW");
  }

  @Test
  @DisplayName("R18 a request unhandled for 2 days escalates, and the task stays with the agents")
  void shouldEscalateUnhandledRequest() {
    ProcessInstance request = openRequest();

    JobDriver jobs = new JobDriver(managementService());
    jobs.advanceTo(Instant.parse("2027-09-03T08:59:00Z"));
    assertThat(steps).doesNotContain("escalate");
    jobs.advanceTo(Instant.parse("2027-09-03T09:00:01Z"));

    assertThat(request).hasPassed(BOUNDARY_EVENT_SLA_BREACHED, TASK_ESCALATE_REQUEST,
        END_EVENT_ESCALATED).isWaitingAt(TASK_HANDLE_REQUEST);
    assertThat(steps).containsOnlyOnce("escalate");
  }

  @Test
  @DisplayName("R16 subscription already cancelled or expired and closed: no confirmation, request closed")
  void shouldCloseWithoutConfirmationWhenAlreadyEnded() {
    subscriptionStillLive = false;
    ProcessInstance request = openRequest();

    complete(task(), withVariables("outcome", "CANCEL_NOW", "refund", "PRORATED"));

    assertThat(request).isEnded().hasPassed(TASK_CANCEL_NOW, END_EVENT_REQUEST_CLOSED)
        .hasNotPassed(TASK_SEND_CANCELLATION_CONFIRMED);
    assertThat(steps).doesNotContain("confirm cancellation");
  }

  private static ProcessInstance openRequest() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partner", "Contoso Partners");
    variables.put("subscriptionNumber", "AP-500001");
    variables.put("termEnd", "2028-03-10");
    variables.put("autoRenewal", true);
    variables.put("requestText", "Please cancel");
    variables.put("slaDuration", "P2D");
    ProcessInstance request = runtimeService().startProcessInstanceByKey(
        CancelViaSupportProcess.KEY, "SR-700001", variables);
    // the partner is told in the step that opened the request, before any agent picks it up
    assertThat(request).hasPassed(TASK_SEND_REQUEST_RECEIVED).isWaitingAt(TASK_HANDLE_REQUEST);
    return request;
  }
}
