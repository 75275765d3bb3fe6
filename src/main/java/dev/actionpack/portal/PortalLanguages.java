package dev.actionpack.portal;

import dev.actionpack.domain.LocaleFormat;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every portal page's language switch, and the support form's contact languages, list the
 * service's languages ({@link LocaleFormat#SUPPORTED}) by their own names.
 */
@ControllerAdvice(basePackageClasses = PortalLanguages.class)
class PortalLanguages {

  @ModelAttribute("languages")
  List<LocaleFormat.Language> languages() {
    return LocaleFormat.SUPPORTED;
  }
}
