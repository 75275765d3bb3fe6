package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.actionpack.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How the engine tries failed jobs again (JobRetries), on a one-step model of its own. */
class JobRetriesTest extends ApiTest {

  private static final String KEY = "job-retries-test";
  private static final Instant NOW = Instant.parse("2027-05-03T10:00:00Z");

  @Autowired
  private RepositoryService repository;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private ManagementService management;
  @Autowired
  private ProcessEngineConfigurationImpl engine;

  private String deployment;

  @BeforeEach
  void deployOneStepModel() {
    // the test runs the jobs itself, one at a time
    engine.getJobExecutor().shutdown();
    // an async step without a retry cycle of its own: the engine's default applies
    deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn",
        Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("Task_Step").camundaAsyncBefore()
            .camundaClass(Step.class.getName()).endEvent().done())
        .deploy().getId();
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deployment, true);
    engine.getJobExecutor().start();
    Step.racesToLose.set(0);
    Step.failures.set(0);
  }

  @Test
  @DisplayName("A job that lost an optimistic-locking race runs again at once, its retries untouched, up to three times in a row")
  void shouldRunAJobThatLostARaceAgainAtOnce() {
    Step.racesToLose.set(JobRetries.AT_ONCE);
    String instance = runtime.startProcessInstanceByKey(KEY).getId();

    for (int race = 1; race <= JobRetries.AT_ONCE; race++) {
      Job job = jobOf(instance);
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(OptimisticLockingException.class);
      Job again = jobOf(instance);
      assertThat(again.getRetries()).as("retries after race %d", race).isEqualTo(job.getRetries());
      assertThat(again.getDuedate().toInstant()).as("due after race %d", race)
          .isBetween(NOW, NOW.plusSeconds(1));
    }
    management.executeJob(jobOf(instance).getId());

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  @DisplayName("A fourth race lost in a row waits for the schedule's first retry (10 s); lost races never use up retries")
  void shouldCountTheFourthLostRaceAsAFailure() {
    Step.racesToLose.set(JobRetries.AT_ONCE + 1);
    String instance = runtime.startProcessInstanceByKey(KEY).getId();
    int retries = jobOf(instance).getRetries();

    for (int race = 1; race <= JobRetries.AT_ONCE + 1; race++) {
      String job = jobOf(instance).getId();
      assertThatThrownBy(() -> management.executeJob(job))
          .isInstanceOf(OptimisticLockingException.class);
    }

    Job failed = jobOf(instance);
    assertThat(failed.getDuedate().toInstant()).isEqualTo(NOW.plusSeconds(10));
    // the schedule's eight runs, none of them spent (Camunda spends none on a lost race)
    assertThat(retries).isEqualTo(8);
    assertThat(failed.getRetries()).isEqualTo(retries);
  }

  @Test
  @DisplayName("A technical failure is retried 10 s, 1 min, 5 min, 15 min, 1 h, 3 h and 6 h later, then an incident: a 15-minute outage heals by itself")
  void shouldBackOffOverHoursBeforeAnIncident() {
    Step.failures.set(Integer.MAX_VALUE);
    String instance = runtime.startProcessInstanceByKey(KEY).getId();
    Instant outageEnds = NOW.plus(Duration.ofMinutes(15));

    Instant[] expected = {NOW.plusSeconds(10), NOW.plusSeconds(70), NOW.plusSeconds(370),
        NOW.plusSeconds(1270), NOW.plusSeconds(4870), NOW.plusSeconds(15670),
        NOW.plusSeconds(37270)};
    for (int retry = 0; retry < expected.length; retry++) {
      fail(instance);
      Job job = jobOf(instance);
      assertThat(job.getDuedate().toInstant()).as("retry %d due", retry + 1)
          .isEqualTo(expected[retry]);
      assertThat(job.getRetries()).isEqualTo(7 - retry);
      ClockUtil.setCurrentTime(job.getDuedate());
      if (retry == 3) {
        assertThat(job.getDuedate().toInstant()).isAfter(outageEnds);
      }
    }
    fail(instance);

    assertThat(jobOf(instance).getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isOne();
  }

  private void fail(String instance) {
    String job = jobOf(instance).getId();
    assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("unreachable");
  }

  private Job jobOf(String instance) {
    return management.createJobQuery().processInstanceId(instance).singleResult();
  }

  /** The one step: loses races, or fails as an unreachable provider would, as scripted. */
  public static class Step implements JavaDelegate {

    static final AtomicInteger racesToLose = new AtomicInteger();
    static final AtomicInteger failures = new AtomicInteger();

    @Override
    public void execute(DelegateExecution execution) {
      if (racesToLose.getAndDecrement() > 0) {
        throw new OptimisticLockingException("another transaction changed the same rows");
      }
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("provider unreachable");
      }
    }
  }
}
