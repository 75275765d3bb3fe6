package dev.actionpack.payment;

import dev.actionpack.persistence.AssignedIdEntity;
import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The durable record of a refund of an order's charge. */
@Entity
@Table(name = "payment_refund")
public class Refund extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(name = "order_id", nullable = false)
  private UUID orderId;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(name = "provider_refund_id", nullable = false)
  private String providerRefundId;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Refund() {}

  public Refund(UUID orderId, PaymentGateway.RefundRequest request,
      PaymentGateway.RefundResult result) {
    this.id = UUID.randomUUID();
    this.orderId = orderId;
    this.idempotencyKey = request.idempotencyKey();
    this.providerRefundId = result.refundId();
    this.amount = result.amount();
    this.currency = request.currency();
    this.createdAt = EngineClock.now();
  }

  @Override
  public UUID getId() {
    return id;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public UUID getOrderId() {
    return orderId;
  }

  public String getProviderRefundId() {
    return providerRefundId;
  }

  public String getCurrency() {
    return currency;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
