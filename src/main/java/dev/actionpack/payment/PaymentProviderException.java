package dev.actionpack.payment;

/** The provider could not be reached or failed: technical, retried, an incident at the end. */
public class PaymentProviderException extends RuntimeException {

  public PaymentProviderException(String message) {
    super(message);
  }

  public PaymentProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
