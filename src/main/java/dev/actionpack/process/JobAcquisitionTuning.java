package dev.actionpack.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes job acquisition an index range scan. Every job gets a due date (an async continuation is
 * due when it is created), so the acquisition query is {@code DUEDATE_ <= now} in due-date order
 * instead of a scan of every waiting timer; an index on {@code DUEDATE_} serves it. Jobs created
 * before this setting, without a due date, are given their creation time once at start-up so
 * none is left behind. The benchmark turns it off
 * ({@code actionpack.jobs.indexed-acquisition=false}) to measure the starter's defaults.
 */
@Component
@ConditionalOnProperty(name = "actionpack.jobs.indexed-acquisition", matchIfMissing = true)
public class JobAcquisitionTuning extends AbstractProcessEnginePlugin {

  static final String INDEX = "ACT_IDX_JOB_DUEDATE_AP";

  private static final Logger log = LoggerFactory.getLogger(JobAcquisitionTuning.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
    // after downtime the oldest due job runs first: a month's credit before its term end
    configuration.setJobExecutorAcquireByDueDate(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("create index if not exists " + INDEX + " on " + table + " (DUEDATE_)");
      try (var update = connection.prepareStatement("update " + table
          + " set DUEDATE_ = coalesce(CREATE_TIME_, ?) where DUEDATE_ is null")) {
        update.setTimestamp(1, new Timestamp(EngineClock.now().toEpochMilli()));
        int dated = update.executeUpdate();
        if (dated > 0) {
          log.info("{} jobs without a due date are due now", dated);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare job acquisition on " + table, e);
    }
  }
}
