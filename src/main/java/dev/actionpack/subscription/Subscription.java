package dev.actionpack.subscription;

import dev.actionpack.benefit.BenefitService;
import dev.actionpack.offer.TermCalendar;
import dev.actionpack.persistence.AssignedIdEntity;
import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
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

  /** The term at which the anchor was set: 1, or the first term after a lapse (R13). */
  @Column(name = "anchor_term_number", nullable = false)
  private int anchorTermNumber;

  /** Counts every term of the subscription's life; renewal charge keys use it (R7). */
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

  @Column(name = "expired_at")
  private Instant expiredAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

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
    subscription.paymentMethodId = paymentMethodId;
    subscription.createdAt = now;
    subscription.termNumber = 0;
    subscription.startAnchoredTerm(now);
    return subscription;
  }

  /** The end of term {@code term}, computed from the anchor (R5). */
  public Instant endOfTerm(int term) {
    return TermCalendar.termEnd(anchor, term - anchorTermNumber + 1);
  }

  /** The next term, paid and starting at the current term's end: the anchor is kept (R9). */
  void renewOnAnniversary() {
    require(status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE,
        "renew");
    termNumber++;
    termStart = termEnd;
    termEnd = endOfTerm(termNumber);
    status = SubscriptionStatus.ACTIVE;
  }

  /**
   * A manual renewal (R13): before the term end, or while past due, the next term follows the
   * current one on the anniversary and no day is lost; after a lapse the new term starts now
   * and now is the new anchor. Either way auto-renewal is on again.
   */
  void replacePaymentMethod(UUID paymentMethodId) {
    this.paymentMethodId = paymentMethodId;
  }

  void renewManually(UUID paymentMethodId) {
    this.paymentMethodId = paymentMethodId;
    boolean lapsed = status == SubscriptionStatus.EXPIRED || status == SubscriptionStatus.CLOSED;
    if (lapsed) {
      startAnchoredTerm(EngineClock.now());
    } else {
      renewOnAnniversary();
    }
    autoRenewal = true;
  }

  private void startAnchoredTerm(Instant now) {
    termNumber++;
    anchor = now;
    anchorTermNumber = termNumber;
    termStart = now;
    termEnd = endOfTerm(termNumber);
    autoRenewal = true;
    status = SubscriptionStatus.ACTIVE;
    expiredAt = null;
    livePartnerId = partnerId;
  }

  /** Auto-renewal off (R10); turning it on again is only possible by a manual renewal. */
  void turnOffAutoRenewal() {
    require(status == SubscriptionStatus.ACTIVE && autoRenewal, "turn off auto-renewal of");
    autoRenewal = false;
  }

  void markPastDue() {
    require(status == SubscriptionStatus.ACTIVE, "mark past due");
    status = SubscriptionStatus.PAST_DUE;
  }

  void expire() {
    require(status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE,
        "expire");
    status = SubscriptionStatus.EXPIRED;
    expiredAt = EngineClock.now();
    // nothing renews it any more; only a manual renewal (R13) turns it on again
    autoRenewal = false;
  }

  /** The grace window is over: closed for good, the partner may subscribe anew (R14). */
  void close() {
    require(status == SubscriptionStatus.EXPIRED, "close");
    status = SubscriptionStatus.CLOSED;
    livePartnerId = null;
    autoRenewal = false;
  }

  /**
   * Cancelled by support now (R16): benefits end, no renewal ever again, and the partner may
   * subscribe anew. False when it was already cancelled or closed.
   */
  boolean cancel() {
    if (status == SubscriptionStatus.CANCELLED || status == SubscriptionStatus.CLOSED) {
      return false;
    }
    status = SubscriptionStatus.CANCELLED;
    cancelledAt = EngineClock.now();
    autoRenewal = false;
    livePartnerId = null;
    return true;
  }

  /** Whether a manual renewal is allowed now, and if not, why (R13). */
  public String manualRenewalRefusal(Duration graceWindow) {
    return switch (status) {
      case ACTIVE -> autoRenewal ? "auto-renewal is on: the subscription renews by itself on "
          + termEnd + "; turn auto-renewal off first to renew manually" : null;
      case PAST_DUE -> null;
      case EXPIRED -> EngineClock.now().isBefore(expiredAt.plus(graceWindow)) ? null
          : "the grace window after expiry is over; subscribe anew";
      case CANCELLED, CLOSED -> "the subscription is " + status.name().toLowerCase()
          + "; subscribe anew";
    };
  }

  private void require(boolean allowed, String action) {
    if (!allowed) {
      throw new IllegalStateException("cannot " + action + " subscription " + number
          + " while it is " + status + (autoRenewal ? " with" : " without") + " auto-renewal");
    }
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

  /** What the benefits need to know of this subscription (R8). */
  public BenefitService.Holder benefitHolder() {
    return new BenefitService.Holder(id, number, offerCode, anchor);
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

  /** The first term counted from the anchor: a manual renewal after a lapse starts a new one. */
  public int getAnchorTermNumber() {
    return anchorTermNumber;
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

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public Instant getExpiredAt() {
    return expiredAt;
  }
}
