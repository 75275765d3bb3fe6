package dev.actionpack.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.actionpack.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * 13 to 19 digits in a row, or in the groups people type (4-4-4-4, 4-6-5) separated by a space
   * or a dash; never part of a longer token such as a UUID.
   */
  private static final Pattern DIGIT_RUN = Pattern.compile(
      "(?<![\\w-])(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){3}|\\d{4}[ -]\\d{6}[ -]\\d{5})(?![\\w-])");

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

    String database = databaseText();
    String log = output.getAll();
    for (String number : typed) {
      String digits = number.replaceAll("[ -]", "");
      assertThat(database.replaceAll("[ -]", "")).as("database").doesNotContain(digits);
      assertThat(log.replaceAll("[ -]", "")).as("log").doesNotContain(digits);
    }
    assertThat(luhnValidRuns(log)).as("card numbers in the log").isEmpty();
    assertThat(luhnValidRuns(database)).as("card numbers in the database").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from payment_method", Long.class))
        .as("the scan saw the saved cards").isPositive();
  }

  private static List<String> luhnValidRuns(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = DIGIT_RUN.matcher(text);
    while (matcher.find()) {
      String digits = matcher.group().replaceAll("[ -]", "");
      if (CardNumbers.isLuhnValid(digits)) {
        int from = Math.max(0, matcher.start() - 60);
        found.add(digits + " in: " + text.substring(from, Math.min(text.length(), matcher.end() + 20)));
      }
    }
    return found;
  }

  /**
   * Every value of every table of the schema, as text. Numbers of up to 13 digits in numeric
   * columns are left out: they are the engine's dates as epoch milliseconds (a Date variable is
   * stored in {@code LONG_}), which pass the Luhn check one time in ten.
   */
  private String databaseText() {
    StringBuilder all = new StringBuilder();
    List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
        + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class);
    assertThat(tables).contains("PURCHASE_ORDER", "PAYMENT_METHOD", "ACT_GE_BYTEARRAY",
        "ACT_HI_VARINST", "EMBEDDED_PROVIDER_CHARGE");
    for (String table : tables) {
      jdbc.query("select * from \"" + table + "\"", (ResultSet row) -> {
        int columns = row.getMetaData().getColumnCount();
        for (int i = 1; i <= columns; i++) {
          all.append(text(row.getObject(i))).append('\n');
        }
      });
    }
    return all.toString();
  }

  private static String text(Object value) {
    try {
      if (value instanceof byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      if (value instanceof Blob blob) {
        return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
      }
      if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
      if (value instanceof Number number && number.toString().length() <= 13) {
        return "";
      }
      return String.valueOf(value);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
