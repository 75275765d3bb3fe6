package dev.actionpack.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.HarnessClient;
import dev.actionpack.support.HarnessClient.Partner;
import dev.actionpack.support.StandaloneApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service on its default embedded database (an H2 file), killed with {@code kill -9} at
 * random moments while partners buy and subscriptions renew, and started again on the same
 * file: what the API acknowledged is still there, charged exactly once, and nothing is left
 * half-done.
 */
class EmbeddedDatabaseCrashTest {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCrashTest.class);

  private static final int CRASHES = 10;
  private static final int PURCHASES_PER_ROUND = 24;
  /** Rounds before which the clock jumps past every anniversary: renewals run during them. */
  private static final Set<Integer> RENEWAL_ROUNDS = Set.of(3, 6, 9);
  private static final int YEAR_AND_A_MONTH = 396;

  @Test
  @DisplayName("R7 kill -9 of the service on its H2 file, 10 times during purchases and renewals: every acknowledged order survives, charged once; none stuck; no job failed")
  void shouldKeepEveryAcknowledgedOrderThroughKillNine() throws Exception {
    String database = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    Path keys = Path.of("target", "standalone", database + ".keys").toAbsolutePath();
    long seed = System.nanoTime();
    Random random = new Random(seed);
    log.info("Crash test seed {}", seed);
    int offsetDays = 0;
    Set<String> acknowledged = new ConcurrentSkipListSet<>();
    Set<String> confirmedBefore = new ConcurrentSkipListSet<>();

    StandaloneApp app = start(database, keys, offsetDays);
    try {
      List<Partner> partners = HarnessClient.partners(keys);
      for (int round = 1; round <= CRASHES; round++) {
        HarnessClient client = new HarnessClient(app.baseUrl());
        if (RENEWAL_ROUNDS.contains(round)) {
          client.advanceClock(YEAR_AND_A_MONTH);
          offsetDays += YEAR_AND_A_MONTH;
        }
        List<Partner> buyers = partners.subList((round - 1) * PURCHASES_PER_ROUND,
            round * PURCHASES_PER_ROUND);
        ExecutorService clients = Executors.newFixedThreadPool(PURCHASES_PER_ROUND);
        int killAfter = 500 + random.nextInt(3500);
        for (Partner buyer : buyers) {
          // purchases spread over the moments before the kill, so commits are under way
          int startAfter = random.nextInt(killAfter + 500);
          clients.submit(() -> {
            Thread.sleep(startAfter);
            HarnessClient.Answer answer = client.purchase(buyer, Duration.ofSeconds(60));
            if (answer.status() == 201) {
              acknowledged.add(answer.body().get("number").asText());
            }
            return answer.status();
          });
        }
        Thread.sleep(killAfter);
        app.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        app = start(database, keys, offsetDays);
        JsonNode state = awaitSettled(new HarnessClient(app.baseUrl()), round);
        assertConsistent(state, acknowledged, confirmedBefore, round);
      }
    } finally {
      app.close();
    }
    assertThat(acknowledged).as("purchases acknowledged with 201 over all rounds").isNotEmpty();
  }

  private static StandaloneApp start(String database, Path keys, int offsetDays) {
    return StandaloneApp.startWithJobs(database, "harness",
        "load.partners=" + CRASHES * PURCHASES_PER_ROUND,
        "load.keys-file=" + keys,
        "harness.clock-offset-days=" + offsetDays,
        "camunda.bpm.webapp.enabled=false",
        "camunda.bpm.admin-user.password=crash-test-admin-secret",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000");
  }

  /** Waits until every order has its outcome and no job is due; the state at that moment. */
  private static JsonNode awaitSettled(HarnessClient client, int round) {
    JsonNode[] last = new JsonNode[1];
    await("round " + round + " settled").atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500)).until(() -> {
          last[0] = client.state();
          boolean pending = false;
          for (JsonNode order : last[0].get("orders")) {
            pending |= "PENDING".equals(order.get("STATUS").asText());
          }
          return !pending && last[0].get("dueJobs").asInt() == 0;
        });
    return last[0];
  }

  private static void assertConsistent(JsonNode state, Set<String> acknowledged,
      Set<String> confirmedBefore, int round) {
    List<String> confirmed = new ArrayList<>();
    for (JsonNode order : state.get("orders")) {
      String number = order.get("NUMBER").asText();
      String status = order.get("STATUS").asText();
      int charges = status.equals("CONFIRMED") ? 1 : 0;
      assertThat(order.get("APPROVED_CHARGES").asInt())
          .as("round %d: approved charges of %s order %s", round, status, number)
          .isEqualTo(charges);
      if (status.equals("CONFIRMED")) {
        confirmed.add(number);
        assertThat(order.get("RECORDED_CHARGES").asInt())
            .as("round %d: charge records of order %s", round, number).isOne();
      }
    }
    assertThat(confirmed).as("round %d: orders acknowledged with 201", round)
        .containsAll(acknowledged);
    assertThat(confirmed).as("round %d: orders confirmed after earlier rounds", round)
        .containsAll(confirmedBefore);
    confirmedBefore.addAll(confirmed);
    for (JsonNode subscription : state.get("subscriptions")) {
      assertThat(subscription.get("APPROVED_CHARGES").asInt())
          .as("round %d: charges of subscription %s", round, subscription.get("NUMBER"))
          .isEqualTo(subscription.get("CONFIRMED_ORDERS").asInt())
          .isEqualTo(subscription.get("TERM_NUMBER").asInt());
    }
    assertThat(state.get("failedJobs").asInt()).as("round %d: failed jobs", round).isZero();
    assertThat(state.get("incidents").asInt()).as("round %d: incidents", round).isZero();
    log.info("Round {}: {} orders, {} confirmed, {} subscriptions, consistent", round,
        state.get("orders").size(), confirmed.size(), state.get("subscriptions").size());
  }
}
