package dev.actionpack.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.actionpack.support.ApiTest;
import dev.actionpack.support.CardNumberScan;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R6: after purchases with every kind of card outcome, no card number is anywhere in the
 * database (application and engine tables, binary columns included) or in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardNumberLeakTest extends ApiTest {

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private ManagementService managementService;

  @Test
  @DisplayName("R6 no card number ends up in the database or the logs after purchases")
  void shouldKeepCardNumbersOutOfDatabaseAndLogs(CapturedOutput output) {
    List<String> typed = List.of("4242 4242 4242 4242", "4000-0000-0000-9995", "4000000000000002",
        "4000000000000119", "4242424242424241");
    for (String number : typed) {
      purchase(newMember(), purchaseWithCard(number), null);
    }
    PartnerLogin saver = newMember();
    post(saver, "/api/payment-methods", card("5555555555554444"));
    Map<String, Object> bySavedCard = new HashMap<>(purchaseWithCard("378282246310005"));
    purchase(saver, bySavedCard, null);
    // let the notification jobs finish, so their output and rows are part of the scan
    await().atMost(Duration.ofSeconds(15)).until(() -> managementService.createJobQuery()
        .executable().withRetriesLeft().list().stream()
        .allMatch(job -> job.getExceptionMessage() != null));

    String database = CardNumberScan.databaseText(jdbc, "PURCHASE_ORDER", "PAYMENT_METHOD",
        "ACT_GE_BYTEARRAY", "ACT_HI_VARINST", "EMBEDDED_PROVIDER_CHARGE");
    String log = output.getAll();
    for (String number : typed) {
      String digits = number.replaceAll("[ -]", "");
      assertThat(database.replaceAll("[ -]", "")).as("database").doesNotContain(digits);
      assertThat(log.replaceAll("[ -]", "")).as("log").doesNotContain(digits);
    }
    assertThat(CardNumberScan.luhnValidRuns(log)).as("card numbers in the log").isEmpty();
    assertThat(CardNumberScan.luhnValidRuns(database)).as("card numbers in the database").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from payment_method", Long.class))
        .as("the scan saw the saved cards").isPositive();
  }
}
