package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.support.ApiTest;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Job acquisition reads an index: every job has a due date, old ones get one at start-up. */
class JobAcquisitionTuningTest extends ApiTest {

  @Autowired
  private ProcessEngine engine;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private JobAcquisitionTuning tuning;

  @Test
  @DisplayName("Every job is due-dated and the due date is indexed; a job left without one is dated at start-up")
  void shouldDueDateEveryJob() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from information_schema.indexes "
        + "where index_name = ?", Integer.class, JobAcquisitionTuning.INDEX)).isOne();
    assertThat(purchase(newMember(), purchaseWithCard("4242424242424242"), null).status())
        .isEqualTo(201);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where duedate_ is null",
        Integer.class)).isZero();
    String job = jdbc.queryForObject("select id_ from act_ru_job where handler_type_ = "
        + "'timer-intermediate-transition' fetch first 1 rows only", String.class);
    jdbc.update("update act_ru_job set duedate_ = null where id_ = ?", job);

    tuning.postProcessEngineBuild(engine);

    assertThat(jdbc.queryForObject("select duedate_ from act_ru_job where id_ = ?",
        Timestamp.class, job)).isEqualTo(jdbc.queryForObject(
            "select create_time_ from act_ru_job where id_ = ?", Timestamp.class, job));
  }
}
