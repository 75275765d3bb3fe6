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

/** The durable record of one charge attempt and the provider's answer. */
@Entity
@Table(name = "payment_charge")
public class Charge extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(name = "order_id", nullable = false)
  private UUID orderId;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(name = "provider_charge_id", nullable = false)
  private String providerChargeId;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(nullable = false)
  private boolean approved;

  @Column(name = "decline_code")
  private String declineCode;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Charge() {}

  public Charge(UUID orderId, PaymentGateway.ChargeRequest request,
      PaymentGateway.ChargeResult result) {
    this.id = UUID.randomUUID();
    this.orderId = orderId;
    this.idempotencyKey = request.idempotencyKey();
    this.providerChargeId = result.chargeId();
    this.amount = request.amount();
    this.currency = request.currency();
    this.approved = result.approved();
    this.declineCode = result.declineCode() == null ? null : result.declineCode().code();
    this.createdAt = EngineClock.now();
  }

  public String getProviderChargeId() {
    return providerChargeId;
  }

  public boolean isApproved() {
    return approved;
  }

  public UUID getOrderId() {
    return orderId;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public UUID getId() {
    return id;
  }
}
