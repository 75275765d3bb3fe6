package dev.actionpack.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The key of a step of a process: this execution at this activity, the same on every retry of
 * its job. A notice or a mail queued under it is queued once, however often the job runs.
 */
public final class StepKey {

  private StepKey() {}

  public static String of(DelegateExecution execution) {
    return execution.getId() + "/" + execution.getCurrentActivityId();
  }
}
