package dev.actionpack.support;

import java.util.Arrays;
import java.util.Optional;

/**
 * The problem types a partner can choose when opening a service request. Cancelling Action Pack
 * goes through the invoice and payment type (R15), which routes the request to the support
 * agents' cancellation task.
 */
public enum ProblemType {
  PARTNER_INVOICE_PAYMENT_RECONCILIATION("Partner invoice, payment or reconciliation file help");

  private final String label;

  ProblemType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ProblemType> of(String code) {
    return Arrays.stream(values()).filter(type -> type.name().equals(code)).findFirst();
  }
}
