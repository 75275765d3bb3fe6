package dev.actionpack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.actionpack.ActionPackApplication;
import dev.actionpack.support.HarnessClient;
import dev.actionpack.support.Members;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database goes away for a quarter of an hour in the middle of a renewal day, and comes
 * back: health says DOWN within two seconds while it is gone, the API answers 503, and when it
 * is back every renewal is done, charged once, without an incident.
 */
class DatabaseOutageTest {

  private static final int SUBSCRIPTIONS = 20;
  private static final Duration OUTAGE = Duration.ofMinutes(15);

  private EmbeddedPostgres database;
  private ConfigurableApplicationContext node;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stop() throws IOException {
    ClockUtil.reset();
    if (node != null) {
      node.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("R7 R20 a 15-minute database outage during a renewal day: health DOWN within 2 s, the API 503 with Retry-After, then every renewal done once and no incident")
  void shouldFinishEveryRenewalAfterAQuarterOfAnHourWithoutTheDatabase() throws Exception {
    int port = freePort();
    Path data = Files.createTempDirectory(Path.of("target"), "pg-outage-");
    database = postgres(port, data);
    try (Connection connection = database.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database actionpack");
    }
    node = node(database.getJdbcUrl("postgres", "actionpack"));
    JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);

    Instant bought = Instant.parse("2029-06-01T09:00:00Z");
    ClockUtil.setCurrentTime(Date.from(bought));
    List<String> users = subscribe(SUBSCRIPTIONS);
    // the anniversary: the renewals start, and the database goes at once
    ClockUtil.setCurrentTime(Date.from(bought.plus(Duration.ofDays(366))));
    await().atMost(Duration.ofSeconds(30)).until(() -> renewed(jdbc) > 0);
    database.close();

    Instant asked = Instant.now();
    HttpResponse<String> readiness = get("/actuator/health/readiness", null);
    assertThat(Duration.between(asked, Instant.now())).as("readiness answered within")
        .isLessThan(Duration.ofSeconds(2));
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).contains("\"DOWN\"");
    asked = Instant.now();
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(503);
    assertThat(Duration.between(asked, Instant.now())).as("health answered within")
        .isLessThan(Duration.ofSeconds(2));
    assertThat(get("/actuator/health/liveness", null).statusCode())
        .as("liveness does not depend on the database").isEqualTo(200);
    HttpResponse<String> orders = get("/api/orders", users.get(0));
    assertThat(orders.statusCode()).isEqualTo(503);
    assertThat(orders.headers().firstValue("Retry-After")).isPresent();
    assertThat(orders.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");

    // a quarter of an hour passes for the engine while the job executor keeps failing
    Instant outageEnds = ClockUtil.getCurrentTime().toInstant().plus(OUTAGE);
    while (ClockUtil.getCurrentTime().toInstant().isBefore(outageEnds)) {
      Thread.sleep(200);
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant()
          .plusSeconds(30)));
    }
    database = postgres(port, data);

    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant()
          .plusSeconds(5)));
      return renewed(jdbc) == SUBSCRIPTIONS;
    });
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from purchase_order o join "
        + "embedded_provider_charge c on c.idempotency_key = o.charge_key where "
        + "o.kind = 'AUTO_RENEWAL' and c.approved", Integer.class))
        .as("renewal charges").isEqualTo(SUBSCRIPTIONS);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class))
        .as("incidents").isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where retries_ = 0",
        Integer.class)).as("jobs out of retries").isZero();
  }

  private static int renewed(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from subscription where term_number = 2",
        Integer.class);
  }

  private static EmbeddedPostgres postgres(int port, Path data) throws IOException {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data)
        .setCleanDataDirectory(false).start();
  }

  private ConfigurableApplicationContext node(String url) {
    return new SpringApplicationBuilder(ActionPackApplication.class).run(
        "--spring.profiles.active=test,postgres",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=outage",
        "--camunda.bpm.webapp.enabled=false",
        "--actionpack.node-name=outage-node",
        "--camunda.bpm.job-execution.enabled=true");
  }

  /** Buys Action Pack for n new partners; their user names. */
  private List<String> subscribe(int n) throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String username = Members.create(node, "outage-");
      HttpResponse<String> order = http.send(request("/api/purchases", username)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(HarnessClient.PURCHASE)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
      users.add(username);
    }
    return users;
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user).GET().timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
        + ((WebServerApplicationContext) node).getWebServer().getPort() + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + Members.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
