package dev.actionpack.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V7 folds the rows of a term's benefits into one, keeping every month's credit (R8). */
class TermBenefitsMigrationTest {

  @Test
  @DisplayName("R8 a database with a row per term benefit keeps one row per term grant, and every monthly credit")
  void shouldFoldTermBenefitsIntoOneRowPerGrant() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:benefits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).target("6").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    UUID subscription = subscription(jdbc);
    // the first term's benefits, revoked on a lapse, granted again on a manual renewal
    for (String code : List.of("OFFICE_365_E3", "VISUAL_STUDIO_PROFESSIONAL", "WINDOWS_11")) {
      grant(jdbc, subscription, code, "2027-03-10 10:00:00+00", "2028-03-10 10:00:00+00");
      grant(jdbc, subscription, code, "2028-03-20 10:00:00+00", null);
    }
    grant(jdbc, subscription, "AZURE_CREDIT", "2027-03-10 10:00:00+00", "2028-03-10 10:00:00+00");
    grant(jdbc, subscription, "AZURE_CREDIT", "2027-04-10 10:00:00+00", "2028-03-10 10:00:00+00");

    Flyway.configure().dataSource(h2).load().migrate();

    List<Map<String, Object>> rows = jdbc.queryForList("select code, revoked_at from "
        + "benefit_grant where subscription_id = ? order by due_at, code", subscription);
    assertThat(rows).extracting(row -> row.get("CODE")).containsExactly(
        "AZURE_CREDIT", "TERM_BENEFITS", "AZURE_CREDIT", "TERM_BENEFITS");
    assertThat(rows.get(1).get("REVOKED_AT")).isNotNull();
    assertThat(rows.get(3).get("REVOKED_AT")).isNull();
  }

  private static UUID subscription(JdbcTemplate jdbc) {
    UUID partner = UUID.randomUUID();
    UUID method = UUID.randomUUID();
    UUID subscription = UUID.randomUUID();
    jdbc.update("insert into partner (id, name, network_member, locale, email, created_at) "
        + "values (?, 'Contoso', true, 'en-US', 'c@example.com', current_timestamp)", partner);
    jdbc.update("insert into payment_method (id, partner_id, provider_token, brand, last_four, "
        + "expiry_month, expiry_year, created_at) values (?, ?, 'tok', 'VISA', '4242', 12, 2040, "
        + "current_timestamp)", method, partner);
    jdbc.update("insert into subscription (id, number, partner_id, live_partner_id, offer_code, "
        + "status, anchor, anchor_term_number, term_number, term_start, term_end, auto_renewal, "
        + "payment_method_id, created_at, version) values (?, 'AP-500001', ?, ?, 'ACTION_PACK', "
        + "'ACTIVE', current_timestamp, 1, 2, current_timestamp, current_timestamp, true, ?, "
        + "current_timestamp, 0)", subscription, partner, partner, method);
    return subscription;
  }

  private static void grant(JdbcTemplate jdbc, UUID subscription, String code, String at,
      String revokedAt) {
    jdbc.update("insert into benefit_grant (id, subscription_id, code, description, quantity, "
        + "due_at, granted_at, revoked_at) values (?, ?, ?, ?, 1, cast(? as timestamp with time "
        + "zone), cast(? as timestamp with time zone), cast(? as timestamp with time zone))",
        UUID.randomUUID(), subscription, code, code, at, at, revokedAt);
  }
}
