package dev.actionpack.partner;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, a field in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}), lines end with CRLF or LF. Blank lines are
 * skipped. A malformed row (a quote inside an unquoted field, text after a closing quote) is
 * returned with its problem rather than guessed at, and reading goes on at the next line; a
 * quote left open ends the file, since everything after it would be inside it.
 */
final class CsvRows {

  /** One record, by the line it starts on (the first line is 1). */
  record Row(int line, List<String> fields, String problem) {}

  private final String text;
  private int position;
  private int line = 1;

  private CsvRows(String text) {
    this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The rows of {@code text}, at most {@code maxRows} of them (and one more, to tell). */
  static List<Row> read(String text, int maxRows) {
    CsvRows reader = new CsvRows(text);
    List<Row> rows = new ArrayList<>();
    while (reader.position < reader.text.length() && rows.size() <= maxRows) {
      Row row = reader.next();
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** The next record, or null for a blank line. */
  private Row next() {
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean blank = true;
    while (true) {
      if (atEnd() || atLineEnd()) {
        skipLineEnd();
        fields.add(field.toString());
        return blank && fields.size() == 1 && fields.get(0).isEmpty() ? null
            : new Row(start, fields, null);
      }
      blank = false;
      char c = text.charAt(position);
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        position++;
      } else if (c == '"' && field.isEmpty()) {
        position++;
        if (!readQuoted(field)) {
          position = text.length();
          return new Row(start, fields, "a quoted field is not closed");
        }
        if (!atEnd() && !atLineEnd() && text.charAt(position) != ',') {
          skipRestOfLine();
          return new Row(start, fields, "has text after a closing quote");
        }
      } else if (c == '"') {
        skipRestOfLine();
        return new Row(start, fields, "has a quote inside a field that is not quoted");
      } else {
        field.append(c);
        position++;
      }
    }
  }

  /** Reads a quoted field's text up to its closing quote; false when there is none. */
  private boolean readQuoted(StringBuilder field) {
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == '"') {
        if (position < text.length() && text.charAt(position) == '"') {
          field.append('"');
          position++;
        } else {
          return true;
        }
      } else {
        if (c == '\n') {
          line++;
        }
        field.append(c);
      }
    }
    return false;
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  private boolean atLineEnd() {
    char c = text.charAt(position);
    return c == '\n' || c == '\r';
  }

  private void skipLineEnd() {
    if (atEnd()) {
      return;
    }
    if (text.charAt(position) == '\r') {
      position++;
    }
    if (!atEnd() && text.charAt(position) == '\n') {
      position++;
    }
    line++;
  }

  private void skipRestOfLine() {
    while (!atEnd() && !atLineEnd()) {
      position++;
    }
    skipLineEnd();
  }
}
