package dev.actionpack.payment.embedded;

import dev.actionpack.payment.DeclineCode;
import java.util.Map;

/**
 * How the embedded provider treats the documented test cards; any other valid card is approved.
 * Only this behaviour is stored with a token, never the number.
 */
enum TestCardBehaviour {
  APPROVE(null, null),
  /** Refused when stored: the provider's verification fails. */
  REFUSE_GENERIC(DeclineCode.CARD_DECLINED, null),
  REFUSE_EXPIRED(DeclineCode.EXPIRED_CARD, null),
  REFUSE_INCORRECT_CVC(DeclineCode.INCORRECT_CVC, null),
  /** Stored fine (verification does not check funds), every charge declined. */
  DECLINE_INSUFFICIENT_FUNDS(null, DeclineCode.INSUFFICIENT_FUNDS),
  /** Stored fine, every charge declined by the issuer. */
  DECLINE_CHARGES(null, DeclineCode.CARD_DECLINED),
  /** Stored fine, every charge fails with a provider processing error (technical). */
  PROCESSING_ERROR(null, null),
  /**
   * Stored fine; its first charge is declined ({@code card_declined}), every later one approved:
   * a renewal declined and then recovered by a dunning retry.
   */
  DECLINE_FIRST_CHARGE(null, null),
  /**
   * Stored fine; its bank asks the cardholder to confirm every payment: approved while the partner
   * is there (a purchase, a manual renewal), declined {@code authentication_required} off session
   * (an automatic renewal and its retries).
   */
  AUTHENTICATE_OFF_SESSION(null, null);

  /** The documented test cards (README), each with what it does. */
  private static final Map<String, TestCardBehaviour> TEST_CARDS = Map.ofEntries(
      Map.entry("4000000000000002", REFUSE_GENERIC), // refused when stored
      Map.entry("4000000000000069", REFUSE_EXPIRED), // refused when stored: expired
      Map.entry("4000000000000127", REFUSE_INCORRECT_CVC), // refused when stored: wrong CVC
      Map.entry("4000000000009995", DECLINE_INSUFFICIENT_FUNDS), // charges declined: no funds
      Map.entry("4000000000000341", DECLINE_CHARGES), // stored, every charge declined
      Map.entry("4000000000000119", PROCESSING_ERROR), // provider processing error
      Map.entry("4000000000003311", DECLINE_FIRST_CHARGE), // first charge declined only
      Map.entry("4000002760003184", AUTHENTICATE_OFF_SESSION)); // confirmation asked off session

  final DeclineCode refusedWhenStored;
  final DeclineCode declinedWhenCharged;

  TestCardBehaviour(DeclineCode refusedWhenStored, DeclineCode declinedWhenCharged) {
    this.refusedWhenStored = refusedWhenStored;
    this.declinedWhenCharged = declinedWhenCharged;
  }

  static TestCardBehaviour ofTestCard(String digits) {
    return TEST_CARDS.getOrDefault(digits, APPROVE);
  }
}
