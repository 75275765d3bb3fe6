package dev.actionpack.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.actionpack.domain.Refusal;
import dev.actionpack.domain.Refusal.FieldError;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the partner API into {@code application/problem+json}: field errors name
 * the field and the reason (never the rejected value), unexpected failures never show a trace.
 */
@RestControllerAdvice(basePackages = "dev.actionpack")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> handleProblem(ApiProblem problem) {
    return problem.toResponse();
  }

  /** Every refusal of a domain rule, thrown by a service, an entity or a delegate. */
  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> handleRefusal(Refusal refusal) {
    return ApiProblem.of(refusal).toResponse();
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
    return handleProblem(ApiProblem.invalidField(e.getName(), "has the wrong format"));
  }

  /**
   * Two changes to the same subscription at the same moment (a partner's request racing an
   * engine job): nothing was changed by this request, and trying again gives a clean answer.
   */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class,
      MismatchingMessageCorrelationException.class})
  ResponseEntity<ProblemDetail> handleConcurrentChange(RuntimeException e) {
    log.info("Request lost a race with a concurrent change: {}", e.getMessage());
    return handleProblem(new ApiProblem(HttpStatus.CONFLICT, "concurrent-change",
        "Changed at the same moment", "The subscription changed while this request was handled, "
            + "so nothing was done. Look at it again and retry if still needed."));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
    var unavailable = Unavailable.problemFor(e);
    if (unavailable.isPresent()) {
      log.warn("API request refused, the service is unavailable: {}", e.toString());
      return unavailable.get().toResponse();
    }
    log.error("Unexpected failure of an API request", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be completed. It has been logged; please try again later.");
    problem.setType(URI.create("/problems/internal-error"));
    problem.setTitle("Internal error");
    problem.setInstance(URI.create("urn:uuid:" + java.util.UUID.randomUUID()));
    return ResponseEntity.internalServerError().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
        .toList();
    ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request",
        "Invalid request",
        errors.stream().map(error -> error.field() + ": " + error.reason())
            .collect(Collectors.joining("; ")))
        .with("errors", errors);
    return asObject(problem.toResponse());
  }

  /**
   * A body that could not be read: too large (413), not JSON (400), or JSON with a value of the
   * wrong type, too long or holding control characters (422 naming the field).
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
        return asObject(RequestSizeLimit.tooLarge(tooLarge.maxBytes()).toResponse());
      }
    }
    Throwable cause = e.getCause();
    String field = cause instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
    String reason = reasonFor(cause);
    if (reason == null || field.isEmpty()) {
      String what = cause instanceof StreamConstraintsException
          || cause != null && cause.getCause() instanceof StreamConstraintsException
          ? "the body has a number, a text or a nesting beyond what is accepted"
          : "the body is not valid JSON";
      ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request",
          "Malformed request", what)
          .with("errors", List.of(new FieldError(field.isEmpty() ? "body" : field, what)));
      return asObject(problem.toResponse());
    }
    return asObject(ApiProblem.invalidField(field, reason).toResponse());
  }

  /** What was wrong with a value, in words; null when the body itself is not JSON. */
  private static String reasonFor(Throwable cause) {
    if (cause instanceof JsonInput.RefusedText refused) {
      return refused.reason();
    }
    if (cause instanceof JsonMappingException mapping
        && mapping.getCause() instanceof StreamConstraintsException) {
      return "is longer than accepted";
    }
    if (!(cause instanceof MismatchedInputException mismatch)) {
      return null;
    }
    Class<?> type = mismatch.getTargetType();
    if (type == null) {
      return "has the wrong type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "must be a number";
    }
    if (type == String.class) {
      return "must be text";
    }
    if (type.isEnum()) {
      return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type == java.util.UUID.class) {
      return "must be an id";
    }
    return "has the wrong type";
  }

  /**
   * Spring's own refusals (a method, media type or path it does not serve): the same problem
   * bodies, with fixed words instead of Spring's, which repeat parts of the request.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      problem.setDetail(switch (status.value()) {
        case 404 -> "There is nothing at this address.";
        case 405 -> "This method is not allowed here.";
        case 406 -> "The answers of this API are JSON.";
        case 415 -> "The body must be JSON (Content-Type: application/json).";
        default -> "The request is not accepted.";
      });
      problem.setInstance(URI.create("urn:uuid:" + java.util.UUID.randomUUID()));
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<?> response) {
    return (ResponseEntity) response;
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
