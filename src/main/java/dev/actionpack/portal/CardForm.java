package dev.actionpack.portal;

import dev.actionpack.domain.Refusal;
import dev.actionpack.payment.CardDetails;
import dev.actionpack.payment.PaymentMethod;
import dev.actionpack.payment.PaymentMethodService;
import dev.actionpack.payment.ProviderCard;
import java.util.UUID;

/**
 * The card fields of a page ({@code portal/card-fields :: choice}): a saved card picked by its
 * id, or {@code choice=new} with the card typed in (embedded provider) or the payment method
 * entered at Stripe ({@code pm_…}). The checkout's payment step and Replace card both take a
 * card this way, so both accept and refuse the same cards. What was typed is forgotten before a
 * page is shown again (R6).
 */
class CardForm {

  private String choice;
  private String number;
  private String expiryMonth;
  private String expiryYear;
  private String cvc;
  private String holderName;
  private String paymentMethodToken;

  public String getChoice() {
    return choice;
  }

  public void setChoice(String choice) {
    this.choice = choice;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public void setExpiryMonth(String expiryMonth) {
    this.expiryMonth = expiryMonth;
  }

  public void setExpiryYear(String expiryYear) {
    this.expiryYear = expiryYear;
  }

  public void setCvc(String cvc) {
    this.cvc = cvc;
  }

  public void setHolderName(String holderName) {
    this.holderName = holderName;
  }

  public void setPaymentMethodToken(String paymentMethodToken) {
    this.paymentMethodToken = paymentMethodToken;
  }

  /** Whether a new card is given rather than a saved one picked. */
  boolean isNewCard() {
    return "new".equals(choice);
  }

  /**
   * The card chosen: a new one stored at the provider for the partner (checked first, naming the
   * field at fault as {@code card.number} and so on), or the partner's own saved card that has
   * not expired. Call outside a transaction: the provider is remote.
   */
  PaymentMethod take(PaymentMethodService cards, UUID partnerId) {
    return isNewCard()
        ? cards.add(partnerId, cards.takesCardNumbers() ? details()
            : new ProviderCard(String.valueOf(paymentMethodToken)), "card")
        : cards.usable(partnerId, id(choice), "card");
  }

  /** Forgets what was typed for a new card: pages never show it again. */
  void forgetCard() {
    number = null;
    cvc = null;
  }

  /** A saved card's id as a page posts it; anything else asks to choose a payment method. */
  static UUID id(String id) {
    try {
      return UUID.fromString(id == null ? "" : id);
    } catch (IllegalArgumentException notAnId) {
      throw Refusal.invalidField("paymentMethodId", "choose a payment method");
    }
  }

  private CardDetails details() {
    return new CardDetails(number == null ? "" : number,
        integer(expiryMonth, "card.expiryMonth"), integer(expiryYear, "card.expiryYear"),
        cvc == null ? "" : cvc, holderName);
  }

  private static Integer integer(String value, String field) {
    try {
      return Integer.valueOf(value == null ? "" : value.strip());
    } catch (NumberFormatException notANumber) {
      throw Refusal.invalidField(field, "must be a number");
    }
  }
}
