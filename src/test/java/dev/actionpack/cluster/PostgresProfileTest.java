package dev.actionpack.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.support.ApiTest;
import dev.actionpack.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The postgres profile on a real PostgreSQL 16: Flyway's tables, Camunda's, a whole purchase. */
@ActiveProfiles({"test", "postgres"})
class PostgresProfileTest extends ApiTest {

  @Autowired
  private JdbcTemplate jdbc;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    onNewDatabase(registry, "postgres");
  }

  /**
   * Points a test context at a fresh PostgreSQL database. Its engine gets a name of its own and
   * no webapps, so it leaves the engine registry and the webapps' static state to the others.
   */
  static void onNewDatabase(DynamicPropertyRegistry registry, String engineName) {
    String url = EmbeddedPostgresDatabase.newDatabase();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("camunda.bpm.process-engine-name", () -> engineName);
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
  }

  @Test
  @DisplayName("R4 R20 on PostgreSQL: migrations applied, a purchase confirmed, its renew instance running")
  void shouldRunOnPostgres() throws Exception {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success",
        Integer.class)).isEqualTo(new PathMatchingResourcePatternResolver()
            .getResources("classpath:db/migration/V*.sql").length);
    PartnerLogin partner = newMember();

    Response response = purchase(partner, purchaseWithCard("4242424242424242"), "pg-1");

    assertThat(response.status()).isEqualTo(201);
    String number = response.body().get("subscriptionNumber").asText();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution e join act_re_procdef d "
        + "on d.id_ = e.proc_def_id_ where d.key_ = 'renew' and e.business_key_ = ?",
        Integer.class, number)).isPositive();
    assertThat(get(partner, "/api/offers/purchased").body().get(0).get("status").asText())
        .isEqualTo("ACTIVE");
  }
}
