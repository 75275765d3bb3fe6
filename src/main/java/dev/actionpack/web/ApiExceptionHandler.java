package dev.actionpack.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.actionpack.web.ApiProblem.FieldError;
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
    return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
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
    log.error("Unexpected failure of an API request", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be completed. It has been logged; please try again later.");
    problem.setType(URI.create("/problems/internal-error"));
    problem.setTitle("Internal error");
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
    return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    String field = e.getCause() instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
    String reason = e.getCause() instanceof InvalidFormatException
        || e.getCause() instanceof MismatchedInputException
        ? "has the wrong type or format" : "the body is not valid JSON";
    ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request",
        "Malformed request", field.isEmpty() ? reason : field + ": " + reason)
        .with("errors", List.of(new FieldError(field.isEmpty() ? "body" : field, reason)));
    return ResponseEntity.badRequest().body(problem.toProblemDetail());
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
