package dev.actionpack.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The history level {@code lean}: of Camunda's {@code full} history, what a process owner and an
 * operator read. It keeps every instance (with its business key, start and end), every task,
 * event, end event and incident, identity link, user operation and job failure, success and
 * deletion (with the node that ran it), so a subscription's life stays traceable step by step
 * (R20) and the cluster's job log stays whole. It leaves out what nobody here reads and a
 * renewal paid for: a row per variable and per variable change ({@code ACT_HI_VARINST},
 * {@code ACT_HI_DETAIL}: the values are in the runtime while a term runs, and the domain tables
 * keep orders, charges and terms for good), a row per job created, and a row per gateway and per
 * plain start event passed (a step that decides or begins and waits for nothing: the activity
 * after it is in the history).
 *
 * <p>A database that was run with {@code full} or with the earlier {@code lean-full} (full
 * without details and job creations) is switched to {@code lean} at start-up (the engine would
 * otherwise refuse the mismatch); {@code lean} keeps less, so no existing row is lost or misread.
 * Going back needs the property row set back by hand.
 */
@Component
public class LeanHistory extends AbstractProcessEnginePlugin {

  static final HistoryLevel LEVEL = new Level();
  /** The id of the level {@code lean-full} this service ran with before {@code lean}. */
  static final int LEAN_FULL = 13;

  private static final Logger log = LoggerFactory.getLogger(LeanHistory.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(LEVEL);
    configuration.setCustomHistoryLevels(levels);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!LEVEL.getName().equals(configuration.getHistory())) {
      return;
    }
    String table = configuration.getDatabaseTablePrefix() + "ACT_GE_PROPERTY";
    try (Connection connection = configuration.getDataSource().getConnection()) {
      if (!connection.getMetaData().getTables(null, null, table, null).next()
          && !connection.getMetaData().getTables(null, null, table.toLowerCase(), null).next()) {
        return; // a new database: the engine creates its tables with this level
      }
      connection.setAutoCommit(true);
      try (PreparedStatement update = connection.prepareStatement("update " + table
          + " set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ in (?, ?)")) {
        update.setString(1, Integer.toString(LEVEL.getId()));
        update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        update.setString(3, Integer.toString(LEAN_FULL));
        if (update.executeUpdate() > 0) {
          log.info("History level of the database switched to {}", LEVEL.getName());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the history level of the database", e);
    }
  }

  /** Full history minus variables, details, job creations, gateways and plain start events. */
  static final class Level extends AbstractHistoryLevel {

    private static final Set<HistoryEventType> LEFT_OUT = Set.of(
        HistoryEventTypes.VARIABLE_INSTANCE_CREATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
        HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.FORM_PROPERTY_UPDATE,
        HistoryEventTypes.JOB_CREATE);
    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(
        HistoryEventTypes.ACTIVITY_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE,
        HistoryEventTypes.ACTIVITY_INSTANCE_END, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);
    /** The BPMN parser's activity types of the steps passed without a row. */
    private static final Set<String> PASSED_WITHOUT_ROW = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE,
        ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_INCLUSIVE,
        ActivityTypes.GATEWAY_EVENT_BASED, ActivityTypes.START_EVENT);

    @Override
    public int getId() {
      return 14;
    }

    @Override
    public String getName() {
      return "lean";
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (LEFT_OUT.contains(eventType)) {
        return false;
      }
      return !(ACTIVITY_EVENTS.contains(eventType)
          && entity instanceof PvmExecutionImpl execution && execution.getActivity() != null
          && PASSED_WITHOUT_ROW.contains(
              execution.getActivity().getProperties().get(BpmnProperties.TYPE)));
    }
  }
}
