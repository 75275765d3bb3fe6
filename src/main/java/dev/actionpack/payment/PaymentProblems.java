package dev.actionpack.payment;

import dev.actionpack.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The payment refusals a partner can see, in one place. */
public final class PaymentProblems {

  private PaymentProblems() {}

  public static ApiProblem declined(DeclineCode code) {
    return new ApiProblem(HttpStatus.PAYMENT_REQUIRED, "payment-declined", "Payment declined",
        code.reason())
        .with("declineCode", code.code());
  }

  public static ApiProblem providerUnavailable() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "payment-provider-unavailable",
        "Payment provider unavailable",
        "The payment provider could not be reached. Nothing was charged; please try again.");
  }
}
