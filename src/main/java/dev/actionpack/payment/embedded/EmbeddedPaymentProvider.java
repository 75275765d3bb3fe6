package dev.actionpack.payment.embedded;

import dev.actionpack.payment.CardDeclinedException;
import dev.actionpack.payment.CardDetails;
import dev.actionpack.payment.CardNumbers;
import dev.actionpack.payment.DeclineCode;
import dev.actionpack.payment.IdempotencyKeyReusedException;
import dev.actionpack.payment.PaymentGateway;
import dev.actionpack.payment.PaymentProviderException;
import dev.actionpack.process.EngineClock;
import java.math.BigDecimal;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment provider inside the application, for local runs and tests. It behaves like a remote
 * one: its records commit in their own transaction (a charge stays made even when the caller's
 * transaction rolls back), and an idempotency key returns the first result for good (R7).
 */
@Component
@ConditionalOnProperty(name = "actionpack.payment.provider", havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedPaymentProvider implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPaymentProvider.class);

  private final ProviderCardRepository cards;
  private final ProviderChargeRepository charges;
  private final ProviderRefundRepository refunds;
  private final TransactionTemplate ownTransaction;

  EmbeddedPaymentProvider(ProviderCardRepository cards, ProviderChargeRepository charges,
      ProviderRefundRepository refunds, PlatformTransactionManager transactionManager) {
    this.cards = cards;
    this.charges = charges;
    this.refunds = refunds;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public CardToken tokenize(CardDetails card) {
    String digits = card.digits();
    TestCardBehaviour behaviour = TestCardBehaviour.ofTestCard(digits);
    if (behaviour.refusedWhenStored != null) {
      throw new CardDeclinedException(behaviour.refusedWhenStored);
    }
    String token = "tok_" + UUID.randomUUID().toString().replace("-", "");
    ownTransaction.executeWithoutResult(status ->
        cards.save(new ProviderCard(token, behaviour, EngineClock.now())));
    return new CardToken(token, CardNumbers.brandOf(digits), card.lastFour(),
        card.expiryMonth(), card.expiryYear());
  }

  @Override
  public ChargeResult charge(ChargeRequest request) {
    try {
      return ownTransaction.execute(status -> chargeOnce(request));
    } catch (DataIntegrityViolationException concurrentSameKey) {
      // another thread charged with this key between our read and insert: its result stands
      return ownTransaction.execute(status -> chargeOnce(request));
    }
  }

  private ChargeResult chargeOnce(ChargeRequest request) {
    var earlier = charges.findById(request.idempotencyKey());
    if (earlier.isPresent()) {
      ProviderCharge charge = earlier.get();
      if (!charge.sameChargeAs(request.cardToken(), request.amount(), request.currency())) {
        throw new IdempotencyKeyReusedException(request.idempotencyKey());
      }
      log.info("Replayed charge {} for idempotency key {}", charge.getChargeId(),
          request.idempotencyKey());
      return result(charge);
    }
    ProviderCard card = cards.findById(request.cardToken())
        .orElseThrow(() -> new PaymentProviderException("unknown card token"));
    if (card.getBehaviour() == TestCardBehaviour.PROCESSING_ERROR) {
      throw new PaymentProviderException("processing error at the provider");
    }
    DeclineCode decline = card.getBehaviour().declinedWhenCharged;
    ProviderCharge charge = charges.saveAndFlush(new ProviderCharge(request.idempotencyKey(),
        "ch_" + UUID.randomUUID().toString().replace("-", ""), request.cardToken(),
        request.amount(), request.currency(), decline == null,
        decline == null ? null : decline.code(), EngineClock.now()));
    log.info("Charge {} of {} {}: {}", charge.getChargeId(), request.amount(),
        request.currency(), decline == null ? "approved" : "declined " + decline.code());
    return result(charge);
  }

  @Override
  public RefundResult refund(RefundRequest request) {
    return ownTransaction.execute(status -> {
      var earlier = refunds.findById(request.idempotencyKey());
      if (earlier.isPresent()) {
        if (!earlier.get().getChargeId().equals(request.chargeId())
            || earlier.get().getAmount().compareTo(request.amount()) != 0) {
          throw new IdempotencyKeyReusedException(request.idempotencyKey());
        }
        return new RefundResult(earlier.get().getRefundId(), earlier.get().getAmount());
      }
      ProviderCharge charge = charges.findByChargeId(request.chargeId())
          .filter(ProviderCharge::isApproved)
          .orElseThrow(() -> new PaymentProviderException("no approved charge to refund"));
      BigDecimal left = charge.getAmount().subtract(refunds.refundedOf(request.chargeId()));
      if (request.amount().signum() <= 0 || request.amount().compareTo(left) > 0
          || !charge.getCurrency().equals(request.currency())) {
        throw new PaymentProviderException("refund of " + request.amount() + " "
            + request.currency() + " exceeds what is left of the charge");
      }
      ProviderRefund refund = refunds.saveAndFlush(new ProviderRefund(request.idempotencyKey(),
          "re_" + UUID.randomUUID().toString().replace("-", ""), request.chargeId(),
          request.amount(), request.currency(), EngineClock.now()));
      log.info("Refund {} of {} {} on charge {}", refund.getRefundId(), request.amount(),
          request.currency(), request.chargeId());
      return new RefundResult(refund.getRefundId(), refund.getAmount());
    });
  }

  private static ChargeResult result(ProviderCharge charge) {
    return new ChargeResult(charge.getChargeId(), charge.isApproved(),
        charge.getDeclineCode() == null ? null : DeclineCode.fromCode(charge.getDeclineCode()));
  }
}
