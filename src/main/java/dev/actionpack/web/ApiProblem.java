package dev.actionpack.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.domain.Refusal;
import dev.actionpack.domain.Refusal.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refusal the client can act on, rendered as {@code application/problem+json}. The type names
 * the kind of problem; {@code field} (when set) names the request field at fault. The web layer
 * makes these itself (bad input, sign-in, overload) and from the domain's {@link Refusal}s, whose
 * kinds it maps to statuses here and nowhere else.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private Duration retryAfter;

  public ApiProblem(HttpStatus status, String type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  /** A domain refusal as the API answers it. */
  public static ApiProblem of(Refusal refusal) {
    ApiProblem problem = new ApiProblem(status(refusal.kind()), refusal.type(), refusal.title(),
        refusal.getMessage());
    problem.properties.putAll(refusal.properties());
    return problem;
  }

  /** The status each kind of refusal is answered with. */
  static HttpStatus status(Refusal.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
      case CONFLICT -> HttpStatus.CONFLICT;
      case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
      case PAYMENT_DECLINED -> HttpStatus.PAYMENT_REQUIRED;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  /** The status code of a kind of refusal, for pages that answer refusals in HTML (the portal). */
  public static int statusCode(Refusal.Kind kind) {
    return status(kind).value();
  }

  /** A field that is present and well-formed but not acceptable (422). */
  public static ApiProblem invalidField(String field, String reason) {
    return of(Refusal.invalidField(field, reason));
  }

  public ApiProblem with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  /** Tells the client when to try again ({@code Retry-After}), for refusals that pass. */
  public ApiProblem retryAfter(Duration wait) {
    this.retryAfter = wait;
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  /** When the client may try again, for refusals that pass; {@code null} otherwise. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public ResponseEntity<ProblemDetail> toResponse() {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter != null) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    }
    return response.body(toProblemDetail());
  }

  /** Writes the problem as the response, where no controller advice runs (servlet filters). */
  public void write(HttpServletResponse response, ObjectMapper json) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (retryAfter != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    }
    json.writeValue(response.getOutputStream(), toProblemDetail());
  }

  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(URI.create("/problems/" + type));
    problem.setTitle(title);
    // this occurrence, not the request's path (which Spring would fill in, repeating the input)
    problem.setInstance(URI.create("urn:uuid:" + UUID.randomUUID()));
    properties.forEach(problem::setProperty);
    return problem;
  }
}
