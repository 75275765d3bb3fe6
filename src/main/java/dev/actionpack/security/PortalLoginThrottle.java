package dev.actionpack.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's sign-in form under the same {@link LoginThrottle} as the API: a user or address
 * with too many failed sign-ins is sent back to the form, unchecked, until its wait is over; a
 * failed sign-in counts against both. The form answers with redirects, not 401s, so the failure
 * is counted where Spring Security reports it.
 */
final class PortalLoginThrottle extends OncePerRequestFilter
    implements AuthenticationFailureHandler {

  static final String SIGN_IN = "/portal/login";

  private final LoginThrottle throttle;

  PortalLoginThrottle(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && SIGN_IN.equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (throttle.wait(request.getParameter("username"), request.getRemoteAddr()).isPresent()) {
      response.sendRedirect(SIGN_IN + "?throttled");
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException failure) throws IOException {
    throttle.failed(request.getParameter("username"), request.getRemoteAddr());
    response.sendRedirect(SIGN_IN + "?error");
  }
}
