package dev.actionpack.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.HarnessClient;
import dev.actionpack.support.HarnessClient.Answer;
import dev.actionpack.support.HarnessClient.Partner;
import dev.actionpack.support.StandaloneApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many partners buying at the same moment against a started service. The connection pool is
 * shared by the web requests and the job executor; nothing may hold a connection while it
 * waits for another, and when there are not enough the API says so cleanly.
 */
class OverloadTest {

  @Test
  @DisplayName("R7 200 concurrent purchases by 200 partners: each answered 201 or 202, none 5xx; afterwards every order charged exactly once")
  void shouldAnswerTwoHundredConcurrentPurchasesWithoutServerErrors() throws Exception {
    String database = "overload-" + UUID.randomUUID().toString().substring(0, 8);
    Path keys = Path.of("target", "standalone", database + ".keys").toAbsolutePath();
    // small id blocks: the engine fetches a new block every few purchases, as it does every
    // few thousand ids in production, so a fetch happens while every connection is busy
    try (StandaloneApp app = StandaloneApp.startWithJobs(database, "harness",
        "load.partners=200", "load.keys-file=" + keys, "actionpack.ids.block-size=100",
        "camunda.bpm.webapp.enabled=false",
        "camunda.bpm.admin-user.password=overload-test-admin-secret")) {
      HarnessClient client = new HarnessClient(app.baseUrl());
      List<Answer> answers = concurrently(client, HarnessClient.partners(keys),
          Duration.ofSeconds(120));

      assertThat(statuses(answers).keySet()).as("statuses of 200 concurrent purchases")
          .isSubsetOf(201, 202);
      await().atMost(Duration.ofMinutes(2)).until(() -> settled(client.state()));
      for (JsonNode order : client.state().get("orders")) {
        assertThat(order.get("STATUS").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("APPROVED_CHARGES").asInt()).as("charges of %s",
            order.get("NUMBER")).isOne();
      }
      assertThat(client.state().get("orders")).hasSize(200);
    }
  }

  @Test
  @DisplayName("Overload: with too few connections for the load, purchases are shed with 503, Retry-After and a problem body: never 500, never a 30 s wait")
  void shouldShedLoadCleanlyWhenConnectionsRunOut() throws Exception {
    String database = "shed-" + UUID.randomUUID().toString().substring(0, 8);
    Path keys = Path.of("target", "standalone", database + ".keys").toAbsolutePath();
    try (StandaloneApp app = StandaloneApp.startWithJobs(database, "harness",
        "load.partners=80", "load.keys-file=" + keys,
        "spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.connection-timeout=250",
        "actionpack.purchase.outcome-wait=2s",
        "camunda.bpm.webapp.enabled=false",
        "camunda.bpm.admin-user.password=overload-test-admin-secret")) {
      HarnessClient client = new HarnessClient(app.baseUrl());
      // a wait of 30 s or more for an answer times the request out: a failure below
      List<Answer> answers = concurrently(client, HarnessClient.partners(keys),
          Duration.ofSeconds(25));

      assertThat(statuses(answers).keySet()).as("statuses under overload")
          .isSubsetOf(201, 202, 503);
      assertThat(answers).filteredOn(answer -> answer.status() == 503).isNotEmpty()
          .allSatisfy(answer -> {
            assertThat(answer.retryAfter()).as("Retry-After").matches("\\d+");
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("type").asText()).isEqualTo("/problems/overloaded");
          });
    }
  }

  private static List<Answer> concurrently(HarnessClient client, List<Partner> partners,
      Duration timeout) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(partners.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> futures = new ArrayList<>();
      for (Partner partner : partners) {
        futures.add(threads.submit(() -> {
          start.await();
          return client.purchase(partner, timeout);
        }));
      }
      start.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }

  private static Map<Integer, Integer> statuses(List<Answer> answers) {
    Map<Integer, Integer> counts = new TreeMap<>();
    answers.forEach(answer -> counts.merge(answer.status(), 1, Integer::sum));
    return counts;
  }

  private static boolean settled(JsonNode state) {
    for (JsonNode order : state.get("orders")) {
      if ("PENDING".equals(order.get("STATUS").asText())) {
        return false;
      }
    }
    return state.get("dueJobs").asInt() == 0;
  }
}
