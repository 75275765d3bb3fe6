package dev.actionpack.support;

import dev.actionpack.process.CancelViaSupportProcess;
import dev.actionpack.process.EngineCommands;
import dev.actionpack.web.InputRules;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The cancellation task takes exactly what its form offers, from the agent who holds it (R16,
 * R23). Every engine command that would complete the task or write its variables (from
 * Tasklist, {@code engine-rest} or Java) passes here first:
 *
 * <ul>
 *   <li>a signed-in user completes only a task assigned to them (claim it first);
 *   <li>a completion carries only the form's fields: the four the agent fills in, with their
 *       allowed values, and the read-only ones unchanged;
 *   <li>writing or removing the task's variables on their own is refused: the form is completed
 *       in one step.
 * </ul>
 *
 * <p>What the process then does comes from the request its business key names, not from its
 * variables, so even a variable written some other way cannot point a cancellation elsewhere.
 */
@Component
class CancellationTaskGuard extends AbstractProcessEnginePlugin {

  static final Set<String> OUTCOMES = Set.of("CANCEL_NOW", "CANCEL_AT_TERM_END", "KEEP",
      CancelViaSupportProcess.WAITING_ON_PARTNER);
  static final Set<String> REFUNDS = Set.of("NONE", "PRORATED");
  static final int NOTE_LENGTH = 4000;

  /** What the form shows but the agent cannot change. */
  private static final Set<String> READ_ONLY = Set.of(
      CancelViaSupportProcess.SUBSCRIPTION_NUMBER.name(), "partner",
      CancelViaSupportProcess.TERM_END.name(), "autoRenewal",
      CancelViaSupportProcess.PROBLEM_TYPE.name(), CancelViaSupportProcess.REQUEST_TEXT.name(),
      CancelViaSupportProcess.CONTACT_NAME.name(), CancelViaSupportProcess.CONTACT_EMAIL.name(),
      CancelViaSupportProcess.CONTACT_PHONE.name(),
      CancelViaSupportProcess.CONTACT_LANGUAGE.name());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineCommands.checkWith(configuration, new Guard());
  }

  private static final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof CompleteTaskCmd) {
        checkCompletion(field(command, CompleteTaskCmd.class, "taskId"),
            field(command, CompleteTaskCmd.class, "variables"));
      } else if (command instanceof SubmitTaskFormCmd) {
        checkCompletion(field(command, SubmitTaskFormCmd.class, "taskId"),
            field(command, SubmitTaskFormCmd.class, "properties"));
      } else if (command instanceof SetTaskVariablesCmd
          || command instanceof RemoveTaskVariablesCmd) {
        refuseVariableWrites(field(command, AbstractVariableCmd.class, "entityId"));
      } else if (command instanceof PatchTaskVariablesCmd) {
        refuseVariableWrites(field(command, AbstractPatchVariablesCmd.class, "entityId"));
      } else if (command instanceof HandleTaskBpmnErrorCmd) {
        refuseVariableWrites(field(command, HandleTaskBpmnErrorCmd.class, "taskId"));
      } else if (command instanceof HandleTaskEscalationCmd) {
        refuseVariableWrites(field(command, HandleTaskEscalationCmd.class, "taskId"));
      }
      return next.execute(command);
    }

    private static void checkCompletion(String taskId, Map<String, Object> submitted) {
      TaskEntity task = cancellationTask(taskId);
      if (task == null) {
        return;
      }
      CommandContext context = Context.getCommandContext();
      String user = context.getAuthenticatedUserId();
      if (user != null && !user.equals(task.getAssignee())) {
        throw new AuthorizationException(task.getAssignee() == null
            ? "Claim the cancellation task before completing it."
            : "The cancellation task is assigned to another agent; only they can complete it.");
      }
      Map<String, Object> variables = submitted == null ? Map.of() : submitted;
      List<String> problems = new ArrayList<>();
      for (var entry : variables.entrySet()) {
        String name = entry.getKey();
        Object value = entry.getValue() instanceof TypedValue typed ? typed.getValue()
            : entry.getValue();
        if (READ_ONLY.contains(name)) {
          if (!Objects.equals(value, task.getVariable(name))) {
            problems.add(name + ": is shown, not changed, by the form");
          }
          continue;
        }
        String problem = switch (name) {
          case "outcome" -> value instanceof String text && OUTCOMES.contains(text) ? null
              : "must be one of " + OUTCOMES;
          case "refund" -> value instanceof String text && REFUNDS.contains(text) ? null
              : "must be one of " + REFUNDS;
          case "contactMade" -> value instanceof Boolean ? null : "must be true or false";
          case "resolutionNote" -> value == null ? null : value instanceof String text
              ? InputRules.textProblem(text, NOTE_LENGTH, true) : "must be text";
          default -> "is not a field of the cancellation form";
        };
        if (problem != null) {
          problems.add(name + ": " + problem);
        }
      }
      if (!variables.containsKey("outcome")) {
        problems.add("outcome: is required");
      }
      if (!problems.isEmpty()) {
        // engine-rest and Tasklist answer this one with 400 and its message
        throw new FormFieldValidationException("cancellation-request",
            "The cancellation form was not completed: " + String.join("; ", problems));
      }
    }

    private static void refuseVariableWrites(String taskId) {
      if (cancellationTask(taskId) != null) {
        throw new AuthorizationException("The cancellation task's variables are written only "
            + "by completing its form.");
      }
    }

    /** The task when it is the cancellation task of {@code cancel-via-support}, else null. */
    private static TaskEntity cancellationTask(String taskId) {
      if (taskId == null) {
        return null;
      }
      TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
      return task != null
          && CancelViaSupportProcess.TASK_HANDLE_REQUEST.equals(task.getTaskDefinitionKey())
          ? task : null;
    }

    @SuppressWarnings("unchecked")
    private static <V> V field(Object command, Class<?> declaring, String name) {
      try {
        Field field = declaring.getDeclaredField(name);
        field.setAccessible(true);
        return (V) field.get(command);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the engine's " + declaring.getSimpleName()
            + " has no field " + name, e);
      }
    }
  }
}
