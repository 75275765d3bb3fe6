package dev.actionpack.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.payment.CardNumbers;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/** R6: looks for card numbers where none may be: every table's values, a log. */
public final class CardNumberScan {

  /**
   * 13 to 19 digits in a row, or in the groups people type (4-4-4-4, 4-6-5) separated by a space
   * or a dash; never part of a longer token such as a UUID.
   */
  private static final Pattern DIGIT_RUN = Pattern.compile(
      "(?<![\\w-])(?:\\d{13,19}|\\d{4}(?:[ -]\\d{4}){3}|\\d{4}[ -]\\d{6}[ -]\\d{5})(?![\\w-])");

  private CardNumberScan() {}

  /** The Luhn-valid digit runs in the text, each with what comes before it. */
  public static List<String> luhnValidRuns(String text) {
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
  public static String databaseText(JdbcTemplate jdbc, String... expectedTables) {
    StringBuilder all = new StringBuilder();
    List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
        + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class);
    assertThat(tables).as("the tables scanned").contains(expectedTables);
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
