package dev.actionpack.partner;

import dev.actionpack.domain.Refusal.FieldError;
import dev.actionpack.web.InputRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator says about a new partner, from the admin API's JSON or a row of a CSV
 * import: both are held to the same rules here, so a file cannot create what the API refuses.
 */
public record PartnerDetails(String name, Boolean networkMember, String locale, String email) {

  static final int MAX_NAME_LENGTH = 200;

  /** Surrounding spaces of the name and the address are not part of them. */
  PartnerDetails normalized() {
    return new PartnerDetails(name == null ? null : name.strip(), networkMember, locale,
        email == null ? null : email.strip());
  }

  /** Every field at fault and why; empty when the partner may be created. */
  List<FieldError> problems() {
    List<FieldError> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add(new FieldError("name", "is required"));
    } else {
      String problem = InputRules.textProblem(name, MAX_NAME_LENGTH, false);
      if (problem != null) {
        problems.add(new FieldError("name", problem));
      }
    }
    if (networkMember == null) {
      problems.add(new FieldError("networkMember", "is required: true or false"));
    }
    if (locale == null || locale.isBlank()) {
      problems.add(new FieldError("locale", "is required: " + String.join(", ",
          Partner.LOCALES)));
    } else if (!Partner.LOCALES.contains(locale)) {
      problems.add(new FieldError("locale", "must be one of " + String.join(", ",
          Partner.LOCALES)));
    }
    String emailProblem = EmailAddresses.problem(email);
    if (emailProblem != null) {
      problems.add(new FieldError("email", emailProblem));
    }
    return problems;
  }
}
