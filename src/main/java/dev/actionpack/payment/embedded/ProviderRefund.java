package dev.actionpack.payment.embedded;

import dev.actionpack.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A refund as the embedded provider records it, keyed by the caller's idempotency key. */
@Entity
@Table(name = "embedded_provider_refund")
class ProviderRefund extends AssignedIdEntity<String> {

  @Id
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "refund_id", nullable = false, unique = true)
  private String refundId;

  @Column(name = "charge_id", nullable = false)
  private String chargeId;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ProviderRefund() {}

  ProviderRefund(String idempotencyKey, String refundId, String chargeId, BigDecimal amount,
      String currency, Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.refundId = refundId;
    this.chargeId = chargeId;
    this.amount = amount;
    this.currency = currency;
    this.createdAt = createdAt;
  }

  @Override
  public String getId() {
    return idempotencyKey;
  }

  String getRefundId() {
    return refundId;
  }

  String getChargeId() {
    return chargeId;
  }

  BigDecimal getAmount() {
    return amount;
  }
}
