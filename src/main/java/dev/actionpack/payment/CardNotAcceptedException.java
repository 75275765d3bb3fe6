package dev.actionpack.payment;

/**
 * The provider does not know the payment method the partner named, or it is not theirs to use:
 * a mistake in the request, refused with the reason, not a decline.
 */
public class CardNotAcceptedException extends RuntimeException {

  public CardNotAcceptedException(String reason) {
    super(reason);
  }
}
