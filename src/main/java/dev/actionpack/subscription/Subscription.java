package dev.actionpack.subscription;

import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import dev.actionpack.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A partner's Action Pack subscription and its current term. */
@Entity
@Table(name = "subscription")
public class Subscription extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(nullable = false, unique = true)
  private String number;

  @Column(name = "partner_id", nullable = false)
  private UUID partnerId;

  /**
   * Set to the partner's id while the subscription is live and cleared when it is closed: a
   * unique column that makes R2 hold in the database, on H2 and PostgreSQL alike.
   */
  @Column(name = "live_partner_id", unique = true)
  private UUID livePartnerId;

  @Column(name = "offer_code", nullable = false)
  private String offerCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SubscriptionStatus status;

  /** The anniversary anchor: every term end is computed from it (R5). */
  @Column(nullable = false)
  private Instant anchor;

  @Column(name = "term_number", nullable = false)
  private int termNumber;

  @Column(name = "term_start", nullable = false)
  private Instant termStart;

  @Column(name = "term_end", nullable = false)
  private Instant termEnd;

  @Column(name = "auto_renewal", nullable = false)
  private boolean autoRenewal;

  @Column(name = "payment_method_id", nullable = false)
  private UUID paymentMethodId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected Subscription() {}

  /** A new subscription whose first term starts now, with auto-renewal on. */
  static Subscription activate(String number, UUID partnerId, String offerCode,
      UUID paymentMethodId) {
    Subscription subscription = new Subscription();
    Instant now = EngineClock.now();
    subscription.id = UUID.randomUUID();
    subscription.number = number;
    subscription.partnerId = partnerId;
    subscription.livePartnerId = partnerId;
    subscription.offerCode = offerCode;
    subscription.status = SubscriptionStatus.ACTIVE;
    subscription.anchor = now;
    subscription.termNumber = 1;
    subscription.termStart = now;
    subscription.termEnd = TermCalendar.termEnd(now, 1);
    subscription.autoRenewal = true;
    subscription.paymentMethodId = paymentMethodId;
    subscription.createdAt = now;
    return subscription;
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

  public String getOfferCode() {
    return offerCode;
  }

  public SubscriptionStatus getStatus() {
    return status;
  }

  public Instant getAnchor() {
    return anchor;
  }

  public int getTermNumber() {
    return termNumber;
  }

  public Instant getTermStart() {
    return termStart;
  }

  public Instant getTermEnd() {
    return termEnd;
  }

  public boolean isAutoRenewal() {
    return autoRenewal;
  }

  public UUID getPaymentMethodId() {
    return paymentMethodId;
  }
}
