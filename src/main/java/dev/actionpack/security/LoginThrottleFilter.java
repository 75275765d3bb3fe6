package dev.actionpack.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.web.ApiProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of a way of signing in: a request from a user or client
 * that must wait is answered 429 with {@code Retry-After} before any credential is checked; a
 * request answered 401 counts as a failed sign-in, any other answer to one with credentials as
 * a success. The partner API signs in with HTTP Basic or an API key, {@code engine-rest} with
 * HTTP Basic, the webapps with a login form (whose user name is in the body: there the client
 * is counted, and Camunda's own guard delays the user).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final boolean partnerApi;
  private final Predicate<HttpServletRequest> signIn;

  /** {@code signIn}: which requests sign in (the rest pass untouched). */
  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json, boolean partnerApi,
      Predicate<HttpServletRequest> signIn) {
    this.throttle = throttle;
    this.json = json;
    this.partnerApi = partnerApi;
    this.signIn = signIn;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !signIn.test(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String user = user(request.getHeader(HttpHeaders.AUTHORIZATION));
    String client = request.getRemoteAddr();
    Optional<Duration> wait = throttle.wait(user, client);
    if (wait.isPresent()) {
      refuse(response, Math.max(1, wait.get().toSeconds()));
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(user, client);
    } else if (user != null && response.getStatus() < 500) {
      throttle.succeeded(user);
    }
  }

  /** Who the request signs in as: a Basic user name, or an API key's id; null for neither. */
  static String user(String authorization) {
    if (authorization == null) {
      return null;
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)
            .strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : decoded.substring(0, colon);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    if (authorization.regionMatches(true, 0, "Bearer apk_", 0, 11)) {
      String token = authorization.substring(11).strip();
      return "key:" + token.substring(0, Math.min(32, token.length()));
    }
    return null;
  }

  private void refuse(HttpServletResponse response, long seconds) throws IOException {
    ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins",
        "Too many failed sign-ins", "Too many failed sign-ins for this user or from this "
            + "address. Try again after the time in Retry-After.")
        .retryAfter(Duration.ofSeconds(seconds));
    if (partnerApi) {
      problem.write(response, json);
      return;
    }
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType("application/json");
    response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\"Too many failed "
        + "sign-ins for this user or from this address; try again in " + seconds + " s.\"}");
  }
}
