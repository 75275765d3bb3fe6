package dev.actionpack.order;

import static dev.actionpack.process.SubscribeProcess.BOUNDARY_EVENT_PAYMENT_DECLINED;
import static dev.actionpack.process.SubscribeProcess.END_EVENT_ORDER_CONFIRMED;
import static dev.actionpack.process.SubscribeProcess.END_EVENT_ORDER_DECLINED;
import static dev.actionpack.process.SubscribeProcess.END_EVENT_SUBSCRIPTION_RENEWED;
import static dev.actionpack.process.SubscribeProcess.TASK_ACTIVATE_SUBSCRIPTION;
import static dev.actionpack.process.SubscribeProcess.TASK_CHARGE_PAYMENT;
import static dev.actionpack.process.SubscribeProcess.TASK_DECLINE_ORDER;
import static dev.actionpack.process.SubscribeProcess.TASK_RENEW_SUBSCRIPTION;
import static dev.actionpack.process.SubscribeProcess.TASK_SEND_ORDER_CONFIRMATION;
import static dev.actionpack.process.SubscribeProcess.TASK_SEND_PAYMENT_DECLINED;
import static dev.actionpack.process.SubscribeProcess.TASK_SEND_RENEWAL_RECEIPT;
import static dev.actionpack.process.SubscribeProcess.TASK_START_RENEWAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.actionpack.process.ModelTestEngine;
import dev.actionpack.process.ProcessErrors;
import dev.actionpack.process.ProcessVariables;
import dev.actionpack.process.SubscribeProcess;
import java.time.Instant;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Deployment(resources = SubscribeProcess.RESOURCE)
class SubscribeProcessTest extends ModelTestEngine {

  private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

  private final JavaDelegate chargePayment = mock(JavaDelegate.class);
  private final JavaDelegate activateSubscription = mock(JavaDelegate.class);
  private final JavaDelegate startRenewal = mock(JavaDelegate.class);
  private final JavaDelegate declineOrder = mock(JavaDelegate.class);
  private final JavaDelegate renewManually = mock(JavaDelegate.class);
  private final List<String> notificationsSent = new ArrayList<>();

  @BeforeEach
  void registerDelegates() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NOW));
    Mocks.register("chargePaymentDelegate", chargePayment);
    Mocks.register("activateSubscriptionDelegate", activateSubscription);
    Mocks.register("startRenewalDelegate", startRenewal);
    Mocks.register("declineOrderDelegate", declineOrder);
    Mocks.register("renewManuallyDelegate", renewManually);
    JavaDelegate sendNotification = mock(JavaDelegate.class);
    doAnswer(call -> notificationsSent.add(
        ProcessVariables.NOTIFICATION.from(call.getArgument(0))))
        .when(sendNotification).execute(any());
    Mocks.register("sendNotificationDelegate", sendNotification);
  }

  @Test
  @DisplayName("R4 a charged card activates the subscription, starts its renewal and confirms")
  void shouldConfirmOrderWhenChargeSucceeds() throws Exception {
    // Given an order placed
    ProcessInstance order = placeOrder();
    assertThat(order).isWaitingAt(TASK_CHARGE_PAYMENT);
    verify(chargePayment, never()).execute(any());

    // When the charge job runs and the card is charged
    execute(job());

    // Then the subscription is active, its renew process started and the confirmation written,
    // all in the charge's step: no job is left
    assertThat(order).isEnded().hasPassed(TASK_CHARGE_PAYMENT, TASK_ACTIVATE_SUBSCRIPTION,
            TASK_START_RENEWAL, TASK_SEND_ORDER_CONFIRMATION, END_EVENT_ORDER_CONFIRMED)
        .hasNotPassed(TASK_DECLINE_ORDER, TASK_SEND_PAYMENT_DECLINED);
    assertThat(managementService().createJobQuery().count()).isZero();
    assertThat(notificationsSent).containsExactly("ORDER_CONFIRMED");
  }

  @Test
  @DisplayName("R13 a charged manual renewal renews the subscription and sends a receipt")
  void shouldRenewSubscriptionWhenManualRenewalIsCharged() throws Exception {
    // Given a manual renewal order of an existing subscription
    ProcessInstance order = placeOrder(true);
    assertThat(order).isWaitingAt(TASK_CHARGE_PAYMENT);

    // When its charge succeeds
    execute(job());

    // Then the subscription is renewed, not activated anew, and the receipt written in that step
    assertThat(order).isEnded().hasPassed(TASK_RENEW_SUBSCRIPTION, TASK_SEND_RENEWAL_RECEIPT,
            END_EVENT_SUBSCRIPTION_RENEWED)
        .hasNotPassed(TASK_ACTIVATE_SUBSCRIPTION, TASK_START_RENEWAL, END_EVENT_ORDER_CONFIRMED);
    verify(renewManually).execute(any());
    assertThat(notificationsSent).containsExactly("RENEWED");
  }

  @Test
  @DisplayName("R4 a declined card confirms nothing and the partner is told why")
  void shouldDeclineOrderWhenCardIsDeclined() throws Exception {
    // Given an order whose card the provider declines
    doThrow(new BpmnError(ProcessErrors.PAYMENT_DECLINED, "insufficient_funds"))
        .when(chargePayment).execute(any());
    ProcessInstance order = placeOrder();
    assertThat(order).isWaitingAt(TASK_CHARGE_PAYMENT);

    // When the charge job runs
    execute(job());

    // Then the order is declined with the provider's reason, the partner told in that step, and
    // no subscription is activated
    assertThat(historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(order.getId()).variableName("declineCode").singleResult().getValue())
        .isEqualTo("insufficient_funds");
    verify(declineOrder).execute(any());
    assertThat(order).isEnded().hasPassed(BOUNDARY_EVENT_PAYMENT_DECLINED, TASK_DECLINE_ORDER,
            TASK_SEND_PAYMENT_DECLINED, END_EVENT_ORDER_DECLINED)
        .hasNotPassed(TASK_ACTIVATE_SUBSCRIPTION, TASK_START_RENEWAL, END_EVENT_ORDER_CONFIRMED);
    verify(activateSubscription, never()).execute(any());
    assertThat(notificationsSent).containsExactly("PAYMENT_DECLINED");
  }

  @Test
  @DisplayName("R7 a technical failure of the charge is retried within seconds, then succeeds")
  void shouldRetryChargeAfterTechnicalFailure() throws Exception {
    // Given a provider that fails once
    doThrow(new IllegalStateException("provider unreachable")).doNothing()
        .when(chargePayment).execute(any());
    ProcessInstance order = placeOrder();
    assertThat(order).isWaitingAt(TASK_CHARGE_PAYMENT);

    // When the charge job runs and fails
    assertThatThrownBy(() -> execute(job())).hasMessageContaining("provider unreachable");

    // Then nothing moved on, and the job is due again 10 seconds later, six retries left after
    Job retry = job();
    assertThat(order).isWaitingAt(TASK_CHARGE_PAYMENT);
    assertThat(retry.getRetries()).isEqualTo(7);
    assertThat(retry.getDuedate().toInstant()).isEqualTo(NOW.plus(10, ChronoUnit.SECONDS));
    verify(activateSubscription, never()).execute(any());

    // When the clock reaches the retry and the provider answers
    ClockUtil.setCurrentTime(retry.getDuedate());
    execute(retry);

    // Then the order is confirmed
    assertThat(order).isEnded().hasPassed(TASK_ACTIVATE_SUBSCRIPTION, TASK_SEND_ORDER_CONFIRMATION);
  }

  @Test
  @DisplayName("R20 an unreachable provider ends as an incident on the charge, nothing activated")
  void shouldRaiseIncidentWhenChargeRetriesRunOut() throws Exception {
    // Given a provider that never answers
    doThrow(new IllegalStateException("provider unreachable")).when(chargePayment).execute(any());
    ProcessInstance order = placeOrder();
    assertThat(order).isWaitingAt(TASK_CHARGE_PAYMENT);

    // When the first run and all seven retries fail, over ten hours and twenty minutes
    for (int run = 1; run <= 8; run++) {
      Job charge = job();
      ClockUtil.setCurrentTime(charge.getDuedate() == null ? ClockUtil.getCurrentTime()
          : charge.getDuedate());
      assertThatThrownBy(() -> execute(charge)).hasMessageContaining("provider unreachable");
    }

    // Then an incident names the charge, and the order waits there for an operator
    assertThat(job().getRetries()).isZero();
    assertThat(ClockUtil.getCurrentTime().toInstant())
        .isEqualTo(NOW.plus(Duration.parse("PT10H21M10S")));
    assertThat(runtimeService().createIncidentQuery().processInstanceId(order.getId()).singleResult())
        .satisfies(incident -> {
          assertThat(incident.getActivityId()).isEqualTo(TASK_CHARGE_PAYMENT);
          assertThat(incident.getIncidentMessage()).contains("provider unreachable");
        });
    assertThat(order).isWaitingAt(TASK_CHARGE_PAYMENT);
    verify(activateSubscription, never()).execute(any());
    verify(declineOrder, never()).execute(any());
  }

  private static ProcessInstance placeOrder() {
    return placeOrder(false);
  }

  private static ProcessInstance placeOrder(boolean manualRenewal) {
    return runtimeService().startProcessInstanceByKey(SubscribeProcess.KEY, "AP-500123",
        Map.of(ProcessVariables.ORDER_ID.name(), "8f7c1a52-3b1e-4a57-9d0c-8c2a5d8c1f00",
            ProcessVariables.ORDER_NUMBER.name(), "ORD-100123",
            ProcessVariables.PARTNER.name(), "Contoso Partners",
            ProcessVariables.AMOUNT.name(), "475.00 USD",
            ProcessVariables.MANUAL_RENEWAL.name(), manualRenewal));
  }
}
