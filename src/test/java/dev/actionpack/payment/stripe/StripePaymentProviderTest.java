package dev.actionpack.payment.stripe;

import static dev.actionpack.payment.stripe.FakeStripe.Mishap.ANSWER_LOST;
import static dev.actionpack.payment.stripe.FakeStripe.Mishap.ANSWER_TOO_SLOW;
import static dev.actionpack.payment.stripe.FakeStripe.Mishap.NONE;
import static dev.actionpack.payment.stripe.FakeStripe.Mishap.RATE_LIMITED;
import static dev.actionpack.payment.stripe.FakeStripe.Mishap.RESET_BEFORE;
import static dev.actionpack.payment.stripe.FakeStripe.Mishap.SERVER_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.actionpack.payment.CardBrand;
import dev.actionpack.payment.CardNotAcceptedException;
import dev.actionpack.payment.DeclineCode;
import dev.actionpack.payment.IdempotencyKeyReusedException;
import dev.actionpack.payment.PaymentGateway;
import dev.actionpack.payment.PaymentGateway.CardToken;
import dev.actionpack.payment.PaymentGateway.ChargeRequest;
import dev.actionpack.payment.PaymentGateway.ChargeResult;
import dev.actionpack.payment.PaymentGateway.RefundRequest;
import dev.actionpack.payment.PaymentProviderException;
import dev.actionpack.payment.ProviderCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Stripe adapter against a local server playing Stripe: the mapping (a customer per
 * partner, attached cards, confirmed PaymentIntents, off session for renewals, metadata), every
 * fault (timeouts, resets, 5xx, 429, a lost answer), declines in our codes, refunds. Every repeat
 * of a call carries the first call's idempotency key, and Stripe never charges twice.
 */
class StripePaymentProviderTest extends StripeModeTest {

  @Autowired
  private PaymentGateway gateway;

  @Test
  @DisplayName("R1 R4 a card is attached to the partner's one customer; the purchase is charged at once on session with its key and metadata")
  void shouldChargeOnSessionWithKeyAndMetadata() {
    UUID partner = newMember().partnerId();
    CardToken card = gateway.store(partner, new ProviderCard("pm_card_visa"));
    CardToken second = gateway.store(partner, new ProviderCard("pm_card_mastercard"));
    String key = key();

    ChargeResult result = gateway.charge(request(card, key, "475.00", false));

    assertThat(gateway.provider()).isEqualTo("stripe");
    assertThat(card.token()).startsWith("pm_").isNotEqualTo("pm_card_visa");
    assertThat(card.customerId()).startsWith("cus_").isEqualTo(second.customerId());
    assertThat(card.brand()).isEqualTo(CardBrand.VISA);
    assertThat(card.lastFour()).isEqualTo("4242");
    assertThat(second.brand()).isEqualTo(CardBrand.MASTERCARD);
    assertThat(result.approved()).isTrue();
    assertThat(result.chargeId()).startsWith("pi_");
    LoggedRequest create = creates(key).get(0);
    assertThat(FakeStripe.sent(create)).contains("amount=47500", "currency=usd",
        "confirm=true", "off_session=false", "setup_future_usage=off_session",
        "customer=" + card.customerId(), "payment_method=" + card.token(),
        "metadata[subscription_number]=500042", "metadata[term]=2",
        "metadata[charge_key]=" + key);
    assertThat(gateway.charge(request(card, key, "475.00", false))).isEqualTo(result);
    assertChargedOnce(key, 1); // the repeat found the charge: no second request
  }

  @Test
  @DisplayName("R9 a renewal is an off-session charge of the saved card")
  void shouldChargeRenewalsOffSession() {
    CardToken card = storedCard("pm_card_visa");
    String key = key();

    assertThat(gateway.charge(request(card, key, "475.00", true)).approved()).isTrue();
    assertThat(FakeStripe.sent(creates(key).get(0))).contains("off_session=true")
        .doesNotContain("setup_future_usage");
  }

  @Test
  @DisplayName("R7 a reset connection, a 500 and a 429 are tried again with the same key: one charge")
  void shouldRetryFaultsWithTheSameKey() {
    CardToken card = storedCard("pm_card_visa");
    String key = key();
    stripe.nextCalls("POST", INTENTS, RESET_BEFORE, SERVER_ERROR);

    assertThat(gateway.charge(request(card, key, "475.00", true)).approved()).isTrue();
    assertChargedOnce(key, 3);

    String limited = key();
    stripe.nextCalls("POST", INTENTS, RATE_LIMITED);
    assertThat(gateway.charge(request(card, limited, "475.00", true)).approved()).isTrue();
    assertChargedOnce(limited, 2);
  }

  @Test
  @DisplayName("R7 an answer lost after Stripe charged: the adapter finds the charge by its key before charging again")
  void shouldFindTheChargeWhenTheAnswerWasLost() {
    CardToken card = storedCard("pm_card_visa");
    String lost = key();
    stripe.nextCalls("POST", INTENTS, ANSWER_LOST);

    ChargeResult result = gateway.charge(request(card, lost, "475.00", true));

    assertThat(result.approved()).isTrue();
    assertChargedOnce(lost, 1); // found, not asked again
    assertThat(result.chargeId()).isEqualTo(stripe.intentsWithKey(lost).get(0).get("id").asText());

    String slow = key();
    stripe.nextCalls("POST", INTENTS, ANSWER_TOO_SLOW);
    assertThat(gateway.charge(request(card, slow, "475.00", true)).approved()).isTrue();
    assertChargedOnce(slow, 1);
  }

  @Test
  @DisplayName("R7 an outcome still unknown after every attempt is an error; the job's retry finds the charge, never charges again")
  void shouldLeaveAnUnknownOutcomeToTheJobRetry() {
    CardToken card = storedCard("pm_card_visa");
    String key = key();
    stripe.nextCalls("POST", INTENTS, ANSWER_LOST);
    stripe.nextCalls("GET", INTENTS, NONE, SERVER_ERROR, SERVER_ERROR);

    assertThatThrownBy(() -> gateway.charge(request(card, key, "475.00", true)))
        .isInstanceOf(PaymentProviderException.class).hasMessageContaining("500");
    ChargeResult retried = gateway.charge(request(card, key, "475.00", true));

    assertThat(retried.approved()).isTrue();
    assertChargedOnce(key, 1);

    String down = key();
    stripe.nextCalls("POST", INTENTS, SERVER_ERROR, SERVER_ERROR, SERVER_ERROR);
    assertThatThrownBy(() -> gateway.charge(request(card, down, "475.00", true)))
        .isInstanceOf(PaymentProviderException.class);
    assertThat(gateway.charge(request(card, down, "475.00", true)).approved()).isTrue();
    assertChargedOnce(down, 4);
  }

  @Test
  @DisplayName("R4 Stripe's declines in our codes; a card that needs its holder is declined authentication_required, off session and on")
  void shouldMapDeclineCodes() {
    assertThat(decline("pm_card_chargeDeclinedInsufficientFunds", true))
        .isEqualTo(DeclineCode.INSUFFICIENT_FUNDS);
    assertThat(decline("pm_card_chargeDeclined", true)).isEqualTo(DeclineCode.CARD_DECLINED);
    assertThat(decline("pm_card_chargeDeclinedExpiredCard", true))
        .isEqualTo(DeclineCode.EXPIRED_CARD);
    assertThat(decline("pm_card_authenticationRequired", true))
        .isEqualTo(DeclineCode.AUTHENTICATION_REQUIRED);
    assertThat(decline("pm_card_authenticationRequired", false))
        .isEqualTo(DeclineCode.AUTHENTICATION_REQUIRED);
    assertThat(StripePaymentProvider.declineCode("card_declined", "do_not_honor"))
        .isEqualTo(DeclineCode.CARD_DECLINED);
    assertThat(StripePaymentProvider.declineCode("incorrect_cvc", null))
        .isEqualTo(DeclineCode.INCORRECT_CVC);
  }

  @Test
  @DisplayName("R7 a declined charge repeated with its key is the same decline, not a second attempt at the card")
  void shouldReplayADecline() {
    CardToken card = storedCard("pm_card_chargeDeclinedInsufficientFunds");
    String key = key();
    ChargeResult first = gateway.charge(request(card, key, "475.00", true));

    assertThat(gateway.charge(request(card, key, "475.00", true))).isEqualTo(first);
    assertThat(first.chargeId()).startsWith("pi_");
    assertThat(stripe.intentsWithKey(key)).hasSize(1);
  }

  @Test
  @DisplayName("R7 the same key for another amount is refused, not charged")
  void shouldRefuseAKeyReusedForAnotherAmount() {
    CardToken card = storedCard("pm_card_visa");
    String key = key();
    gateway.charge(request(card, key, "475.00", true));

    assertThatThrownBy(() -> gateway.charge(request(card, key, "530.00", true)))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(stripe.intentsWithKey(key)).hasSize(1);
  }

  @Test
  @DisplayName("R17 a refund through Stripe: once per key through a reset, never beyond what is left")
  void shouldRefundOncePerKey() {
    CardToken card = storedCard("pm_card_visa");
    String charge = gateway.charge(request(card, key(), "475.00", false)).chargeId();
    String refundKey = key();
    stripe.nextCalls("POST", "/v1/refunds", RESET_BEFORE);

    var refund = gateway.refund(new RefundRequest(refundKey, charge, new BigDecimal("236.20"),
        "USD"));
    var again = gateway.refund(new RefundRequest(refundKey, charge, new BigDecimal("236.20"),
        "USD"));

    assertThat(refund.refundId()).startsWith("re_").isEqualTo(again.refundId());
    assertThat(refund.amount()).isEqualByComparingTo("236.20");
    assertThat(stripe.refundedFrom(charge)).isEqualTo(23620);
    assertThatThrownBy(() -> gateway.refund(new RefundRequest(key(), charge,
        new BigDecimal("300.00"), "USD"))).isInstanceOf(PaymentProviderException.class);
    assertThat(stripe.refundedFrom(charge)).isEqualTo(23620);
  }

  @Test
  @DisplayName("R23 a payment method Stripe does not know, or another customer's, is not accepted")
  void shouldRefuseUnknownOrForeignPaymentMethods() {
    CardToken someoneElses = storedCard("pm_card_visa");

    assertThatThrownBy(() -> gateway.store(newMember().partnerId(),
        new ProviderCard("pm_nosuchmethod")))
        .isInstanceOf(CardNotAcceptedException.class).hasMessageContaining("no such");
    assertThatThrownBy(() -> gateway.store(newMember().partnerId(),
        new ProviderCard(someoneElses.token())))
        .isInstanceOf(CardNotAcceptedException.class).hasMessageContaining("another customer");
  }

  private DeclineCode decline(String testCard, boolean offSession) {
    ChargeResult result = gateway.charge(request(storedCard(testCard), key(), "475.00", offSession));
    assertThat(result.approved()).isFalse();
    return result.declineCode();
  }

  private CardToken storedCard(String testCard) {
    return gateway.store(newMember().partnerId(), new ProviderCard(testCard));
  }

  private static ChargeRequest request(CardToken card, String key, String amount,
      boolean offSession) {
    return new ChargeRequest(key, card.token(), card.customerId(), new BigDecimal(amount), "USD",
        "Action Pack order 100042", offSession, Map.of("order_number", "100042",
            "subscription_number", "500042", "term", "2"));
  }

  private static String key() {
    return "renewal-" + UUID.randomUUID() + "-term-2";
  }
}
