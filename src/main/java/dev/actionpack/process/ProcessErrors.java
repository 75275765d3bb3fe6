package dev.actionpack.process;

/** BPMN error codes thrown by delegates shared between processes. */
public final class ProcessErrors {

  /** The provider declined the charge: a business outcome, not a technical failure (R4). */
  public static final String PAYMENT_DECLINED = "Err_PaymentDeclined";

  private ProcessErrors() {}
}
