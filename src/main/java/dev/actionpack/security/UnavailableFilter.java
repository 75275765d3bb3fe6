package dev.actionpack.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.web.ApiProblem;
import dev.actionpack.web.Unavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of the partner API: a request that fails because the database cannot be
 * reached, or no connection is free (in signing in, say, before any controller runs), is
 * answered 503 with {@code Retry-After} instead of a 500. Not a bean, so it runs only in the
 * partner API's filter chain.
 */
final class UnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(UnavailableFilter.class);

  private final ObjectMapper json;

  UnavailableFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException failure) {
      Optional<ApiProblem> unavailable = Unavailable.problemFor(failure);
      if (unavailable.isEmpty() || response.isCommitted()) {
        throw failure;
      }
      log.warn("API request refused, the service is unavailable: {}", failure.toString());
      response.reset();
      unavailable.get().write(response, json);
    }
  }
}
