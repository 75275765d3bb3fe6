package dev.actionpack.payment.embedded;

import com.zaxxer.hikari.HikariDataSource;
import dev.actionpack.payment.CardDeclinedException;
import dev.actionpack.payment.CardDetails;
import dev.actionpack.payment.CardNumbers;
import dev.actionpack.payment.DeclineCode;
import dev.actionpack.payment.IdempotencyKeyReusedException;
import dev.actionpack.payment.NewCard;
import dev.actionpack.payment.PaymentGateway;
import dev.actionpack.payment.PaymentProviderException;
import dev.actionpack.persistence.OwnConnections;
import dev.actionpack.process.EngineClock;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment provider inside the application, for local runs and tests. It behaves like a remote
 * one: its records commit in transactions of their own (a charge stays made even when the
 * caller's transaction rolls back), an idempotency key returns the first result for good (R7),
 * and it has connections of its own, as a remote provider has its own resources: a job that
 * charges holds its transaction's connection while it waits for the provider, and taking a
 * second one from the same pool could wait for ever when every connection is held that way.
 */
@Component
@ConditionalOnProperty(name = "actionpack.payment.provider", havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedPaymentProvider implements PaymentGateway, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPaymentProvider.class);
  private static final int CONNECTIONS = 4;

  private final HikariDataSource connections;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  EmbeddedPaymentProvider(DataSourceProperties dataSource) {
    this.connections = OwnConnections.pool(dataSource, "embedded-provider", CONNECTIONS);
    this.jdbc = JdbcClient.create(connections);
    this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(connections));
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public String provider() {
    return "embedded";
  }

  @Override
  public void destroy() {
    connections.close();
  }

  @Override
  public Class<CardDetails> takes() {
    return CardDetails.class;
  }

  @Override
  public CardToken store(UUID partnerId, NewCard newCard) {
    CardDetails card = (CardDetails) newCard;
    String digits = card.digits();
    TestCardBehaviour behaviour = TestCardBehaviour.ofTestCard(digits);
    if (behaviour.refusedWhenStored != null) {
      throw new CardDeclinedException(behaviour.refusedWhenStored);
    }
    String token = "tok_" + UUID.randomUUID().toString().replace("-", "");
    ownTransaction.executeWithoutResult(status -> jdbc.sql("insert into embedded_provider_card "
            + "(token, behaviour, created_at) values (?, ?, ?)")
        .params(token, behaviour.name(), now()).update());
    return new CardToken(token, null, CardNumbers.brandOf(digits), card.lastFour(),
        card.expiryMonth(), card.expiryYear());
  }

  @Override
  public ChargeResult charge(ChargeRequest request) {
    try {
      return ownTransaction.execute(status -> chargeOnce(request));
    } catch (DuplicateKeyException concurrentSameKey) {
      // another thread charged with this key between our read and insert: its result stands
      return ownTransaction.execute(status -> chargeOnce(request));
    }
  }

  private ChargeResult chargeOnce(ChargeRequest request) {
    Optional<StoredCharge> earlier = jdbc.sql("select charge_id, card_token, amount, currency, "
            + "approved, decline_code from embedded_provider_charge where idempotency_key = ?")
        .param(request.idempotencyKey()).query(StoredCharge.class).optional();
    if (earlier.isPresent()) {
      StoredCharge charge = earlier.get();
      if (!charge.sameChargeAs(request)) {
        throw new IdempotencyKeyReusedException(request.idempotencyKey());
      }
      log.info("Replayed charge {} for idempotency key {}", charge.chargeId(),
          request.idempotencyKey());
      return charge.result();
    }
    TestCardBehaviour behaviour = jdbc.sql("select behaviour from embedded_provider_card where "
            + "token = ?").param(request.cardToken()).query(String.class).optional()
        .map(TestCardBehaviour::valueOf)
        .orElseThrow(() -> new PaymentProviderException("unknown card token"));
    if (behaviour == TestCardBehaviour.PROCESSING_ERROR) {
      throw new PaymentProviderException("processing error at the provider");
    }
    DeclineCode decline = switch (behaviour) {
      case DECLINE_FIRST_CHARGE ->
          firstCharge(request.cardToken()) ? DeclineCode.CARD_DECLINED : null;
      case AUTHENTICATE_OFF_SESSION ->
          request.offSession() ? DeclineCode.AUTHENTICATION_REQUIRED : null;
      default -> behaviour.declinedWhenCharged;
    };
    StoredCharge charge = new StoredCharge("ch_" + UUID.randomUUID().toString().replace("-", ""),
        request.cardToken(), request.amount(), request.currency(), decline == null,
        decline == null ? null : decline.code());
    jdbc.sql("insert into embedded_provider_charge (idempotency_key, charge_id, card_token, "
            + "amount, currency, approved, decline_code, created_at) values (?, ?, ?, ?, ?, ?, "
            + "?, ?)")
        .params(request.idempotencyKey(), charge.chargeId(), charge.cardToken(),
            charge.amount(), charge.currency(), charge.approved(), charge.declineCode(), now())
        .update();
    log.info("Charge {} of {} {}: {}", charge.chargeId(), request.amount(), request.currency(),
        decline == null ? "approved" : "declined " + decline.code());
    return charge.result();
  }

  private boolean firstCharge(String cardToken) {
    return jdbc.sql("select count(*) from embedded_provider_charge where card_token = ?")
        .param(cardToken).query(Integer.class).single() == 0;
  }

  @Override
  public RefundResult refund(RefundRequest request) {
    return ownTransaction.execute(status -> {
      Optional<StoredRefund> earlier = jdbc.sql("select refund_id, charge_id, amount from "
              + "embedded_provider_refund where idempotency_key = ?")
          .param(request.idempotencyKey()).query(StoredRefund.class).optional();
      if (earlier.isPresent()) {
        if (!earlier.get().chargeId().equals(request.chargeId())
            || earlier.get().amount().compareTo(request.amount()) != 0) {
          throw new IdempotencyKeyReusedException(request.idempotencyKey());
        }
        return new RefundResult(earlier.get().refundId(), earlier.get().amount());
      }
      StoredCharge charge = jdbc.sql("select charge_id, card_token, amount, currency, approved, "
              + "decline_code from embedded_provider_charge where charge_id = ?")
          .param(request.chargeId()).query(StoredCharge.class).optional()
          .filter(StoredCharge::approved)
          .orElseThrow(() -> new PaymentProviderException("no approved charge to refund"));
      BigDecimal refunded = jdbc.sql("select coalesce(sum(amount), 0) from "
              + "embedded_provider_refund where charge_id = ?")
          .param(request.chargeId()).query(BigDecimal.class).single();
      BigDecimal left = charge.amount().subtract(refunded);
      if (request.amount().signum() <= 0 || request.amount().compareTo(left) > 0
          || !charge.currency().equals(request.currency())) {
        throw new PaymentProviderException("refund of " + request.amount() + " "
            + request.currency() + " exceeds what is left of the charge");
      }
      String refundId = "re_" + UUID.randomUUID().toString().replace("-", "");
      jdbc.sql("insert into embedded_provider_refund (idempotency_key, refund_id, charge_id, "
              + "amount, currency, created_at) values (?, ?, ?, ?, ?, ?)")
          .params(request.idempotencyKey(), refundId, request.chargeId(), request.amount(),
              request.currency(), now())
          .update();
      log.info("Refund {} of {} {} on charge {}", refundId, request.amount(),
          request.currency(), request.chargeId());
      return new RefundResult(refundId, request.amount());
    });
  }

  private static OffsetDateTime now() {
    return EngineClock.now().atOffset(ZoneOffset.UTC);
  }

  /** A charge as the embedded provider records it, keyed by the caller's idempotency key. */
  record StoredCharge(String chargeId, String cardToken, BigDecimal amount, String currency,
      boolean approved, String declineCode) {

    boolean sameChargeAs(ChargeRequest request) {
      return cardToken.equals(request.cardToken()) && amount.compareTo(request.amount()) == 0
          && currency.equals(request.currency());
    }

    ChargeResult result() {
      return new ChargeResult(chargeId, approved,
          declineCode == null ? null : DeclineCode.fromCode(declineCode));
    }
  }

  /** A refund as the embedded provider records it. */
  record StoredRefund(String refundId, String chargeId, BigDecimal amount) {}
}
