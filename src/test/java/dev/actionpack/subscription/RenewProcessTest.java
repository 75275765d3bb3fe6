package dev.actionpack.subscription;

import static dev.actionpack.process.RenewProcess.BOUNDARY_EVENT_AUTO_RENEWAL_TURNED_OFF;
import static dev.actionpack.process.RenewProcess.BOUNDARY_EVENT_RENEWAL_DECLINED;
import static dev.actionpack.process.RenewProcess.BOUNDARY_EVENT_RENEWED_DURING_DUNNING;
import static dev.actionpack.process.RenewProcess.BOUNDARY_EVENT_RENEWED_MANUALLY;
import static dev.actionpack.process.RenewProcess.BOUNDARY_EVENT_RETRIES_EXHAUSTED;
import static dev.actionpack.process.RenewProcess.END_EVENT_RENEWED_MANUALLY;
import static dev.actionpack.process.RenewProcess.END_EVENT_SUBSCRIPTION_CLOSED;
import static dev.actionpack.process.RenewProcess.END_EVENT_TERM_RENEWED;
import static dev.actionpack.process.RenewProcess.GATEWAY_GRACE_WINDOW;
import static dev.actionpack.process.RenewProcess.MESSAGE_AUTO_RENEWAL_TURNED_OFF;
import static dev.actionpack.process.RenewProcess.MESSAGE_EVENT_RENEWED_AFTER_LAPSE;
import static dev.actionpack.process.RenewProcess.MESSAGE_RENEWED_MANUALLY;
import static dev.actionpack.process.RenewProcess.SUB_PROCESS_CURRENT_TERM;
import static dev.actionpack.process.RenewProcess.SUB_PROCESS_DUNNING;
import static dev.actionpack.process.RenewProcess.TASK_CHARGE_RENEWAL;
import static dev.actionpack.process.RenewProcess.TASK_CLOSE_SUBSCRIPTION;
import static dev.actionpack.process.RenewProcess.TASK_EXPIRE_SUBSCRIPTION;
import static dev.actionpack.process.RenewProcess.TASK_MARK_PAST_DUE;
import static dev.actionpack.process.RenewProcess.TASK_PLACE_RENEWAL_ORDER;
import static dev.actionpack.process.RenewProcess.TASK_RENEW_TERM;
import static dev.actionpack.process.RenewProcess.TASK_START_NEXT_TERM;
import static dev.actionpack.process.RenewProcess.TASK_START_RENEWED_TERM;
import static dev.actionpack.process.RenewProcess.TIMER_EVENT_RETRY_DUE;
import static dev.actionpack.process.RenewProcess.TIMER_EVENT_NEXT_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import dev.actionpack.offer.TermCalendar;
import dev.actionpack.process.JobDriver;
import dev.actionpack.process.ModelTestEngine;
import dev.actionpack.process.ProcessErrors;
import dev.actionpack.process.ProcessVariables;
import dev.actionpack.process.RenewProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code renew.bpmn} on the engine, with the clock moved from timer to timer. The
 * delegates are fakes registered by bean name: they keep just enough state (the anchor, the
 * charges, the messages) to let the model run term after term.
 */
@Deployment(resources = RenewProcess.RESOURCE)
class RenewProcessTest extends ModelTestEngine {

  private static final String SUBSCRIPTION = "AP-500001";
  private static final RenewalPolicy POLICY = RenewalPolicy.defaults();

  private Instant anchor;
  private final List<String> charges = new ArrayList<>();
  private final List<Boolean> chargeOutcomes = new ArrayList<>();
  private final List<Instant> creditsGranted = new ArrayList<>();
  private final List<String> sent = new ArrayList<>();
  private final List<Instant> remindersSent = new ArrayList<>();
  private final List<String> domainSteps = new ArrayList<>();

  @BeforeEach
  void registerFakeDelegates() {
    Mocks.register("termSchedule", new TermSchedule(POLICY));
    Mocks.register("sendReminderDelegate", (JavaDelegate) execution -> {
      remindersSent.add(ClockUtil.getCurrentTime().toInstant());
      ProcessVariables.REMINDERS_SENT.set(execution,
          new TermSchedule(POLICY).reminderNumber(execution));
    });
    Mocks.register("sendNotificationDelegate", (JavaDelegate) execution ->
        sent.add(ProcessVariables.NOTIFICATION.from(execution)));
    Mocks.register("grantAzureCreditDelegate", (JavaDelegate) this::grantCredit);
    Mocks.register("placeRenewalOrderDelegate", (JavaDelegate) execution ->
        ProcessVariables.ORDER_ID.set(execution, "order-" + charges.size()));
    Mocks.register("chargePaymentDelegate", (JavaDelegate) this::charge);
    Mocks.register("declineOrderDelegate", step("declineOrder"));
    Mocks.register("markPastDueDelegate", step("markPastDue"));
    Mocks.register("scheduleRetryDelegate", (JavaDelegate) this::scheduleRetry);
    Mocks.register("renewTermDelegate", step("renewTerm"));
    Mocks.register("expireSubscriptionDelegate", (JavaDelegate) execution -> {
      domainSteps.add("expire");
      ProcessVariables.GRACE_ENDS_AT.set(execution,
          Date.from(now().plus(POLICY.graceWindow())));
    });
    Mocks.register("closeSubscriptionDelegate", step("close"));
    Mocks.register("startRenewalDelegate", (JavaDelegate) this::startNextTerm);
  }

  @Test
  @DisplayName("R9 R5 renews on the anniversary two years in a row, from a 29 February start")
  void shouldRenewOnAnniversaryTwoYearsInARow() {
    // Given a subscription bought on 29 February 2028 with auto-renewal on
    ProcessInstance first = startFirstTerm("2028-02-29T10:00:00Z");

    // When the clock reaches the first anniversary
    advanceTo(Instant.parse("2029-02-28T10:00:00Z"));

    // Then the term is charged once, renewed, and the next term's instance runs to 28 Feb 2030
    assertThat(first).isEnded().hasPassed(TASK_PLACE_RENEWAL_ORDER, TASK_CHARGE_RENEWAL,
        TASK_RENEW_TERM, TASK_START_NEXT_TERM, END_EVENT_TERM_RENEWED);
    ProcessInstance second = currentTerm();
    assertThat(second).isWaitingAt(TIMER_EVENT_NEXT_DUE);
    assertThat(termEnd(second)).isEqualTo(Instant.parse("2030-02-28T10:00:00Z"));

    // When the clock reaches the second anniversary, and then the leap year's
    advanceTo(Instant.parse("2030-02-28T10:00:00Z"));
    advanceTo(Instant.parse("2031-02-28T10:00:00Z"));

    // Then each term was charged once and the fourth term ends on 29 February 2032
    assertThat(charges).hasSize(3);
    assertThat(termEnd(currentTerm())).isEqualTo(Instant.parse("2032-02-29T10:00:00Z"));
    assertThat(sent).containsExactly("RENEWED", "RENEWED", "RENEWED");
    assertThat(runningTerms()).isOne();
  }

  @Test
  @DisplayName("R11 reminders go out 30 and 7 days before the term end, and not again after renewal")
  void shouldRemindAtEachOffsetBeforeTermEnd() {
    startFirstTerm("2027-01-15T08:00:00Z");

    advanceTo(Instant.parse("2027-12-16T07:59:59Z"));
    assertThat(remindersSent).isEmpty();
    advanceTo(Instant.parse("2028-01-15T07:00:00Z"));

    assertThat(remindersSent).containsExactly(Instant.parse("2027-12-16T08:00:00Z"),
        Instant.parse("2028-01-08T08:00:00Z"));
    advanceTo(Instant.parse("2028-01-20T00:00:00Z"));
    assertThat(remindersSent).hasSize(2);
  }

  @Test
  @DisplayName("R11 after a downtime over both reminder dates, one late reminder goes out, not two")
  void shouldSendOneLateReminderAfterDowntime() {
    startFirstTerm("2027-01-15T08:00:00Z");
    advanceTo(Instant.parse("2027-12-01T00:00:00Z"));

    // the engine is down from 1 December to 10 January: both reminder dates pass unnoticed
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2028-01-10T00:00:00Z")));
    new JobDriver(managementService()).runDue();

    assertThat(remindersSent).containsExactly(Instant.parse("2028-01-10T00:00:00Z"));
    advanceTo(Instant.parse("2028-01-15T07:00:00Z"));
    assertThat(remindersSent).hasSize(1);
  }

  @Test
  @DisplayName("R11 R8 R9 after a downtime over the reminders and the term end: the months' credits first, no reminder for a term already over, then the renewal, in one job")
  void shouldCatchUpInOrderAfterDowntimeOverTheTermEnd() {
    ProcessInstance term = startFirstTerm("2027-01-15T08:00:00Z");
    advanceTo(Instant.parse("2027-11-01T00:00:00Z"));
    int creditsBefore = creditsGranted.size();

    // the engine is down from 1 November to 20 January: the last months' credits, both
    // reminders and the term end pass unnoticed; the term's one timer is the one job due
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2028-01-20T00:00:00Z")));
    assertThat(managementService().createJobQuery().processInstanceId(term.getId()).count())
        .isOne();
    new JobDriver(managementService()).runDue();

    // the old term's last two months, then the renewed term's first month
    assertThat(creditsGranted.subList(creditsBefore, creditsGranted.size())).containsExactly(
        Instant.parse("2027-11-15T08:00:00Z"), Instant.parse("2027-12-15T08:00:00Z"),
        Instant.parse("2028-01-15T08:00:00Z"));
    assertThat(remindersSent).isEmpty();
    assertThat(term).isEnded().hasPassed(TASK_CHARGE_RENEWAL, TASK_START_NEXT_TERM);
    assertThat(charges).hasSize(1);
  }

  @Test
  @DisplayName("R8 the Azure credit is granted once per month of the term: 12 per term")
  void shouldGrantAzureCreditEveryMonthOfTheTerm() {
    ProcessInstance term = startFirstTerm("2027-01-31T12:00:00Z");

    // the month that begins with the term is granted as the term starts, without a timer job,
    // and the term's one timer waits for the next month: its only job
    assertThat(creditsGranted).containsExactly(Instant.parse("2027-01-31T12:00:00Z"));
    assertThat(managementService().createJobQuery().processInstanceId(term.getId())
        .singleResult().getDuedate()).isEqualTo(Date.from(Instant.parse("2027-02-28T12:00:00Z")));
    assertThat(term).isWaitingAt(TIMER_EVENT_NEXT_DUE);

    advanceTo(Instant.parse("2028-01-30T12:00:00Z"));

    assertThat(creditsGranted).hasSize(12);
    assertThat(creditsGranted.get(0)).isEqualTo(Instant.parse("2027-01-31T12:00:00Z"));
    assertThat(creditsGranted.get(1)).isEqualTo(Instant.parse("2027-02-28T12:00:00Z"));
    assertThat(creditsGranted.get(11)).isEqualTo(Instant.parse("2027-12-31T12:00:00Z"));

    advanceTo(Instant.parse("2028-01-31T12:00:00Z"));
    assertThat(creditsGranted).hasSize(13);
    assertThat(creditsGranted.get(12)).isEqualTo(Instant.parse("2028-01-31T12:00:00Z"));
  }

  @Test
  @DisplayName("R10 R14 turned off: confirmed, no charge at term end, expired, closed after the grace window")
  void shouldExpireAtTermEndWhenAutoRenewalIsTurnedOff() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    advanceTo(Instant.parse("2027-09-01T09:00:00Z"));

    // When the partner turns auto-renewal off
    autoRenewalTurnedOff();
    advanceTo(Instant.parse("2027-09-01T09:01:00Z"));

    // Then it is confirmed and the term goes on
    assertThat(term).hasPassed(BOUNDARY_EVENT_AUTO_RENEWAL_TURNED_OFF)
        .isActive().isWaitingAt(TIMER_EVENT_NEXT_DUE);
    assertThat(sent).containsExactly("AUTO_RENEWAL_TURNED_OFF");

    // When the term ends: expired, no charge, the grace window opens
    advanceTo(Instant.parse("2028-06-01T09:00:00Z"));
    assertThat(term).hasPassed(TASK_EXPIRE_SUBSCRIPTION).isWaitingAt(GATEWAY_GRACE_WINDOW);
    assertThat(charges).isEmpty();
    assertThat(sent).containsExactly("AUTO_RENEWAL_TURNED_OFF", "EXPIRED");

    // When the grace window passes: closed, and the instance ends
    advanceTo(Instant.parse("2028-07-01T09:00:00Z"));
    assertThat(term).isEnded().hasPassed(TASK_CLOSE_SUBSCRIPTION, END_EVENT_SUBSCRIPTION_CLOSED);
    assertThat(domainSteps).containsExactly("expire", "close");
    assertThat(runningTerms()).isZero();
  }

  @Test
  @DisplayName("R13 manual renewal before expiry hands over to the renewed term at once")
  void shouldStartRenewedTermWhenRenewedManuallyBeforeExpiry() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    autoRenewalTurnedOff();
    advanceTo(Instant.parse("2028-05-01T09:00:00Z"));

    renewedManually();

    assertThat(term).isEnded().hasPassed(BOUNDARY_EVENT_RENEWED_MANUALLY,
        TASK_START_RENEWED_TERM, END_EVENT_RENEWED_MANUALLY).hasNotPassed(TASK_EXPIRE_SUBSCRIPTION);
    assertThat(currentTerm()).isWaitingAt(TIMER_EVENT_NEXT_DUE);
    assertThat(termEnd(currentTerm())).isEqualTo(Instant.parse("2029-06-01T09:00:00Z"));
    assertThat(charges).isEmpty();
  }

  @Test
  @DisplayName("R13 after a lapse, a manual renewal in the grace window starts a new term")
  void shouldStartNewTermWhenRenewedManuallyAfterLapse() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    autoRenewalTurnedOff();
    advanceTo(Instant.parse("2028-06-11T09:00:00Z"));
    assertThat(term).isWaitingAt(GATEWAY_GRACE_WINDOW);

    anchor = now();
    renewedManually();

    assertThat(term).isEnded().hasPassed(MESSAGE_EVENT_RENEWED_AFTER_LAPSE, TASK_START_RENEWED_TERM)
        .hasNotPassed(TASK_CLOSE_SUBSCRIPTION);
    assertThat(termEnd(currentTerm())).isEqualTo(Instant.parse("2029-06-11T09:00:00Z"));
  }

  @Test
  @DisplayName("R12 a declined renewal is past due, retried 1, 3 and 7 days later, then expires")
  void shouldRetryDeclinedRenewalThenExpire() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    declineCharges(4);

    advanceTo(Instant.parse("2028-06-01T09:00:00Z"));
    assertThat(term).hasPassed(BOUNDARY_EVENT_RENEWAL_DECLINED, TASK_MARK_PAST_DUE)
        .isWaitingAt(TIMER_EVENT_RETRY_DUE);
    assertThat(sent).containsExactly("RENEWAL_DECLINED");

    advanceTo(Instant.parse("2028-06-09T09:00:00Z"));

    assertThat(charges).containsExactly("2028-06-01T09:00:00Z", "2028-06-02T09:00:00Z",
        "2028-06-04T09:00:00Z", "2028-06-08T09:00:00Z");
    assertThat(term).hasPassed(BOUNDARY_EVENT_RETRIES_EXHAUSTED, TASK_EXPIRE_SUBSCRIPTION)
        .isWaitingAt(GATEWAY_GRACE_WINDOW);
    assertThat(domainSteps).containsSubsequence("markPastDue", "expire");
  }

  @Test
  @DisplayName("R12 a retry that succeeds renews the term on its anniversary")
  void shouldRenewWhenRetrySucceeds() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    declineCharges(2);

    advanceTo(Instant.parse("2028-06-05T09:00:00Z"));

    assertThat(charges).hasSize(3);
    assertThat(term).isEnded().hasPassed(SUB_PROCESS_DUNNING, TASK_RENEW_TERM, END_EVENT_TERM_RENEWED)
        .hasNotPassed(TASK_EXPIRE_SUBSCRIPTION);
    assertThat(termEnd(currentTerm())).isEqualTo(Instant.parse("2029-06-01T09:00:00Z"));
  }

  @Test
  @DisplayName("R12 R13 a manual renewal during dunning ends the retries")
  void shouldStopRetriesWhenRenewedManuallyDuringDunning() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    declineCharges(4);
    advanceTo(Instant.parse("2028-06-02T12:00:00Z"));
    assertThat(term).isWaitingAt(TIMER_EVENT_RETRY_DUE);

    renewedManually();
    advanceTo(Instant.parse("2028-06-30T00:00:00Z"));

    assertThat(term).isEnded().hasPassed(BOUNDARY_EVENT_RENEWED_DURING_DUNNING, TASK_START_RENEWED_TERM);
    assertThat(charges).hasSize(2);
    assertThat(runningTerms()).isOne();
  }

  @Test
  @DisplayName("R14 the grace window ends: the subscription is closed and nothing runs any more")
  void shouldCloseWhenGraceWindowEnds() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    declineCharges(4);

    advanceTo(Instant.parse("2028-07-08T09:00:01Z"));

    assertThat(term).isEnded().hasPassed(END_EVENT_SUBSCRIPTION_CLOSED);
    assertThat(runningTerms()).isZero();
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @Test
  @DisplayName("R11 no reminder is pending for a term that was renewed manually")
  void shouldDropPendingRemindersWhenTermIsHandedOver() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    advanceTo(Instant.parse("2028-04-01T09:00:00Z"));
    assertThat(term).isActive();
    // the term's one timer waits for what is due next: May's credit, before the first reminder
    assertThat(managementService().createJobQuery().processInstanceId(term.getId()).timers()
        .singleResult().getDuedate()).isEqualTo(Date.from(Instant.parse("2028-05-01T09:00:00Z")));

    renewedManually();

    assertThat(term).isEnded().hasPassed(SUB_PROCESS_CURRENT_TERM);
    assertThat(managementService().createJobQuery().processInstanceId(term.getId()).count()).isZero();
  }

  @Test
  @DisplayName("R16 cancelled by support during the term: the instance ends, nothing more is due")
  void shouldEndWhenCancelledDuringTerm() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    advanceTo(Instant.parse("2027-09-01T09:00:00Z"));

    cancelledNow();

    assertThat(term).isEnded().hasPassed(RenewProcess.BOUNDARY_EVENT_CANCELLED_NOW,
        RenewProcess.END_EVENT_TERM_CANCELLED).hasNotPassed(TASK_EXPIRE_SUBSCRIPTION);
    assertThat(managementService().createJobQuery().count()).isZero();
    advanceTo(Instant.parse("2028-07-01T09:00:00Z"));
    assertThat(charges).isEmpty();
  }

  @Test
  @DisplayName("R12 R16 cancelled by support while past due: the retries stop")
  void shouldStopRetriesWhenCancelledDuringDunning() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    declineCharges(4);
    advanceTo(Instant.parse("2028-06-02T12:00:00Z"));

    cancelledNow();
    advanceTo(Instant.parse("2028-06-30T00:00:00Z"));

    assertThat(term).isEnded().hasPassed(RenewProcess.BOUNDARY_EVENT_CANCELLED_DURING_DUNNING,
        RenewProcess.END_EVENT_TERM_CANCELLED);
    assertThat(charges).hasSize(2);
  }

  @Test
  @DisplayName("R14 R16 cancelled by support in the grace window: closed without waiting for its end")
  void shouldEndWhenCancelledAfterLapse() {
    ProcessInstance term = startFirstTerm("2027-06-01T09:00:00Z");
    autoRenewalTurnedOff();
    advanceTo(Instant.parse("2028-06-05T09:00:00Z"));
    assertThat(term).isWaitingAt(GATEWAY_GRACE_WINDOW);

    cancelledNow();

    assertThat(term).isEnded().hasPassed(RenewProcess.MESSAGE_EVENT_CANCELLED_AFTER_LAPSE,
        RenewProcess.END_EVENT_TERM_CANCELLED).hasNotPassed(TASK_CLOSE_SUBSCRIPTION);
  }

  // ---- fakes and helpers

  private void cancelledNow() {
    correlate(RenewProcess.MESSAGE_CANCELLED_NOW, false);
  }

  private void autoRenewalTurnedOff() {
    correlate(MESSAGE_AUTO_RENEWAL_TURNED_OFF, false);
  }

  /** What the facade sends: the message, with auto-renewal as the sender leaves it. */
  private static void correlate(String message, boolean autoRenewal) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(SUBSCRIPTION)
        .setVariable("autoRenewal", autoRenewal).correlate();
  }


  private ProcessInstance startFirstTerm(String start) {
    anchor = Instant.parse(start);
    ClockUtil.setCurrentTime(Date.from(anchor));
    return startTerm(1, TermCalendar.termEnd(anchor, 1), anchor);
  }

  private ProcessInstance startTerm(int termNumber, Instant termEnd, Instant creditDue) {
    return runtimeService().startProcessInstanceByKey(RenewProcess.KEY, SUBSCRIPTION,
        termVariables(termNumber, termEnd, creditDue, false));
  }

  private static Map<String, Object> termVariables(int termNumber, Instant termEnd,
      Instant creditDue, boolean receiptDue) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        ProcessVariables.SUBSCRIPTION_ID.name(), "c0a80121-7ac0-4e1b-9f3a-000000000001",
        ProcessVariables.PARTNER.name(), "Contoso Partners",
        ProcessVariables.AMOUNT.name(), "475.00 USD",
        ProcessVariables.TERM_NUMBER.name(), termNumber,
        ProcessVariables.TERM_ENDS_AT.name(), Date.from(termEnd),
        ProcessVariables.AUTO_RENEWAL.name(), true,
        ProcessVariables.AZURE_CREDIT_DUE_AT.name(), Date.from(creditDue)));
    if (receiptDue) {
      variables.put(ProcessVariables.ORDER_ID.name(), "order-renewed");
    }
    return variables;
  }

  /** The real delegate starts the next term from the subscription's table; this one from its anchor. */
  private void startNextTerm(DelegateExecution execution) {
    int next = ProcessVariables.TERM_NUMBER.from(execution) + 1;
    boolean lapsed = now().equals(anchor);
    int termsSinceAnchor = lapsed ? 1 : next;
    Instant termEnd = TermCalendar.termEnd(anchor, termsSinceAnchor);
    Instant creditDue = creditsGranted.isEmpty() || lapsed ? anchor
        : TermCalendar.nextMonthlyDue(anchor, creditsGranted.get(creditsGranted.size() - 1));
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
        RenewProcess.KEY, SUBSCRIPTION, termVariables(next, termEnd, creditDue,
            ProcessVariables.RECEIPT_ORDER_ID.optionalFrom(execution).isPresent()));
  }

  private void grantCredit(DelegateExecution execution) {
    Instant due = ProcessVariables.AZURE_CREDIT_DUE_AT.from(execution).toInstant();
    creditsGranted.add(due);
    Instant next = TermCalendar.nextMonthlyDue(anchor, due);
    ProcessVariables.AZURE_CREDIT_DUE_AT.set(execution, Date.from(next));
  }

  private void charge(DelegateExecution execution) {
    charges.add(now().toString());
    boolean approved = chargeOutcomes.isEmpty() || chargeOutcomes.remove(0);
    if (!approved) {
      throw new BpmnError(ProcessErrors.PAYMENT_DECLINED, "insufficient_funds");
    }
  }

  private void scheduleRetry(DelegateExecution execution) {
    int attempt = ProcessVariables.dunningAttempt(execution) + 1;
    ProcessVariables.DUNNING_ATTEMPT.set(execution, attempt);
    boolean scheduled = attempt <= POLICY.retryOffsets().size();
    ProcessVariables.RETRY_SCHEDULED.set(execution, scheduled);
    if (scheduled) {
      Instant termEnd = ProcessVariables.TERM_ENDS_AT.from(execution).toInstant();
      ProcessVariables.RETRY_DUE_AT.set(execution,
          Date.from(termEnd.plus(POLICY.retryOffsets().get(attempt - 1))));
    }
  }

  private void declineCharges(int count) {
    for (int i = 0; i < count; i++) {
      chargeOutcomes.add(false);
    }
  }

  private JavaDelegate step(String name) {
    return execution -> domainSteps.add(name);
  }

  private void renewedManually() {
    correlate(MESSAGE_RENEWED_MANUALLY, true);
  }

  private void advanceTo(Instant target) {
    new JobDriver(managementService()).advanceTo(target);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static ProcessInstance currentTerm() {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(RenewProcess.KEY)
        .processInstanceBusinessKey(SUBSCRIPTION).singleResult();
  }

  private static long runningTerms() {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(RenewProcess.KEY)
        .processInstanceBusinessKey(SUBSCRIPTION).count();
  }

  private static Instant termEnd(ProcessInstance term) {
    return ((Date) runtimeService().getVariable(term.getId(), "termEndsAt")).toInstant();
  }
}
