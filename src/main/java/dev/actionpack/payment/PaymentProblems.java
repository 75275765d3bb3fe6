package dev.actionpack.payment;

import dev.actionpack.domain.Refusal;

/** The payment refusals a partner can see, in one place. */
public final class PaymentProblems {

  private PaymentProblems() {}

  public static Refusal declined(DeclineCode code) {
    return new Refusal(Refusal.Kind.PAYMENT_DECLINED, "payment-declined", "Payment declined",
        code.reason())
        .with("declineCode", code.code());
  }

  public static Refusal providerUnavailable() {
    return new Refusal(Refusal.Kind.UNAVAILABLE, "payment-provider-unavailable",
        "Payment provider unavailable",
        "The payment provider could not be reached. Nothing was charged; please try again.");
  }
}
