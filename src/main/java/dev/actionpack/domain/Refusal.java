package dev.actionpack.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rule said no: what kind of refusal, which rule ({@code type}, a stable slug), in words, and
 * what the client may need to act on it. Services, entities and delegates throw it; the web
 * layer alone decides how each kind is answered (one handler maps it to problem+json).
 */
public class Refusal extends RuntimeException {

  /** What kind of no it is, whatever the channel that reports it. */
  public enum Kind {
    /** Nothing of that kind with that id for this partner. */
    NOT_FOUND,
    /** A value present and well-formed, but not acceptable. */
    INVALID,
    /** Not in the state the request needs (already exists, in progress, not allowed now). */
    CONFLICT,
    /** This partner may not do this at all (not a Network member). */
    NOT_ALLOWED,
    /** The payment was declined. */
    PAYMENT_DECLINED,
    /** A dependency did not answer; the same request may pass later. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String type;
  private final String title;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public Refusal(Kind kind, String type, String title, String detail) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.title = title;
  }

  /** Nothing of that kind with that id for this partner; the id is not repeated. */
  public static Refusal notFound(String what) {
    return new Refusal(Kind.NOT_FOUND, "not-found", what + " not found",
        "This partner has no such " + what.toLowerCase() + ".");
  }

  /** A field that is present and well-formed but not acceptable. */
  public static Refusal invalidField(String field, String reason) {
    return new Refusal(Kind.INVALID, "invalid-request", "Invalid request", field + ": " + reason)
        .with("errors", List.of(new FieldError(field, reason)));
  }

  /** Several fields at fault at once, each named with its reason. */
  public static Refusal invalidFields(List<FieldError> errors) {
    return new Refusal(Kind.INVALID, "invalid-request", "Invalid request", errors.stream()
        .map(error -> error.field() + ": " + error.reason())
        .collect(Collectors.joining("; ")))
        .with("errors", List.copyOf(errors));
  }

  public Refusal with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public Kind kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** One field at fault and why, without echoing the value (it may be a card number). */
  public record FieldError(String field, String reason) {}
}
