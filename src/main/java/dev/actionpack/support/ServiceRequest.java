package dev.actionpack.support;

import dev.actionpack.persistence.AssignedIdEntity;
import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A partner's service request to Partner Center Support (R15–R18). */
@Entity
@Table(name = "service_request")
public class ServiceRequest extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(nullable = false, unique = true)
  private String number;

  @Column(name = "partner_id", nullable = false)
  private UUID partnerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "problem_type", nullable = false)
  private ProblemType problemType;

  @Column(name = "subscription_number", nullable = false)
  private String subscriptionNumber;

  @Column(nullable = false, length = 4000)
  private String description;

  @Column(name = "contact_name", nullable = false)
  private String contactName;

  @Column(name = "contact_email", nullable = false)
  private String contactEmail;

  @Column(name = "contact_phone", nullable = false)
  private String contactPhone;

  @Column(name = "contact_language", nullable = false)
  private String contactLanguage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ServiceRequestStatus status;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  /** NONE or PRORATED. */
  private String refund;

  @Column(name = "refunded_amount")
  private BigDecimal refundedAmount;

  @Column(name = "resolution_note", length = 4000)
  private String resolutionNote;

  @Column(name = "escalated_at")
  private Instant escalatedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Version
  private long version;

  protected ServiceRequest() {}

  ServiceRequest(String number, UUID partnerId, ProblemType problemType,
      String subscriptionNumber, String description, Contact contact) {
    this.id = UUID.randomUUID();
    this.number = number;
    this.partnerId = partnerId;
    this.problemType = problemType;
    this.subscriptionNumber = subscriptionNumber;
    this.description = description;
    this.contactName = contact.name();
    this.contactEmail = contact.email();
    this.contactPhone = contact.phone();
    this.contactLanguage = contact.preferredLanguage();
    this.status = ServiceRequestStatus.OPEN;
    this.createdAt = EngineClock.now();
  }

  /** Moves to {@code next}; a closed request stays closed. Returns whether it changed. */
  boolean moveTo(ServiceRequestStatus next) {
    if (status == ServiceRequestStatus.CLOSED || status == next) {
      return false;
    }
    status = next;
    return true;
  }

  /** Closes with the resolution; a closed request is never closed again (R16). */
  void close(Outcome outcome, String refund, BigDecimal refundedAmount, String note) {
    if (status == ServiceRequestStatus.CLOSED) {
      throw new IllegalStateException("service request " + number + " is closed already");
    }
    this.outcome = outcome;
    this.refund = refund;
    this.refundedAmount = refundedAmount;
    this.resolutionNote = note;
    this.status = ServiceRequestStatus.CLOSED;
    this.closedAt = EngineClock.now();
  }

  void refunded(BigDecimal amount) {
    this.refundedAmount = amount;
  }

  void escalated() {
    this.escalatedAt = EngineClock.now();
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

  public ProblemType getProblemType() {
    return problemType;
  }

  public String getSubscriptionNumber() {
    return subscriptionNumber;
  }

  public String getDescription() {
    return description;
  }

  public Contact getContact() {
    return new Contact(contactName, contactEmail, contactPhone, contactLanguage);
  }

  public ServiceRequestStatus getStatus() {
    return status;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getRefund() {
    return refund;
  }

  public BigDecimal getRefundedAmount() {
    return refundedAmount;
  }

  public String getResolutionNote() {
    return resolutionNote;
  }

  public Instant getEscalatedAt() {
    return escalatedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
