package dev.actionpack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.ActionPackApplication;
import dev.actionpack.support.HarnessClient;
import dev.actionpack.support.Members;
import dev.actionpack.process.RenewProcess;
import dev.actionpack.support.EmbeddedPostgresDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's own cluster mode: two application nodes, each with its engine and job executor, on
 * one PostgreSQL database. The engine clock (shared by both nodes in this JVM) moves a year, so
 * every subscription falls due at once.
 */
class ClusterRenewalTest {

  private static final int SUBSCRIPTIONS = 24;

  private static ConfigurableApplicationContext node1;
  private static ConfigurableApplicationContext node2;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void startTwoNodes() {
    String url = EmbeddedPostgresDatabase.newDatabase();
    node1 = node("node1", url);
    node2 = node("node2", url);
    jdbc = node1.getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stopNodes() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node1, node2}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("R7 R9 a renewal day on two nodes: every renewal charged exactly once, both nodes at work, none left")
  void shouldRenewEverySubscriptionExactlyOnceAcrossNodes() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-04-01T12:00:00Z")));
    List<String> numbers = subscribe(SUBSCRIPTIONS);

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2028-04-01T12:01:00Z")));
    awaitRenewed(numbers);

    assertExactlyOnce(numbers);
    assertThat(jdbc.queryForList("select distinct hostname_ from act_hi_job_log where "
        + "act_id_ = ? and job_state_ = 2", String.class, RenewProcess.TIMER_EVENT_NEXT_DUE))
        .as("nodes that charged renewals").containsExactlyInAnyOrder("node1", "node2");
  }

  @Test
  @DisplayName("R7 a node stopped hard with renewals locked: the other finishes them after the lock expires, still once")
  void shouldFinishRenewalsOfADeadNodeAfterItsLocksExpire() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-04-01T12:00:00Z")));
    List<String> numbers = subscribe(SUBSCRIPTIONS);
    Instant due = Instant.parse("2032-04-01T12:01:00Z");

    // a node that acquired half of the term-end timers and died: its locks stay for 5 minutes
    List<String> deadNodesShare = numbers.subList(0, SUBSCRIPTIONS / 2);
    int locked = jdbc.update("update act_ru_job set lock_owner_ = 'dead-node', lock_exp_time_ = ? "
        + "where job_def_id_ in (select d.id_ from act_ru_jobdef d where d.act_id_ = ?) "
        + "and process_instance_id_ in (select e.id_ from act_ru_execution e "
        + "where e.parent_id_ is null and e.business_key_ in (" + placeholders(deadNodesShare)
        + "))", params(Date.from(due.plus(Duration.ofMinutes(5))),
            RenewProcess.TIMER_EVENT_NEXT_DUE, deadNodesShare));
    assertThat(locked).isEqualTo(SUBSCRIPTIONS / 2);
    ClockUtil.setCurrentTime(Date.from(due));

    await().atMost(Duration.ofSeconds(60)).until(() -> renewedCount(numbers, 2)
        == SUBSCRIPTIONS - locked);
    assertThat(renewedCount(numbers, 2)).isEqualTo(SUBSCRIPTIONS - locked);

    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(6))));
    awaitRenewed(numbers);
    assertExactlyOnce(numbers);
  }

  /**
   * Waits for every renewal while the engine clock runs 20 times faster than real time, as a
   * clock would: a job that lost an optimistic-locking race on one node keeps its lock until the
   * lock expires (5 minutes) and then runs again.
   */
  private void awaitRenewed(List<String> numbers) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant()
              .plusSeconds(10)));
          return renewedCount(numbers, 2) == numbers.size();
        });
  }

  private int renewedCount(List<String> numbers, int term) {
    return jdbc.queryForObject("select count(*) from subscription where term_number >= ? and "
        + "number in (" + placeholders(numbers) + ")", Integer.class, params(term, numbers));
  }

  private static String placeholders(List<String> values) {
    return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
  }

  private static Object[] params(Object first, List<String> values) {
    List<Object> all = new ArrayList<>();
    all.add(first);
    all.addAll(values);
    return all.toArray();
  }

  private static Object[] params(Object first, Object second, List<String> values) {
    List<Object> all = new ArrayList<>();
    all.add(first);
    all.add(second);
    all.addAll(values);
    return all.toArray();
  }

  private void assertExactlyOnce(List<String> numbers) {
    for (String number : numbers) {
      assertThat(jdbc.queryForObject("select count(*) from embedded_provider_charge c join "
          + "purchase_order o on o.charge_key = c.idempotency_key where o.subscription_number = ? "
          + "and o.kind = 'AUTO_RENEWAL' and c.approved", Integer.class, number))
          .as("renewal charges of %s", number).isOne();
      assertThat(jdbc.queryForObject("select count(*) from act_ru_execution e join "
          + "act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ = 'renew' and "
          + "e.parent_id_ is null and e.business_key_ = ?", Integer.class, number))
          .as("running terms of %s", number).isOne();
    }
    assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class)).isZero();
  }

  /** Buys Action Pack for n new partners, alternating the node the request goes to. */
  private static List<String> subscribe(int n) {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JsonNode order = post(i % 2 == 0 ? node1 : node2, Members.create(node1, "cluster-"),
          "/api/purchases", HarnessClient.PURCHASE);
      assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
      numbers.add(order.get("subscriptionNumber").asText());
    }
    return numbers;
  }

  private static JsonNode post(ConfigurableApplicationContext node, String user, String path,
      String body) {
    try {
      String basic = Base64.getEncoder().encodeToString((user + ":" + Members.PASSWORD)
          .getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + ((WebServerApplicationContext) node)
                  .getWebServer().getPort() + path))
          .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConfigurableApplicationContext node(String name, String url) {
    return new SpringApplicationBuilder(ActionPackApplication.class).run(
        "--spring.profiles.active=test,postgres",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=" + name,
        "--camunda.bpm.webapp.enabled=false",
        "--actionpack.node-name=" + name,
        "--camunda.bpm.job-execution.enabled=true");
  }
}
