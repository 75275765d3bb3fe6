package dev.actionpack.partner;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the service accepts as an email address: the everyday form {@code local@domain.tld},
 * at most 254 characters. Quoted local parts and address literals, which RFC 5322 allows, are
 * refused: no mail server of a partner needs them, and they are a favourite of injection.
 */
final class EmailAddresses {

  static final int MAX_LENGTH = 254;
  private static final Pattern ADDRESS = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private EmailAddresses() {}

  /** Why {@code email} is not acceptable, or null when it is; never repeats it. */
  static String problem(String email) {
    if (email == null || email.isBlank()) {
      return "is required";
    }
    if (email.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    return ADDRESS.matcher(email).matches() ? null : "is not a valid email address";
  }

  /** The form two addresses are compared in: one partner per address, whatever its case. */
  static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
