package dev.actionpack.process;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the first job of an instance a partner's request just started (the purchase's charge)
 * right after the request's commit, on this node, instead of waiting for the job executor to
 * find it. The job stays the save point: it is due a few seconds later, so if this attempt fails,
 * is refused for want of a thread, or the node dies, the job executor runs it then, with its
 * retries, as before; a charge replayed that way is never charged twice (R7). Off with
 * {@code actionpack.jobs.run-now.enabled=false} (the benchmark compares both); by default off
 * on a node that runs no jobs ({@code camunda.bpm.job-execution.enabled=false}): every job then
 * waits for a job executor.
 */
@Component
public class JobsRunNow implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(JobsRunNow.class);

  private final boolean enabled;
  private final ManagementService management;
  private final CommandExecutor commands;
  private final Duration grace;
  private final ThreadPoolExecutor threads;

  JobsRunNow(ProcessEngine engine,
      @Value("${actionpack.jobs.run-now.enabled:${camunda.bpm.job-execution.enabled:true}}")
      boolean enabled,
      @Value("${actionpack.jobs.run-now.grace:5s}") Duration grace,
      @Value("${actionpack.jobs.run-now.threads:8}") int threads) {
    this.enabled = enabled;
    this.management = engine.getManagementService();
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.grace = grace;
    AtomicInteger count = new AtomicInteger();
    this.threads = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
        new ArrayBlockingQueue<>(threads * 8), runnable -> {
          Thread thread = new Thread(runnable, "jobs-run-now-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * In the caller's transaction: makes the instance's jobs due {@code grace} from now, and once
   * the transaction commits, runs them here.
   */
  public void afterCommit(String processInstanceId) {
    if (!enabled) {
      return;
    }
    Date later = new Date(ClockUtil.getCurrentTime().getTime() + grace.toMillis());
    List<String> jobs = commands.execute(context -> {
      List<JobEntity> found = context.getJobManager()
          .findJobsByProcessInstanceId(processInstanceId);
      found.forEach(job -> job.setDuedate(later));
      return found.stream().map(JobEntity::getId).toList();
    });
    if (jobs.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          threads.execute(() -> jobs.forEach(JobsRunNow.this::run));
        } catch (RejectedExecutionException busy) {
          log.debug("No thread free for jobs {}: the job executor runs them", jobs);
        }
      }
    });
  }

  private void run(String jobId) {
    try {
      management.executeJob(jobId);
    } catch (RuntimeException failed) {
      // the job keeps its retries and schedule: the job executor takes it from here
      log.info("Job {} failed when run at once ({}); it is retried as scheduled", jobId,
          failed.getMessage());
    }
  }

  @Override
  public void destroy() {
    threads.shutdownNow();
  }
}
