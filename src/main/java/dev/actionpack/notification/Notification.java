package dev.actionpack.notification;

import dev.actionpack.persistence.AssignedIdEntity;
import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message to a partner, rendered in the partner's language and kept in its inbox. */
@Entity
@Table(name = "notification")
public class Notification extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(name = "partner_id", nullable = false)
  private UUID partnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NotificationKind kind;

  @Column(nullable = false)
  private String locale;

  @Column(nullable = false)
  private String subject;

  /** The template's text with its values, an agent's note of up to 4000 characters among them. */
  @Column(nullable = false, length = 8000)
  private String body;

  /** The request, subscription or order number the message is about. */
  @Column(nullable = false)
  private String reference;

  /** The send step that wrote it; unique, so a retried step never writes it twice. */
  @Column(name = "dedupe_key", unique = true)
  private String dedupeKey;

  @Column(name = "email_to")
  private String emailTo;

  @Column(name = "emailed_at")
  private Instant emailedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Notification() {}

  Notification(UUID partnerId, NotificationKind kind, String locale, String subject, String body,
      String reference, String dedupeKey) {
    this.id = UUID.randomUUID();
    this.partnerId = partnerId;
    this.kind = kind;
    this.locale = locale;
    this.subject = subject;
    this.body = body;
    this.reference = reference;
    this.dedupeKey = dedupeKey;
    this.createdAt = EngineClock.now();
  }

  void emailed(String to) {
    this.emailTo = to;
    this.emailedAt = EngineClock.now();
  }

  @Override
  public UUID getId() {
    return id;
  }

  public UUID getPartnerId() {
    return partnerId;
  }

  public NotificationKind getKind() {
    return kind;
  }

  public String getLocale() {
    return locale;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getReference() {
    return reference;
  }

  public String getDedupeKey() {
    return dedupeKey;
  }

  public Instant getEmailedAt() {
    return emailedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
