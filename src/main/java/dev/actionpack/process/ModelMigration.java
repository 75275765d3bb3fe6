package dev.actionpack.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves running instances to the latest version of their model (R21). New terms always start on
 * the latest version (one {@code renew} instance per term); this is for an urgent change that
 * must reach the terms already running. Activities are mapped by id, so a new version keeps the
 * ids of the activities an instance can wait in. An instance waiting in an activity the new
 * version no longer has (or no longer has inside the same scope) is left on its version, where
 * it runs to its end as before: its next term starts on the latest version.
 */
@Component
public class ModelMigration {

  private static final Logger log = LoggerFactory.getLogger(ModelMigration.class);
  private static final List<String> KEYS = List.of(RenewProcess.KEY, SubscribeProcess.KEY);

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final boolean onStartup;

  public ModelMigration(RepositoryService repositoryService, RuntimeService runtimeService,
      @Value("${actionpack.migration.on-startup:false}") boolean onStartup) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.onStartup = onStartup;
  }

  @EventListener(PostDeployEvent.class)
  public void migrateAfterDeployment() {
    if (onStartup) {
      KEYS.forEach(this::migrateToLatest);
    }
  }

  /** Migrates every running instance of an older version of {@code key}; returns how many. */
  public long migrateToLatest(String key) {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult();
    if (latest == null) {
      return 0;
    }
    long migrated = 0;
    for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).list()) {
      if (older.getId().equals(latest.getId())) {
        continue;
      }
      MigrationPlan plan = runtimeService.createMigrationPlan(older.getId(), latest.getId())
          .mapEqualActivities()
          .updateEventTriggers()
          .build();
      Set<String> staying = instancesIn(older.getId(),
          unmappable(older.getId(), latest.getId(), plan));
      List<String> moving = new ArrayList<>();
      for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
          .processDefinitionId(older.getId()).list()) {
        if (!staying.contains(instance.getId())) {
          moving.add(instance.getId());
        }
      }
      if (!staying.isEmpty()) {
        log.warn("{} running instances of {} version {} wait in activities version {} does not "
            + "have; they stay on version {} until they end", staying.size(), key,
            older.getVersion(), latest.getVersion(), older.getVersion());
      }
      if (moving.isEmpty()) {
        continue;
      }
      runtimeService.newMigration(plan).processInstanceIds(moving).execute();
      log.info("Migrated {} running instances of {} version {} to version {}", moving.size(), key,
          older.getVersion(), latest.getVersion());
      migrated += moving.size();
    }
    return migrated;
  }

  /**
   * The activities of a definition that the plan cannot move an instance out of: those without
   * an instruction, those inside a scope without one (a removed sub-process or multi-instance
   * body), and those whose job before them the new version no longer has (an activity that is
   * no longer asynchronous: an instance waiting for that job cannot be moved).
   */
  private Set<String> unmappable(String definitionId, String latestId, MigrationPlan plan) {
    ProcessDefinitionImpl definition = deployed(definitionId);
    ProcessDefinitionImpl latest = deployed(latestId);
    Set<String> mapped = plan.getInstructions().stream()
        .filter(instruction -> !lostItsJob(definition, latest, instruction))
        .map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
    Set<String> unmappable = new HashSet<>();
    collectUnmappable(definition, false, mapped, unmappable);
    return unmappable;
  }

  private static boolean lostItsJob(ProcessDefinitionImpl source, ProcessDefinitionImpl target,
      MigrationInstruction instruction) {
    ActivityImpl from = source.findActivity(instruction.getSourceActivityId());
    ActivityImpl to = target.findActivity(instruction.getTargetActivityId());
    return from != null && to != null && from.isAsyncBefore() && !to.isAsyncBefore();
  }

  private ProcessDefinitionImpl deployed(String definitionId) {
    return (ProcessDefinitionImpl)
        ((RepositoryServiceImpl) repositoryService).getDeployedProcessDefinition(definitionId);
  }

  private static void collectUnmappable(ScopeImpl scope, boolean scopeUnmappable,
      Set<String> mapped, Set<String> unmappable) {
    for (ActivityImpl activity : scope.getActivities()) {
      boolean activityUnmappable = scopeUnmappable || !mapped.contains(activity.getId());
      if (activityUnmappable) {
        unmappable.add(activity.getId());
      }
      collectUnmappable(activity, activityUnmappable, mapped, unmappable);
    }
  }

  private Set<String> instancesIn(String definitionId, Set<String> activityIds) {
    if (activityIds.isEmpty()) {
      return Set.of();
    }
    return runtimeService.createProcessInstanceQuery().processDefinitionId(definitionId)
        .activityIdIn(activityIds.toArray(String[]::new)).list().stream()
        .map(ProcessInstance::getId).collect(Collectors.toSet());
  }
}
