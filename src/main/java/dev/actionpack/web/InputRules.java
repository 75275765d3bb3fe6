package dev.actionpack.web;

/**
 * What text input may hold: a bounded length, and no control characters (a NUL stored in a
 * service request, say); tabs and line breaks only where the text may have several lines.
 */
public final class InputRules {

  private InputRules() {}

  /** Why {@code text} is not acceptable, or null when it is. Never repeats the text. */
  public static String textProblem(String text, int maxLength, boolean multiline) {
    if (text.length() > maxLength) {
      return "is longer than " + maxLength + " characters";
    }
    if (hasControlCharacters(text, multiline)) {
      return multiline ? "contains control characters" : "contains control characters or "
          + "line breaks";
    }
    return null;
  }

  public static boolean hasControlCharacters(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
      if ((Character.isISOControl(c) && !(multiline && lineBreakOrTab))
          || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
