package dev.actionpack.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Plays the job executor in tests, deterministically: moves the engine clock forward to a
 * target, stopping at every job on the way in the order they fall due, and runs each. A job
 * that fails is retried by the engine's own retry schedule, like in production. Only the jobs
 * of process instances run: the nightly history cleanup is not part of what tests look at.
 */
public final class JobDriver {

  private final ManagementService managementService;
  private final List<Exception> failures = new ArrayList<>();

  public JobDriver(ManagementService managementService) {
    this.managementService = managementService;
  }

  /** Runs every job already due. */
  public void runDue() {
    advanceTo(now());
  }

  public void advanceTo(Instant target) {
    while (true) {
      Job next = managementService.createJobQuery().withRetriesLeft().active()
          .orderByJobDuedate().asc().list().stream()
          .filter(job -> job.getProcessInstanceId() != null)
          .filter(job -> job.getDuedate() == null || !job.getDuedate().toInstant().isAfter(target))
          .findFirst().orElse(null);
      if (next == null) {
        break;
      }
      if (next.getDuedate() != null && next.getDuedate().toInstant().isAfter(now())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      try {
        managementService.executeJob(next.getId());
      } catch (RuntimeException failure) {
        failures.add(failure);
      }
    }
    if (target.isAfter(now())) {
      ClockUtil.setCurrentTime(Date.from(target));
    }
  }

  /** The failures of the jobs run so far, oldest first. */
  public List<Exception> failures() {
    return List.copyOf(failures);
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
