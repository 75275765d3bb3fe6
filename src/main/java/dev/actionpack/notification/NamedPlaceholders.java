package dev.actionpack.notification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders of a notification template. Translators see what each slot
 * holds ({@code {termEnd}}, not {@code {6}}), and may use, order or leave out slots freely; a
 * name the service does not provide is an error, never a blank in a partner's mail.
 */
final class NamedPlaceholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private NamedPlaceholders() {}

  static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {" + matcher.group(1) + "} in: "
            + template);
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }
}
