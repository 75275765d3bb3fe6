package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import dev.actionpack.offer.TermCalendar;
import dev.actionpack.subscription.ReminderSchedule;
import dev.actionpack.subscription.RenewalPolicy;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

  /** renew.bpmn as shipped while each notice was a job of its own (asynchronous send tasks). */
  private static final String NOTICE_JOBS_VERSION = "migration/renew-with-notice-jobs.bpmn";

  private final List<String> moreDeployments = new ArrayList<>();

  @AfterEach
  void removeMoreVersions() {
    moreDeployments.forEach(id -> repositoryService().deleteDeployment(id, true));
  }

  @Test
  @DisplayName("R21 a running term moves to the new version of renew.bpmn with its timers; new terms start on it")
  void shouldMigrateRunningTermToNewVersion() throws Exception {
    // Given a term running on version 1, waiting for its reminders, credit and term end
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    Mocks.register("reminderSchedule", new ReminderSchedule(RenewalPolicy.defaults()));
    ProcessInstance term = startTerm();
    List<Date> dueDatesBefore = dueDates(term);
    ProcessDefinition v1 = definitionOf(term);

    // When a changed model is deployed and the running terms are migrated
    moreDeployments.add(repositoryService().createDeployment()
        .addModelInstance("renew.bpmn", changedModel()).deploy().getId());
    long migrated = new ModelMigration(repositoryService(), runtimeService(), false)
        .migrateToLatest(RenewProcess.KEY);

    // Then the term runs on version 2 with the same timers, and a new term starts on version 2
    assertThat(migrated).isOne();
    ProcessDefinition v2 = definitionOf(term);
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    assertThat(v2.getName()).isEqualTo("Renew Action Pack term (v2)");
    assertThat(term).isWaitingAt(RenewProcess.TIMER_EVENT_TERM_ENDS);
    assertThat(dueDates(term)).isEqualTo(dueDatesBefore);
    assertThat(definitionOf(startTerm()).getId()).isEqualTo(v2.getId());
  }

  @Test
  @DisplayName("R21 from the version with multi-instance reminders: terms waiting for a reminder stay on it, the others move")
  void shouldLeaveTermsWaitingInRemovedActivitiesOnTheirVersion() {
    // Given the version that sent reminders from a multi-instance sub-process, with one term
    // still waiting for its reminders and one whose reminders are all past
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    Mocks.register("reminderSchedule", new MultiInstanceReminderSchedule());
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(MULTI_INSTANCE_VERSION).deploy().getId());
    ProcessInstance waitingForReminders = startTerm("AP-500001",
        Instant.parse("2028-03-01T10:00:00Z"));
    ProcessInstance remindersPast = startTerm("AP-500002", Instant.parse("2027-03-05T10:00:00Z"));
    String multiInstanceVersion = definitionOf(waitingForReminders).getId();
    assertThat(waitingForReminders).isWaitingAt(RenewProcess.TIMER_EVENT_REMINDER_DUE);
    assertThat(remindersPast).isWaitingAt(RenewProcess.TIMER_EVENT_TERM_ENDS)
        .isNotWaitingAt(RenewProcess.TIMER_EVENT_REMINDER_DUE);

    // When the current model is deployed and the running terms are migrated
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(RenewProcess.RESOURCE).deploy().getId());
    long migrated = new ModelMigration(repositoryService(), runtimeService(), false)
        .migrateToLatest(RenewProcess.KEY);

    // Then the term past its reminders moves with its timers; the other stays and runs on
    assertThat(migrated).isOne();
    assertThat(definitionOf(remindersPast).getId()).isNotEqualTo(multiInstanceVersion);
    assertThat(definitionOf(remindersPast).getVersion())
        .isEqualTo(repositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(RenewProcess.KEY).latestVersion().singleResult().getVersion());
    assertThat(dueDates(remindersPast)).containsExactly(
        Date.from(Instant.parse("2027-03-05T10:00:00Z")),
        Date.from(Instant.parse("2027-04-01T10:00:00Z")));
    assertThat(definitionOf(waitingForReminders).getId()).isEqualTo(multiInstanceVersion);
    assertThat(waitingForReminders).isWaitingAt(RenewProcess.TIMER_EVENT_REMINDER_DUE);
  }

  @Test
  @DisplayName("R21 R19 from the version whose notices were jobs: a term with a notice job pending stays on it until the notice is out, the others move")
  void shouldLeaveTermsWithAPendingNoticeJobOnTheirVersion() {
    // Given the version that sent each notice in a job of its own, with one term whose
    // "auto-renewal off" notice is still waiting for its job, and one with nothing pending
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T10:00:00Z")));
    Mocks.register("reminderSchedule", new ReminderSchedule(RenewalPolicy.defaults()));
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(NOTICE_JOBS_VERSION).deploy().getId());
    ProcessInstance noticePending = startTerm("AP-500003", Instant.parse("2028-03-01T10:00:00Z"));
    ProcessInstance nothingPending = startTerm("AP-500004",
        Instant.parse("2028-03-01T10:00:00Z"));
    String noticeJobsVersion = definitionOf(noticePending).getId();
    runtimeService().createMessageCorrelation(RenewProcess.MESSAGE_AUTO_RENEWAL_TURNED_OFF)
        .processInstanceBusinessKey("AP-500003").correlate();
    assertThat(noticePending).isWaitingAt(RenewProcess.TASK_SEND_AUTO_RENEWAL_OFF);

    // When the current model is deployed and the running terms are migrated
    moreDeployments.add(repositoryService().createDeployment()
        .addClasspathResource(RenewProcess.RESOURCE).deploy().getId());
    long migrated = new ModelMigration(repositoryService(), runtimeService(), false)
        .migrateToLatest(RenewProcess.KEY);

    // Then the term without a pending notice moves; the other stays, its notice job still there
    assertThat(migrated).isOne();
    assertThat(definitionOf(nothingPending).getId()).isNotEqualTo(noticeJobsVersion);
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

  /** Starts a term with the variables both versions read (the older one also the last two). */
  private static ProcessInstance startTerm(String number, Instant termEnd) {
    return runtimeService().startProcessInstanceByKey(RenewProcess.KEY, number, Map.of(
        ProcessVariables.SUBSCRIPTION_ID.name(), "c0a80121-7ac0-4e1b-9f3a-000000000001",
        ProcessVariables.TERM_NUMBER.name(), 1,
        ProcessVariables.TERM_ENDS_AT.name(), Date.from(termEnd),
        ProcessVariables.AUTO_RENEWAL.name(), true,
        ProcessVariables.AZURE_CREDIT_DUE_AT.name(), Date.from(Instant.parse("2027-04-01T10:00:00Z")),
        "dunningAttempt", 0,
        "receiptDue", false));
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
