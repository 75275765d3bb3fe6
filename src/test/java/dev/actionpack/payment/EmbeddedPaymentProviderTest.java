package dev.actionpack.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.actionpack.payment.PaymentGateway.CardToken;
import dev.actionpack.payment.PaymentGateway.ChargeRequest;
import dev.actionpack.payment.PaymentGateway.ChargeResult;
import dev.actionpack.support.ApiTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded provider behaves like a remote one: test cards, decline codes, idempotency. */
class EmbeddedPaymentProviderTest extends ApiTest {

  @Autowired
  private PaymentGateway gateway;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private TransactionTemplate transaction;

  @Test
  @DisplayName("R4 documented test cards: approved, declined with a code, refused when stored")
  void shouldBehaveAsDocumentedForTestCards() {
    assertThat(charge(tokenize("4242424242424242"), key(), "475.00").approved()).isTrue();
    assertThat(charge(tokenize("5555555555554444"), key(), "475.00").approved()).isTrue();
    assertThat(charge(tokenize("4000000000009995"), key(), "475.00").declineCode())
        .isEqualTo(DeclineCode.INSUFFICIENT_FUNDS);
    assertThat(charge(tokenize("4000000000000341"), key(), "475.00").declineCode())
        .isEqualTo(DeclineCode.CARD_DECLINED);
    assertThatThrownBy(() -> tokenize("4000000000000002"))
        .isInstanceOfSatisfying(CardDeclinedException.class,
            e -> assertThat(e.declineCode()).isEqualTo(DeclineCode.CARD_DECLINED));
    assertThatThrownBy(() -> tokenize("4000000000000069"))
        .isInstanceOfSatisfying(CardDeclinedException.class,
            e -> assertThat(e.declineCode()).isEqualTo(DeclineCode.EXPIRED_CARD));
    String failing = tokenize("4000000000000119").token();
    assertThatThrownBy(() -> charge(failing, key(), "475.00"))
        .isInstanceOf(PaymentProviderException.class);
  }

  @Test
  @DisplayName("R7 the same idempotency key returns the first result and charges once")
  void shouldReplayFirstResultForSameKey() {
    String token = tokenize("4242424242424242").token();
    String key = key();

    ChargeResult first = charge(token, key, "475.00");
    ChargeResult again = charge(token, key, "475.00");

    assertThat(again).isEqualTo(first);
    assertThat(chargesWithKey(key)).isOne();
  }

  @Test
  @DisplayName("R7 the same idempotency key with a different amount is an error, not a charge")
  void shouldRefuseSameKeyForDifferentCharge() {
    String token = tokenize("4242424242424242").token();
    String key = key();
    charge(token, key, "475.00");

    assertThatThrownBy(() -> charge(token, key, "530.00"))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(chargesWithKey(key)).isOne();
  }

  @Test
  @DisplayName("R7 a charge stays made when the caller's transaction rolls back, and a retry replays it")
  void shouldKeepChargeAcrossCallerRollback() {
    String token = tokenize("4242424242424242").token();
    String key = key();

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      charge(token, key, "475.00");
      throw new IllegalStateException("crash between charge and commit");
    })).hasMessageContaining("crash");
    ChargeResult retried = transaction.execute(status -> charge(token, key, "475.00"));

    assertThat(retried.approved()).isTrue();
    assertThat(chargesWithKey(key)).isOne();
  }

  @Test
  @DisplayName("R7 concurrent charges with one key charge once")
  void shouldChargeOnceUnderConcurrency() throws Exception {
    String token = tokenize("4242424242424242").token();
    String key = key();
    Callable<ChargeResult> attempt = () -> charge(token, key, "475.00");
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ChargeResult>> results = pool.invokeAll(List.of(attempt, attempt, attempt, attempt));
      String chargeId = results.get(0).get().chargeId();
      for (Future<ChargeResult> result : results) {
        assertThat(result.get().chargeId()).isEqualTo(chargeId);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(chargesWithKey(key)).isOne();
  }

  @Test
  @DisplayName("R25 test card 4000 0027 6000 3184 asks for the cardholder's confirmation: approved on session, authentication_required off session")
  void shouldAskForAuthenticationOffSession() {
    String token = tokenize("4000002760003184").token();

    assertThat(charge(token, key(), "475.00", false).approved()).isTrue();
    assertThat(charge(token, key(), "475.00", true).declineCode())
        .isEqualTo(DeclineCode.AUTHENTICATION_REQUIRED);
  }

  private CardToken tokenize(String number) {
    return gateway.store(UUID.randomUUID(), new CardDetails(number, 12, 2035, "123", null));
  }

  private ChargeResult charge(String token, String key, String amount) {
    return charge(token, key, amount, false);
  }

  private ChargeResult charge(String token, String key, String amount, boolean offSession) {
    return gateway.charge(new ChargeRequest(key, token, null, new BigDecimal(amount), "USD",
        "test", offSession, Map.of()));
  }

  private ChargeResult charge(CardToken token, String key, String amount) {
    return charge(token.token(), key, amount);
  }

  private static String key() {
    return "test-" + UUID.randomUUID();
  }

  private long chargesWithKey(String key) {
    return jdbc.queryForObject(
        "select count(*) from embedded_provider_charge where idempotency_key = ?", Long.class, key);
  }
}
