package dev.actionpack.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CSV reader of the partner import: RFC 4180, and malformed rows named, not guessed at. */
class CsvRowsTest {

  @Test
  @DisplayName("Onboarding CSV: quoted commas, doubled quotes, line breaks in quotes, CRLF, a BOM and blank lines")
  void shouldReadQuotedFields() {
    List<CsvRows.Row> rows = CsvRows.read("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n"
        + "\"two\nlines\",\n", 10);

    assertThat(rows).containsExactly(
        new CsvRows.Row(1, List.of("a", "b"), null),
        new CsvRows.Row(2, List.of("x, y", "say \"hi\""), null),
        new CsvRows.Row(4, List.of("two\nlines", ""), null));
  }

  @Test
  @DisplayName("Onboarding CSV: a stray quote or text after a closing quote spoils its row only; an open quote ends the file")
  void shouldNameMalformedRows() {
    List<CsvRows.Row> rows = CsvRows.read("a\"b,c\nok,1\n\"x\"y,z\nok,2\n\"open,3\nlost,4\n", 10);

    assertThat(rows).extracting(CsvRows.Row::line, CsvRows.Row::problem).containsExactly(
        tuple(1, "has a quote inside a field that is not quoted"),
        tuple(2, null),
        tuple(3, "has text after a closing quote"),
        tuple(4, null),
        tuple(5, "a quoted field is not closed"));
  }

  @Test
  @DisplayName("Onboarding CSV: reading stops one row past the limit, so a huge file is told without being read whole")
  void shouldStopPastTheLimit() {
    assertThat(CsvRows.read("a\nb\nc\nd\n", 2)).hasSize(3);
  }
}
