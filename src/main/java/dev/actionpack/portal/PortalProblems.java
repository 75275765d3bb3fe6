package dev.actionpack.portal;

import dev.actionpack.domain.Refusal;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A refusal the API knows, as a sentence in the partner's language: by its problem type
 * ({@code portal.problem.renewal-in-progress}); a type without a translation shows the API's
 * English detail rather than nothing.
 */
final class PortalProblems {

  private PortalProblems() {}

  static String message(MessageSource texts, Refusal refusal, Locale locale) {
    return texts.getMessage("portal.problem." + refusal.type(), null, refusal.getMessage(),
        locale);
  }
}
