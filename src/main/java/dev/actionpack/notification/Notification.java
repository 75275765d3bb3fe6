package dev.actionpack.notification;

import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import dev.actionpack.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message delivered to a partner's inbox, rendered in the partner's language. */
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

  @Column(nullable = false, length = 4000)
  private String body;

  /** The order or subscription number the message is about. */
  @Column(nullable = false)
  private String reference;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Notification() {}

  Notification(UUID partnerId, NotificationKind kind, String locale, String subject, String body,
      String reference) {
    this.id = UUID.randomUUID();
    this.partnerId = partnerId;
    this.kind = kind;
    this.locale = locale;
    this.subject = subject;
    this.body = body;
    this.reference = reference;
    this.createdAt = EngineClock.now();
  }

  @Override
  public UUID getId() {
    return id;
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

  public Instant getCreatedAt() {
    return createdAt;
  }
}
