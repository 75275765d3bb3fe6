package dev.actionpack.payment;

/** A provider refusal: the idempotency key was used before for a different charge. */
public class IdempotencyKeyReusedException extends PaymentProviderException {

  public IdempotencyKeyReusedException(String idempotencyKey) {
    super("idempotency key " + idempotencyKey + " was already used for a different charge");
  }
}
