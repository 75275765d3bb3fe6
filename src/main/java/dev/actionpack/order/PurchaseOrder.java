package dev.actionpack.order;

import dev.actionpack.offer.Offer;
import dev.actionpack.persistence.AssignedIdEntity;
import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order as the partner reviewed it, with the terms they accepted (R3) and its outcome. */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(nullable = false, unique = true)
  private String number;

  @Column(name = "partner_id", nullable = false)
  private UUID partnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrderKind kind;

  @Column(name = "offer_code", nullable = false)
  private String offerCode;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "payment_method_id", nullable = false)
  private UUID paymentMethodId;

  /** The accepted terms (R3); an automatic renewal has no terms step and none. */
  @Column(name = "terms_version")
  private String termsVersion;

  @Column(name = "terms_accepted_at")
  private Instant termsAcceptedAt;

  /** The subscription this order creates; allocated up front as the process's business key. */
  @Column(name = "subscription_number", nullable = false)
  private String subscriptionNumber;

  /** Idempotency key of the charge: scoped to this operation (R7). */
  @Column(name = "charge_key", nullable = false, unique = true)
  private String chargeKey;

  /** The client's Idempotency-Key header, if it sent one. */
  @Column(name = "request_key")
  private String requestKey;

  @Column(name = "request_fingerprint")
  private String requestFingerprint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrderStatus status;

  @Column(name = "charge_id")
  private String chargeId;

  @Column(name = "decline_code")
  private String declineCode;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected PurchaseOrder() {}

  /** An order the partner placed: a purchase or a manual renewal, with accepted terms. */
  static PurchaseOrder placedByPartner(OrderKind kind, String number, UUID partnerId,
      Offer offer, UUID paymentMethodId, String subscriptionNumber, String requestKey,
      String requestFingerprint) {
    PurchaseOrder order = new PurchaseOrder(kind, number, partnerId, offer, paymentMethodId,
        subscriptionNumber, "order-");
    order.termsVersion = offer.getTermsVersion();
    order.termsAcceptedAt = order.createdAt;
    order.requestKey = requestKey;
    order.requestFingerprint = requestFingerprint;
    return order;
  }

  /**
   * An automatic renewal charge, keyed by subscription, term and attempt (R7): a retried job
   * finds the same order and the provider replays the same charge.
   */
  static PurchaseOrder autoRenewal(String number, UUID partnerId, Offer offer,
      UUID paymentMethodId, String subscriptionNumber, String chargeKey) {
    PurchaseOrder order = new PurchaseOrder(OrderKind.AUTO_RENEWAL, number, partnerId, offer,
        paymentMethodId, subscriptionNumber, null);
    order.chargeKey = chargeKey;
    return order;
  }

  private PurchaseOrder(OrderKind kind, String number, UUID partnerId, Offer offer,
      UUID paymentMethodId, String subscriptionNumber, String chargeKeyPrefix) {
    this.id = UUID.randomUUID();
    this.kind = kind;
    this.number = number;
    this.partnerId = partnerId;
    this.offerCode = offer.getCode();
    this.amount = offer.getAnnualPrice();
    this.currency = offer.getCurrency();
    this.paymentMethodId = paymentMethodId;
    this.subscriptionNumber = subscriptionNumber;
    this.chargeKey = chargeKeyPrefix == null ? null : chargeKeyPrefix + id;
    this.status = OrderStatus.PENDING;
    this.createdAt = EngineClock.now();
  }

  public void charged(String chargeId) {
    this.chargeId = chargeId;
  }

  public void confirm() {
    requirePending();
    this.status = OrderStatus.CONFIRMED;
    this.completedAt = EngineClock.now();
  }

  public void decline(String declineCode) {
    requirePending();
    this.status = OrderStatus.DECLINED;
    this.declineCode = declineCode;
    this.completedAt = EngineClock.now();
  }

  /** A pending renewal charge that a manual renewal superseded: it will never be charged. */
  public void cancel() {
    requirePending();
    this.status = OrderStatus.CANCELLED;
    this.completedAt = EngineClock.now();
  }

  private void requirePending() {
    if (status != OrderStatus.PENDING) {
      throw new IllegalStateException("order " + number + " is already " + status);
    }
  }

  public String displayAmount() {
    return amount.toPlainString() + " " + currency;
  }

  @Override
  public UUID getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public UUID getPartnerId() {
    return partnerId;
  }

  public OrderKind getKind() {
    return kind;
  }

  public String getOfferCode() {
    return offerCode;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public UUID getPaymentMethodId() {
    return paymentMethodId;
  }

  public String getTermsVersion() {
    return termsVersion;
  }

  public Instant getTermsAcceptedAt() {
    return termsAcceptedAt;
  }

  public String getSubscriptionNumber() {
    return subscriptionNumber;
  }

  public String getChargeKey() {
    return chargeKey;
  }

  public String getRequestFingerprint() {
    return requestFingerprint;
  }

  public OrderStatus getStatus() {
    return status;
  }

  public String getChargeId() {
    return chargeId;
  }

  public String getDeclineCode() {
    return declineCode;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }
}
