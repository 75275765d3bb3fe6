package dev.actionpack.benefit;

import dev.actionpack.persistence.AssignedIdEntity;
import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One benefit granted to a subscription: a term benefit, or one month's Azure credit (R8). */
@Entity
@Table(name = "benefit_grant")
public class BenefitGrant extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(name = "subscription_id", nullable = false)
  private UUID subscriptionId;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String description;

  private Integer quantity;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected BenefitGrant() {}

  BenefitGrant(UUID subscriptionId, String code, String description, Integer quantity,
      Instant dueAt) {
    this.id = UUID.randomUUID();
    this.subscriptionId = subscriptionId;
    this.code = code;
    this.description = description;
    this.quantity = quantity;
    this.dueAt = dueAt;
    this.grantedAt = EngineClock.now();
  }

  void revoke() {
    if (revokedAt == null) {
      revokedAt = EngineClock.now();
    }
  }

  @Override
  public UUID getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getDescription() {
    return description;
  }

  public Integer getQuantity() {
    return quantity;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }
}
