package dev.actionpack.portal;

import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.partner.PartnerRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page: the one the partner picked on the page ({@code ?lang=es-ES}, kept for
 * the session), else the partner's setting, else the browser's; always one of the service's
 * three (R19). Outside the portal, the browser's.
 */
@Component("localeResolver")
class PortalLocale implements LocaleResolver {

  static final String PICKED = PortalLocale.class.getName() + ".picked";

  private final PartnerRepository partners;

  PortalLocale(PartnerRepository partners) {
    this.partners = partners;
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    String picked = request.getParameter("lang");
    HttpSession session = request.getSession(false);
    if (picked != null && request.getRequestURI().startsWith("/portal")) {
      Locale locale = LocaleFormat.supported(picked);
      request.getSession().setAttribute(PICKED, locale);
      return locale;
    }
    if (session != null && session.getAttribute(PICKED) instanceof Locale locale) {
      return locale;
    }
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn != null && signedIn.getPrincipal() instanceof PartnerPrincipal partner) {
      return partners.findById(partner.partnerId())
          .map(found -> LocaleFormat.supported(found.getLocale()))
          .orElse(LocaleFormat.EN_US);
    }
    return LocaleFormat.supported(request.getLocale().toLanguageTag());
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    request.getSession().setAttribute(PICKED, LocaleFormat.supported(locale.toLanguageTag()));
  }
}
