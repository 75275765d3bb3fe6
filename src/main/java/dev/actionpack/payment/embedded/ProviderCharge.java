package dev.actionpack.payment.embedded;

import dev.actionpack.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A charge as the embedded provider records it, keyed by the caller's idempotency key. */
@Entity
@Table(name = "embedded_provider_charge")
class ProviderCharge extends AssignedIdEntity<String> {

  @Id
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "charge_id", nullable = false, unique = true)
  private String chargeId;

  @Column(name = "card_token", nullable = false)
  private String cardToken;

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

  protected ProviderCharge() {}

  ProviderCharge(String idempotencyKey, String chargeId, String cardToken, BigDecimal amount,
      String currency, boolean approved, String declineCode, Instant createdAt) {
    this.idempotencyKey = idempotencyKey;
    this.chargeId = chargeId;
    this.cardToken = cardToken;
    this.amount = amount;
    this.currency = currency;
    this.approved = approved;
    this.declineCode = declineCode;
    this.createdAt = createdAt;
  }

  boolean sameChargeAs(String otherToken, BigDecimal otherAmount, String otherCurrency) {
    return cardToken.equals(otherToken) && amount.compareTo(otherAmount) == 0
        && currency.equals(otherCurrency);
  }

  String getChargeId() {
    return chargeId;
  }

  BigDecimal getAmount() {
    return amount;
  }

  String getCurrency() {
    return currency;
  }

  boolean isApproved() {
    return approved;
  }

  String getDeclineCode() {
    return declineCode;
  }

  @Override
  public String getId() {
    return idempotencyKey;
  }
}
