package dev.actionpack.security;

import dev.actionpack.process.EngineCommands;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Only admins act on the engine's jobs (R23). Camunda checks a job action against the job's
 * process instance; a job outside any (the nightly history cleanup) has no check at all, so any
 * signed-in user could run, suspend, reschedule, stop or delete it. Here every command that
 * changes or runs a job, or cleans up history, is refused to a signed-in user who is not in
 * {@code camunda-admin}. The job executor runs jobs with no user signed in and is not affected.
 */
@Component
class EngineJobGuard extends AbstractProcessEnginePlugin {

  private static final List<Class<?>> JOB_ACTIONS = List.of(ExecuteJobsCmd.class,
      SetJobRetriesCmd.class, AbstractSetJobsRetriesBatchCmd.class, DeleteJobCmd.class,
      DeleteJobsCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
      SetJobPriorityCmd.class, AbstractSetJobStateCmd.class, UnlockJobCmd.class,
      SetJobDefinitionPriorityCmd.class, AbstractSetJobDefinitionStateCmd.class,
      HistoryCleanupCmd.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineCommands.checkWith(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (JOB_ACTIONS.stream().anyMatch(action -> action.isInstance(command))) {
          CommandContext context = Context.getCommandContext();
          Authentication user = context.getAuthentication();
          if (user != null && context.isAuthorizationCheckEnabled()
              && !context.getAuthorizationManager().isCamundaAdmin(user)) {
            throw new AuthorizationException("Only an administrator acts on the engine's jobs.");
          }
        }
        return next.execute(command);
      }
    });
  }
}
