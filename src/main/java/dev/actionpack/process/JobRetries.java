package dev.actionpack.process;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * How failed jobs are tried again. A technical failure (the provider unreachable, the database
 * gone) follows {@link #SCHEDULE}: the first retry within seconds, then backing off over hours,
 * so an outage of minutes heals by itself and only one that lasts most of a day becomes an
 * incident. A job that lost a race with a concurrent change of the same rows (an optimistic
 * locking failure) did nothing wrong: it runs again at once, up to {@link #AT_ONCE} times in a
 * row; after that it waits for the schedule's first retry. Camunda never spends a retry on a
 * lost race, so races alone never end in an incident.
 */
@Component
public class JobRetries extends AbstractProcessEnginePlugin {

  /**
   * The retry schedule of every job: 10 seconds, a minute, 5 and 15 minutes, then 1, 3 and 6
   * hours (seven retries over 10 h 21 min). Every model's async steps and timers use it.
   */
  public static final String SCHEDULE = "PT10S,PT1M,PT5M,PT15M,PT1H,PT3H,PT6H";

  /** Races lost in a row that are run again at once. */
  public static final int AT_ONCE = 3;

  private static final Logger log = LoggerFactory.getLogger(JobRetries.class);
  private static final int REMEMBERED_JOBS = 10_000;

  /** Races lost in a row per job, on this node; bounded, oldest forgotten first. */
  private final Map<String, Integer> racesLost = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > REMEMBERED_JOBS;
        }
      });

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobRetryTimeCycle(SCHEDULE);
    configuration.setFailedJobCommandFactory(this::afterFailure);
  }

  private Command<Object> afterFailure(String jobId, Throwable failure) {
    if (isLostRace(failure)) {
      int lost = racesLost.merge(jobId, 1, Integer::sum);
      if (lost <= AT_ONCE) {
        return new RunAgainAtOnce(jobId, lost);
      }
    }
    racesLost.remove(jobId);
    return new DefaultJobRetryCmd(jobId, failure);
  }

  static boolean isLostRace(Throwable failure) {
    for (Throwable cause = failure; cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException
          || cause instanceof ConcurrencyFailureException
          || cause instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }

  /** Unlocks the job and makes it due now (give or take a moment), its retries untouched. */
  private static final class RunAgainAtOnce implements Command<Object> {

    private final String jobId;
    private final int lost;

    RunAgainAtOnce(String jobId, int lost) {
      this.jobId = jobId;
      this.lost = lost;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job == null) {
        return null; // the change it raced with removed it (a message ended its wait, say)
      }
      job.setLockOwner(null);
      job.setLockExpirationTime(null);
      // a short random pause, so two jobs that collided do not collide again
      job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime()
          + ThreadLocalRandom.current().nextLong(50, 500)));
      log.info("Job {} lost a race with a concurrent change ({} in a row): runs again at once",
          jobId, lost);
      JobExecutor executor = commandContext.getProcessEngineConfiguration().getJobExecutor();
      if (executor != null) {
        commandContext.getTransactionContext().addTransactionListener(
            TransactionState.COMMITTED, committed -> executor.jobWasAdded());
      }
      return null;
    }
  }
}
