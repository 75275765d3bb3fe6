package dev.actionpack.portal;

import dev.actionpack.domain.Refusal;
import java.util.List;
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

  /**
   * Every sentence a refusal makes: a decline with its reason, each field at fault by its name
   * ({@code portal.field.card.number}), else the refusal's own.
   */
  static List<String> messages(MessageSource texts, Refusal refusal, Locale locale) {
    if (refusal.kind() == Refusal.Kind.PAYMENT_DECLINED) {
      return List.of(declined(texts, String.valueOf(refusal.properties().get("declineCode")),
          locale));
    }
    if (refusal.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      return errors.stream().filter(Refusal.FieldError.class::isInstance)
          .map(Refusal.FieldError.class::cast)
          .map(error -> texts.getMessage("portal.field." + error.field(), null,
              error.field() + ": " + error.reason(), locale))
          .distinct().toList();
    }
    return List.of(message(texts, refusal, locale));
  }

  /** "Payment declined: " and the decline's reason, as the notifications word it. */
  static String declined(MessageSource texts, String declineCode, Locale locale) {
    return texts.getMessage("portal.checkout.declined", new Object[] {
        texts.getMessage("decline." + declineCode, null, declineCode, locale)}, locale);
  }
}
