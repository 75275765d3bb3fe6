package dev.actionpack.process;

import dev.actionpack.persistence.H2Durability;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who this node is in the engine's cluster, and what it left behind when it last died.
 *
 * <p>Every node has its own name ({@code actionpack.node-name}, or Camunda's own
 * {@code hostname} setting; by default the host name and the server port, so two nodes on one
 * host differ and a restarted node keeps its name). It is the
 * engine's host name, which the job log records for every job run, and the job executor's lock
 * owner.
 *
 * <p>A node killed while it held jobs leaves their locks behind; another node would run them
 * only once the lock time has passed. When a node starts, none of its jobs can be running, so it
 * releases the locks its own name still holds and the jobs run at once. An H2 database in a local
 * file is opened by one process only, so there every lock left in it is stale and released.
 */
@Component
public class ClusterNode extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

  private final String name;
  private final boolean singleProcessDatabase;

  ClusterNode(Environment environment) {
    this.name = environment.getProperty("actionpack.node-name",
        environment.getProperty("camunda.bpm.generic-properties.properties.hostname",
            defaultName(environment.getProperty("server.port", "8080"))));
    this.singleProcessDatabase = isLocalH2File(environment.getProperty("spring.datasource.url",
        ""));
  }

  public String name() {
    return name;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    String sql = "update " + table + " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where "
        + (singleProcessDatabase ? "LOCK_OWNER_ is not null" : "LOCK_OWNER_ = ?");
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      connection.setAutoCommit(true);
      if (!singleProcessDatabase) {
        update.setString(1, name);
      }
      int released = update.executeUpdate();
      if (released > 0) {
        log.warn("Node {} released {} job locks left by its last run: it stopped without "
            + "finishing them, so they run again now", name, released);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not release the job locks of node " + name, e);
    }
  }

  private static String defaultName(String port) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    // a random port (0) gives no stable name: the process id tells nodes on one host apart
    return host + ":" + ("0".equals(port) ? "pid" + ManagementFactory.getRuntimeMXBean().getPid()
        : port);
  }

  /** H2 in a local file, which one process opens at a time (unless it shares it as a server). */
  static boolean isLocalH2File(String url) {
    return H2Durability.isLocalFile(url)
        && !url.toLowerCase(Locale.ROOT).contains(";auto_server=true");
  }
}
