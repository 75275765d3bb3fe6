package dev.actionpack.process;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
 * ids of the activities an instance can wait in.
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
      long running = runtimeService.createProcessInstanceQuery()
          .processDefinitionId(older.getId()).count();
      if (older.getId().equals(latest.getId()) || running == 0) {
        continue;
      }
      MigrationPlan plan = runtimeService.createMigrationPlan(older.getId(), latest.getId())
          .mapEqualActivities()
          .updateEventTriggers()
          .build();
      runtimeService.newMigration(plan)
          .processInstanceQuery(runtimeService.createProcessInstanceQuery()
              .processDefinitionId(older.getId()))
          .execute();
      log.info("Migrated {} running instances of {} version {} to version {}", running, key,
          older.getVersion(), latest.getVersion());
      migrated += running;
    }
    return migrated;
  }
}
