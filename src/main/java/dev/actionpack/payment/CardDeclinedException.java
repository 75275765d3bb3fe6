package dev.actionpack.payment;

/** The provider refused to store a card (its verification failed). */
public class CardDeclinedException extends RuntimeException {

  private final DeclineCode declineCode;

  public CardDeclinedException(DeclineCode declineCode) {
    super("card declined: " + declineCode.code());
    this.declineCode = declineCode;
  }

  public DeclineCode declineCode() {
    return declineCode;
  }
}
