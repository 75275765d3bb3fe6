package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import dev.actionpack.offer.TermCalendar;
import dev.actionpack.subscription.ReminderSchedule;
import dev.actionpack.subscription.RenewalPolicy;
import dev.actionpack.subscription.TermSchedule;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Deployment(resources = RenewProcess.RESOURCE)
class ModelMigrationTest extends ModelTestEngine {

  /** renew.bpmn as shipped before the reminders became a loop, kept to test migrating from it. */
  private static final String MULTI_INSTANCE_VERSION =
      "migration/renew-with-reminders-multi-instance.bpmn";

  /**
   * renew.bpmn as shipped while the current term waited in parallel timers (reminders, credit,
   * term end) and each notice was a job of its own.
   */
  private static final String PARALLEL_TIMERS_VERSION = "migration/renew-with-parallel-timers.bpmn";
  private static final String OLD_TIMER_EVENT_REMINDER_DUE = "TimerEvent_ReminderDue";
  private static final String OLD_TIMER_EVENT_TERM_ENDS = "TimerEvent_TermEnds";

  private final List<String> moreDeployments = new ArrayList<>();

  @AfterEach
  void removeMoreVersions() {
    moreDeployments.forEach(id -> repositoryService().deleteDeployment(id, true));
  }

  @Test
  @DisplayName("R21 a running term moves to the new version of renew.bpmn with its timers; new terms start on it")
  void shouldMigrateRunningTermToNewVersion() throws Exception {
    // Given a term running on version 1, waiting for its next month, reminders and term end
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    Mocks.register("termSchedule", new TermSchedule(RenewalPolicy.defaults()));
    ProcessInstance term = startTerm();
    List<Date> dueDatesBefore = dueDates(term);
    ProcessDefinition v1 = definitionOf(term);

    // When a changed model is deployed and the running terms are migrated
    moreDeployments.add(repositoryService().createDeployment()
        .addModelInstance("renew.bpmn", changedModel()).deploy().getId());
    long migrated = new ModelMigration(repositoryService(), runtimeService(), false)
        .migrateToLatest(RenewProcess.KEY);

    // Then the term runs on version 2 with the same timer, and a new term starts on version 2
    assertThat(migrated).isOne();
    ProcessDefinition v2 = definitionOf(term);
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    assertThat(v2.getName()).isEqualTo("Renew Action Pack term (v2)");
    assertThat(term).isWaitingAt(RenewProcess.TIMER_EVENT_NEXT_DUE);
    assertThat(dueDates(term)).isEqualTo(dueDatesBefore)
        .containsExactly(Date.from(Instant.parse("2027-04-01T10:00:00Z")));
    assertThat(definitionOf(startTerm()).getId()).isEqualTo(v2.getId());
  }

  @Test
  @DisplayName("R21 from the versions whose term waited in parallel timers (multi-instance or looped reminders): no running term can move, each stays on its version")
  void shouldLeaveTermsWaitingInRemovedActivitiesOnTheirVersion() {
    // Given the version that sent reminders from a multi-instance sub-process and the one that
    // looped over them beside a credit timer and a term-end timer, with a term on each
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    Mocks.register("reminderSchedule", new MultiInstanceReminderSchedule());
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(MULTI_INSTANCE_VERSION).deploy().getId());
    ProcessInstance onMultiInstance = startTerm("AP-500001",
        Instant.parse("2028-03-01T10:00:00Z"));
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(PARALLEL_TIMERS_VERSION).deploy().getId());
    ProcessInstance onParallelTimers = startTerm("AP-500002",
        Instant.parse("2028-03-01T10:00:00Z"));
    String multiInstanceVersion = definitionOf(onMultiInstance).getId();
    String parallelTimersVersion = definitionOf(onParallelTimers).getId();
    assertThat(onMultiInstance).isWaitingAt(OLD_TIMER_EVENT_REMINDER_DUE);
    assertThat(onParallelTimers).isWaitingAt(OLD_TIMER_EVENT_REMINDER_DUE,
        OLD_TIMER_EVENT_TERM_ENDS);

    // When the current model is deployed and the running terms are migrated
    long migrated = deployCurrentAndMigrate();

    // Then neither moves (the current version has none of their wait states) and both run on
    assertThat(migrated).isZero();
    assertThat(definitionOf(onMultiInstance).getId()).isEqualTo(multiInstanceVersion);
    assertThat(definitionOf(onParallelTimers).getId()).isEqualTo(parallelTimersVersion);
    assertThat(onParallelTimers).isWaitingAt(OLD_TIMER_EVENT_TERM_ENDS);
  }

  @Test
  @DisplayName("R21 R9 a term left on the version with parallel timers runs to its end there and hands over to a term on the latest version")
  void shouldHandOverFromAnOldVersionToATermOnTheLatest() {
    // Given a term on the version with parallel timers, left there by the migration
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    List<String> steps = new ArrayList<>();
    Mocks.register("reminderSchedule", new ReminderSchedule(RenewalPolicy.defaults()));
    Mocks.register("termSchedule", new TermSchedule(RenewalPolicy.defaults()));
    Mocks.register("sendReminderDelegate", (JavaDelegate) execution -> steps.add("reminder"));
    Mocks.register("grantAzureCreditDelegate", (JavaDelegate) execution ->
        ProcessVariables.AZURE_CREDIT_DUE_AT.set(execution, Date.from(TermCalendar.nextMonthlyDue(
            Instant.parse("2027-03-01T10:00:00Z"),
            ProcessVariables.AZURE_CREDIT_DUE_AT.from(execution).toInstant()))));
    Mocks.register("placeRenewalOrderDelegate", (JavaDelegate) execution ->
        ProcessVariables.ORDER_ID.set(execution, "order-renewal"));
    Mocks.register("chargePaymentDelegate", (JavaDelegate) execution -> steps.add("charge"));
    Mocks.register("renewTermDelegate", (JavaDelegate) execution -> steps.add("renew"));
    Mocks.register("sendNotificationDelegate", (JavaDelegate) execution ->
        steps.add(ProcessVariables.NOTIFICATION.from(execution)));
    Mocks.register("startRenewalDelegate", (JavaDelegate) execution -> startTerm("AP-500005",
        Instant.parse("2029-03-01T10:00:00Z"), Map.of("orderId", "order-renewal")));
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(PARALLEL_TIMERS_VERSION).deploy().getId());
    ProcessInstance old = startTerm("AP-500005", Instant.parse("2028-03-01T10:00:00Z"));
    String oldVersion = definitionOf(old).getId();
    assertThat(deployCurrentAndMigrate()).isZero();

    // When its term end comes
    new JobDriver(managementService()).advanceTo(Instant.parse("2028-03-01T10:00:00Z"));

    // Then it renewed on its version, and the next term runs on the latest, with its receipt
    assertThat(old).isEnded().hasPassed(RenewProcess.TASK_START_NEXT_TERM);
    assertThat(steps).containsSubsequence("reminder", "reminder", "charge", "renew", "RENEWED");
    ProcessInstance next = runtimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("AP-500005").singleResult();
    assertThat(definitionOf(next).getId()).isNotEqualTo(oldVersion)
        .isEqualTo(repositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(RenewProcess.KEY).latestVersion().singleResult().getId());
    assertThat(next).isWaitingAt(RenewProcess.TIMER_EVENT_NEXT_DUE);
  }

  @Test
  @DisplayName("R21 R19 a term with a notice job pending stays on the version whose notices were jobs until the notice is out")
  void shouldLeaveTermsWithAPendingNoticeJobOnTheirVersion() {
    // Given the version that sent each notice in a job of its own, with a term whose
    // "auto-renewal off" notice is still waiting for its job
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    Mocks.register("reminderSchedule", new ReminderSchedule(RenewalPolicy.defaults()));
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(PARALLEL_TIMERS_VERSION).deploy().getId());
    ProcessInstance noticePending = startTerm("AP-500003", Instant.parse("2028-03-01T10:00:00Z"));
    String noticeJobsVersion = definitionOf(noticePending).getId();
    runtimeService().createMessageCorrelation(RenewProcess.MESSAGE_AUTO_RENEWAL_TURNED_OFF)
        .processInstanceBusinessKey("AP-500003").correlate();
    assertThat(noticePending).isWaitingAt(RenewProcess.TASK_SEND_AUTO_RENEWAL_OFF);

    // When the current model is deployed and the running terms are migrated
    long migrated = deployCurrentAndMigrate();

    // Then it stays, its notice job still there
    assertThat(migrated).isZero();
    assertThat(definitionOf(noticePending).getId()).isEqualTo(noticeJobsVersion);
    assertThat(noticePending).isWaitingAt(RenewProcess.TASK_SEND_AUTO_RENEWAL_OFF);
  }

  /** The reminder schedule as the multi-instance version called it, beside today's methods. */
  public static class MultiInstanceReminderSchedule extends ReminderSchedule {

    public MultiInstanceReminderSchedule() {
      super(RenewalPolicy.defaults());
    }

    public List<Date> dueDates(DelegateExecution execution) {
      return TermCalendar.reminderDates(
          ProcessVariables.TERM_ENDS_AT.from(execution).toInstant(),
          RenewalPolicy.defaults().reminderOffsets(), ClockUtil.getCurrentTime().toInstant())
          .stream().map(Date::from).toList();
    }
  }

  /** Deploys the current renew.bpmn and migrates what can move to it; how many moved. */
  private long deployCurrentAndMigrate() {
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(RenewProcess.RESOURCE).deploy().getId());
    return new ModelMigration(repositoryService(), runtimeService(), false)
        .migrateToLatest(RenewProcess.KEY);
  }

  /** Starts a term with the variables every version reads (the oldest also the last two). */
  private static ProcessInstance startTerm(String number, Instant termEnd) {
    return startTerm(number, termEnd, Map.of());
  }

  private static ProcessInstance startTerm(String number, Instant termEnd,
      Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(Map.of(
        ProcessVariables.SUBSCRIPTION_ID.name(), "c0a80121-7ac0-4e1b-9f3a-000000000001",
        ProcessVariables.TERM_NUMBER.name(), 1,
        ProcessVariables.TERM_ENDS_AT.name(), Date.from(termEnd),
        ProcessVariables.AUTO_RENEWAL.name(), true,
        ProcessVariables.AZURE_CREDIT_DUE_AT.name(), Date.from(Instant.parse("2027-04-01T10:00:00Z")),
        "dunningAttempt", 0,
        "receiptDue", false));
    variables.putAll(more);
    return runtimeService().startProcessInstanceByKey(RenewProcess.KEY, number, variables);
  }

  private static ProcessInstance startTerm() {
    return startTerm("AP-500001", Instant.parse("2028-03-01T10:00:00Z"));
  }

  private static BpmnModelInstance changedModel() throws Exception {
    try (InputStream in = ModelMigrationTest.class.getClassLoader()
        .getResourceAsStream(RenewProcess.RESOURCE)) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      model.<Process>getModelElementById(RenewProcess.KEY).setName("Renew Action Pack term (v2)");
      return model;
    }
  }

  private static ProcessDefinition definitionOf(ProcessInstance instance) {
    String id = runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getProcessDefinitionId();
    return repositoryService().getProcessDefinition(id);
  }

  private static List<Date> dueDates(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId())
        .orderByJobDuedate().asc().list().stream().map(Job::getDuedate).toList();
  }
}
