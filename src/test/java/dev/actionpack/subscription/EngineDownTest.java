package dev.actionpack.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.process.RenewProcess;
import dev.actionpack.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R5 R9 R22: the service is down when a renewal falls due. The real job executor is stopped,
 * the engine clock moves past the reminders and the anniversary, and the executor starts again.
 */
class EngineDownTest extends ApiTest {

  @Autowired
  private ProcessEngine processEngine;
  @Autowired
  private JdbcTemplate jdbc;

  private JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getJobExecutor();
  }

  @AfterEach
  void restartJobExecutor() {
    if (!jobExecutor().isActive()) {
      jobExecutor().start();
    }
  }

  @Test
  @DisplayName("R9 R5 R22 after downtime, with the engine clock moved, the renewal runs once and the next term ends a year after the previous one")
  void shouldRenewOnceAfterDowntimeKeepingTheAnniversary() {
    // Given a subscription bought on 10 May 2027
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-05-10T08:00:00Z")));
    PartnerLogin partner = newMember();
    String number = purchase(partner, purchaseWithCard("4242424242424242"), null).body()
        .get("subscriptionNumber").asText();
    await().atMost(Duration.ofSeconds(15)).until(() ->
        get(partner, "/api/notifications").body().size() == 1);

    // When the engine is down from before the reminders until three days after the anniversary
    jobExecutor().shutdown();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2028-05-13T08:00:00Z")));
    jobExecutor().start();

    // Then the renewal runs once, and the new term ends on the anniversary, not a year from now
    await().atMost(Duration.ofSeconds(30)).until(() ->
        subscription(partner, number).get("termNumber").asInt() == 2
            && get(partner, "/api/notifications").body().get(0).get("kind").asText()
                .equals("RENEWED"));
    JsonNode renewed = subscription(partner, number);
    assertThat(renewed.get("termStart").asText()).isEqualTo("2028-05-10T08:00:00Z");
    assertThat(renewed.get("termEnd").asText()).isEqualTo("2029-05-10T08:00:00Z");
    assertThat(jdbc.queryForObject("select count(*) from embedded_provider_charge c join "
        + "purchase_order o on o.charge_key = c.idempotency_key where o.subscription_number = ?",
        Long.class, number)).isEqualTo(2);
    // reminders that fell due while the engine was down are not sent after the term ended
    assertThat(get(partner, "/api/notifications").body().findValuesAsText("kind"))
        .containsExactlyInAnyOrder("ORDER_CONFIRMED", "RENEWED");
    assertThat(runtimeServiceCount(number)).isOne();
    // every month of the first term got its credit, the anniversary's month too
    await().atMost(Duration.ofSeconds(15)).until(() -> get(partner,
        "/api/subscriptions/" + number + "/benefits").body().get("azureCredits").get("months")
        .asInt() == 13);
  }

  private JsonNode subscription(PartnerLogin partner, String number) {
    return get(partner, "/api/subscriptions/" + number).body();
  }

  private long runtimeServiceCount(String number) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RenewProcess.KEY).processInstanceBusinessKey(number).count();
  }
}
