package dev.actionpack.security;

import dev.actionpack.partner.PartnerApiKeys;
import dev.actionpack.partner.PartnerPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a partner API call in with {@code Authorization: Bearer apk_...}. A request without a
 * bearer token goes on to HTTP Basic; one with a wrong, revoked or unknown key is refused here.
 * Not a bean, so that it runs only in the partner API's filter chain.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final PartnerApiKeys apiKeys;
  private final AuthenticationEntryPoint unauthenticated;

  ApiKeyAuthenticationFilter(PartnerApiKeys apiKeys, AuthenticationEntryPoint unauthenticated) {
    this.apiKeys = apiKeys;
    this.unauthenticated = unauthenticated;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      Optional<PartnerPrincipal> user =
          apiKeys.authenticate(header.substring(BEARER.length()).strip());
      if (user.isEmpty()) {
        SecurityContextHolder.clearContext();
        unauthenticated.commence(request, response,
            new BadCredentialsException("unknown or revoked API key"));
        return;
      }
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
          user.get(), null, user.get().withApiKey()));
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
