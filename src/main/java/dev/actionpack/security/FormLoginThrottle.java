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
 * A sign-in form (the portal's, the operators' admin pages') under the same
 * {@link LoginThrottle} as the APIs: a user or address with too many failed sign-ins is sent
 * back to the form, unchecked, until its wait is over; a failed sign-in counts against both.
 * The form answers with redirects, not 401s, so the failure is counted where Spring Security
 * reports it.
 */
final class FormLoginThrottle extends OncePerRequestFilter
    implements AuthenticationFailureHandler {

  static final String PORTAL_SIGN_IN = "/portal/login";
  static final String ADMIN_SIGN_IN = "/admin/login";

  private final LoginThrottle throttle;
  private final String signIn;

  /** {@code signIn}: the path the form is shown at and posted to. */
  FormLoginThrottle(LoginThrottle throttle, String signIn) {
    this.throttle = throttle;
    this.signIn = signIn;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && signIn.equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (throttle.wait(request.getParameter("username"), request.getRemoteAddr()).isPresent()) {
      response.sendRedirect(signIn + "?throttled");
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException failure) throws IOException {
    throttle.failed(request.getParameter("username"), request.getRemoteAddr());
    response.sendRedirect(signIn + "?error");
  }
}
