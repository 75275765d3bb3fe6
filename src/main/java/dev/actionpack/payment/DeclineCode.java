package dev.actionpack.payment;

import java.util.Arrays;

/** Why a provider declined a card, with the words a partner reads (R4). */
public enum DeclineCode {
  CARD_DECLINED("card_declined", "The card was declined by its issuer. Try another card."),
  INSUFFICIENT_FUNDS("insufficient_funds",
      "The card has insufficient funds for this amount. Try another card."),
  EXPIRED_CARD("expired_card", "The card has expired. Try another card."),
  INCORRECT_CVC("incorrect_cvc", "The card's security code is incorrect."),
  /**
   * The card's bank asks the cardholder to confirm the payment, which cannot happen while the
   * partner is away (a renewal): they renew manually or give another card. The notice of a
   * declined renewal says so ({@code decline.authentication_required}).
   */
  AUTHENTICATION_REQUIRED("authentication_required",
      "The card's bank asks the cardholder to confirm this payment. Try another card."),
  /**
   * Not the card: the partner's Network membership has lapsed, and only members renew (R24).
   * Nothing is sent to the provider; the renewal is declined and dunned like any other, so a
   * membership renewed before the last retry renews the subscription.
   */
  NETWORK_MEMBERSHIP_LAPSED("network_membership_lapsed",
      "Only Microsoft Partner Network members can renew Action Pack, and the Network "
          + "membership has lapsed. Renew the membership first.");

  private final String code;
  private final String reason;

  DeclineCode(String code, String reason) {
    this.code = code;
    this.reason = reason;
  }

  public String code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public static DeclineCode fromCode(String code) {
    return Arrays.stream(values()).filter(value -> value.code.equals(code)).findFirst()
        .orElse(CARD_DECLINED);
  }
}
