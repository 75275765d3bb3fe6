package dev.actionpack.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.actionpack.support.ApiTest;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** Health of the engine, job executor and database; business metrics for Prometheus. */
@AutoConfigureObservability
class OperationsEndpointsTest extends ApiTest {

  @Test
  @DisplayName("R20 health shows the engine, the job executor and the database; readiness includes the database")
  void shouldReportHealthOfEachPart() {
    var health = http.getForEntity("/actuator/health", String.class);

    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).contains("\"status\":\"UP\"", "processEngine", "jobExecutor",
        "db");
    var readiness = http.getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode().value()).isEqualTo(200);
    assertThat(readiness.getBody()).contains("readinessState", "db");
  }

  @Test
  @DisplayName("R20 Prometheus sees orders, charges by provider and outcome (approved, declined, error), notifications, open requests and incidents")
  void shouldCountBusinessEvents() {
    PartnerLogin partner = newMember();
    purchase(partner, purchaseWithCard("4242424242424242"), null);
    purchase(newMember(), purchaseWithCard("4000000000009995"), null);
    purchase(newMember(), purchaseWithCard("4000000000000119"), null); // provider error

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String metrics = http.withBasicAuth("prometheus", "test-only-metrics-secret")
          .getForEntity("/actuator/prometheus", String.class).getBody();
      assertThat(metrics)
          .containsPattern("actionpack_orders_total\\{kind=\"PURCHASE\",outcome=\"confirmed\"\\} [1-9]")
          .containsPattern("actionpack_orders_total\\{kind=\"PURCHASE\",outcome=\"declined\"\\} [1-9]")
          .containsPattern("actionpack_charges_total\\{kind=\"PURCHASE\",outcome=\"approved\","
              + "provider=\"embedded\"\\} [1-9]")
          .containsPattern("actionpack_charges_total\\{kind=\"PURCHASE\",outcome=\"declined\","
              + "provider=\"embedded\"\\} [1-9]")
          .containsPattern("actionpack_charges_total\\{kind=\"PURCHASE\",outcome=\"error\","
              + "provider=\"embedded\"\\} [1-9]")
          .containsPattern("actionpack_notifications_sent_total\\{kind=\"ORDER_CONFIRMED\"\\} [1-9]")
          .contains("actionpack_service_requests_open", "actionpack_incidents",
              "actionpack_mail_outbox_pending");
    });
  }

  @Test
  @DisplayName("R23 the metrics are for the scraper only: without its credential, or with a partner's or a wrong one, 401")
  void shouldKeepTheMetricsForTheScraper() {
    PartnerLogin partner = newMember();
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(http.withBasicAuth(partner.username(), partner.password())
        .getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(http.withBasicAuth("prometheus", "guess")
        .getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(http.withBasicAuth("prometheus", "test-only-metrics-secret")
        .getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(200);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value())
        .as("health stays public for the probes").isEqualTo(200);
  }
}
