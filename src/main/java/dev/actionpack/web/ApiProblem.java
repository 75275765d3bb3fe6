package dev.actionpack.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal the client can act on, rendered as {@code application/problem+json}. The type names
 * the kind of problem; {@code field} (when set) names the request field at fault.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ApiProblem(HttpStatus status, String type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public static ApiProblem notFound(String what, String id) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found",
        "There is no " + what.toLowerCase() + " '" + id + "' for this partner.");
  }

  /** A field that is present and well-formed but not acceptable (422). */
  public static ApiProblem invalidField(String field, String reason) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", "Invalid request",
        field + ": " + reason)
        .with("errors", List.of(new FieldError(field, reason)));
  }

  public ApiProblem with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(URI.create("/problems/" + type));
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }

  /** One field at fault and why, without echoing the value (it may be a card number). */
  public record FieldError(String field, String reason) {}
}
