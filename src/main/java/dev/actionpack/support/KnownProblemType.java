package dev.actionpack.support;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem type of the catalog ({@link ProblemType}); checked with the request's other fields,
 * so one answer names every field at fault.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownProblemType.Check.class)
@interface KnownProblemType {

  String message() default "is not a problem type of the catalog; see "
      + "GET /api/service-requests/problem-types";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<KnownProblemType, String> {

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
      // blank is the @NotBlank's to report
      return code == null || code.isBlank() || ProblemType.of(code).isPresent();
    }
  }
}
