package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Every node has a name of its own: the engine's host name in the job log, and its lock owner. */
class ClusterNodeTest {

  @Test
  @DisplayName("R20 two nodes on one host get different names by default (host and port), a restarted node the same again")
  void shouldNameNodesOnOneHostApart() {
    ClusterNode first = new ClusterNode(new MockEnvironment().withProperty("server.port", "8081"));
    ClusterNode second = new ClusterNode(new MockEnvironment().withProperty("server.port", "8082"));
    ClusterNode firstAgain = new ClusterNode(new MockEnvironment()
        .withProperty("server.port", "8081"));

    assertThat(first.name()).endsWith(":8081").isNotEqualTo(second.name())
        .isEqualTo(firstAgain.name());
  }

  @Test
  @DisplayName("R20 the configured node name is the engine's host name and the job executor's lock owner")
  void shouldUseTheConfiguredNameEverywhere() {
    ClusterNode node = new ClusterNode(new MockEnvironment()
        .withProperty("actionpack.node-name", "node-a").withProperty("server.port", "8081"));
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJobExecutorActivate(false);

    node.preInit(configuration);
    configuration.setJobExecutor(new DefaultJobExecutor());
    node.postInit(configuration);

    assertThat(configuration.getHostname()).isEqualTo("node-a");
    assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo("node-a");
  }
}
