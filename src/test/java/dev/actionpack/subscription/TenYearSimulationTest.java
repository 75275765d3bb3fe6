package dev.actionpack.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.LifecycleTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ten years of one subscription, bought on 29 February: auto-renewals, auto-renewal turned off,
 * a lapse, a manual renewal that sets a new anchor, and auto-renewals again. Time moves a month
 * at a time and the invariants are checked at every step.
 */
class TenYearSimulationTest extends LifecycleTest {

  @Test
  @DisplayName("R5 R9 R10 R13 R14 ten years: one running instance, one charge per term, every term end anchored")
  void shouldKeepInvariantsOverTenYears() {
    clockAt("2028-02-29T12:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    Instant end = Instant.parse("2038-02-28T12:00:00Z");
    Map<Integer, Instant> termEnds = new LinkedHashMap<>();
    List<String> statuses = new ArrayList<>();

    Instant start = Instant.parse("2028-02-29T12:00:00Z");
    for (int months = 1; ; months++) {
      Instant month = start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
      if (month.isAfter(end)) {
        break;
      }
      jobs().advanceTo(month);
      JsonNode subscription = subscription(partner, number);
      String status = subscription.get("status").asText();
      termEnds.put(subscription.get("termNumber").asInt(),
          Instant.parse(subscription.get("termEnd").asText()));
      if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
        statuses.add(status);
      }
      assertThat(runningTerms(number)).as("running renew instances on %s", month).isOne();

      if (month.equals(Instant.parse("2030-08-29T12:00:00Z"))) {
        assertThat(turnAutoRenewal(partner, number, false).status()).isEqualTo(200);
      }
      if (month.equals(Instant.parse("2031-03-29T12:00:00Z"))) {
        assertThat(status).isEqualTo("EXPIRED");
        assertThat(renewManually(partner, number, "4242424242424242").body().get("status")
            .asText()).isEqualTo("CONFIRMED");
      }
    }

    assertThat(statuses).containsExactly("ACTIVE", "EXPIRED", "ACTIVE");
    assertThat(termEnds).containsExactly(
        Map.entry(1, Instant.parse("2029-02-28T12:00:00Z")),
        Map.entry(2, Instant.parse("2030-02-28T12:00:00Z")),
        Map.entry(3, Instant.parse("2031-02-28T12:00:00Z")),
        Map.entry(4, Instant.parse("2032-03-29T12:00:00Z")),
        Map.entry(5, Instant.parse("2033-03-29T12:00:00Z")),
        Map.entry(6, Instant.parse("2034-03-29T12:00:00Z")),
        Map.entry(7, Instant.parse("2035-03-29T12:00:00Z")),
        Map.entry(8, Instant.parse("2036-03-29T12:00:00Z")),
        Map.entry(9, Instant.parse("2037-03-29T12:00:00Z")),
        Map.entry(10, Instant.parse("2038-03-29T12:00:00Z")));
    for (int term = 2; term <= 10; term++) {
      if (term != 4) {
        assertThat(renewalCharges(number, term)).as("charges of term %d", term).isOne();
      }
    }
    // purchase + 2 renewals + manual renewal after the lapse + 6 renewals
    assertThat(approvedCharges(number)).isEqualTo(10);
  }
}
