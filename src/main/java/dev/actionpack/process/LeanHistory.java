package dev.actionpack.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The history level {@code lean-full}: Camunda's {@code full} history without the two kinds of
 * rows nobody reads here. It keeps every instance, activity, task, variable (its last value),
 * incident, identity link, user operation and job failure, success and deletion, so Cockpit and
 * the history API show a subscription's life (R20) as with {@code full}. It leaves out a row per
 * variable change ({@code ACT_HI_DETAIL}, a third of a renewal's history rows) and a row per job
 * created (a job's success or failure is still logged, with the node that ran it).
 *
 * <p>A database that was run with {@code full} is switched to {@code lean-full} at start-up
 * (the engine would otherwise refuse the mismatch); {@code lean-full} keeps less, so no existing
 * row is lost or misread. Going back to {@code full} needs the property row set back to 3 by hand.
 */
@Component
public class LeanHistory extends AbstractProcessEnginePlugin {

  static final HistoryLevel LEVEL = new Level();

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
          + " set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ = ?")) {
        update.setString(1, Integer.toString(LEVEL.getId()));
        update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        if (update.executeUpdate() > 0) {
          log.info("History level of the database switched from full to {}", LEVEL.getName());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the history level of the database", e);
    }
  }

  /** Full history minus variable-change details and job-creation log rows. */
  static final class Level extends AbstractHistoryLevel {

    private static final Set<HistoryEventType> LEFT_OUT = Set.of(
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.JOB_CREATE);

    @Override
    public int getId() {
      return 13;
    }

    @Override
    public String getName() {
      return "lean-full";
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return !LEFT_OUT.contains(eventType);
    }
  }
}
