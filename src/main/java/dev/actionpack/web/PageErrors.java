package dev.actionpack.web;

import dev.actionpack.domain.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page (the partner portal, the operators' admin pages) answers when something escapes
 * its controller: an HTML page in the reader's language with the right status, never the API's
 * problem+json under an HTML content type, never a stack trace. A full or unreachable database
 * is a 503 with {@code Retry-After}, as on the API; a refusal or a malformed request its 4xx;
 * anything else a 500 with a reference the log has too. Ordered before
 * {@link ApiExceptionHandler}, which answers for the API.
 */
@ControllerAdvice(basePackages = {"dev.actionpack.portal", "dev.actionpack.admin"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

  @ExceptionHandler(Exception.class)
  ModelAndView failed(Exception failure, HttpServletRequest request,
      HttpServletResponse response) {
    String view = request.getRequestURI().startsWith("/admin") ? "admin/error" : "portal/error";
    Optional<ApiProblem> unavailable = Unavailable.problemFor(failure);
    if (unavailable.isPresent()) {
      log.warn("Page refused, the service is unavailable: {}", failure.toString());
      response.setHeader(HttpHeaders.RETRY_AFTER,
          Long.toString(unavailable.get().retryAfter().toSeconds()));
      return page(view, unavailable.get().status().value(), "unavailable");
    }
    if (failure instanceof Refusal refusal) {
      log.info("Page refused by a rule it did not expect: {}", refusal.getMessage());
      return page(view, ApiProblem.statusCode(refusal.kind()), "refused");
    }
    if (failure instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
      log.debug("Page request refused: {}", failure.toString());
      return page(view, error.getStatusCode().value(), "refused");
    }
    String reference = UUID.randomUUID().toString();
    log.error("Unexpected failure of the page {} (reference {})", request.getRequestURI(),
        reference, failure);
    return page(view, 500, "failed").addObject("reference", reference);
  }

  private static ModelAndView page(String view, int status, String reason) {
    ModelAndView page = new ModelAndView(view);
    page.setStatus(HttpStatusCode.valueOf(status));
    return page.addObject("reason", reason);
  }
}
