package dev.actionpack.support;

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

/** One step of a request's history, as the partner sees it. */
@Entity
@Table(name = "service_request_event")
public class ServiceRequestEvent extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(name = "service_request_id", nullable = false)
  private UUID serviceRequestId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ServiceRequestStatus status;

  private String note;

  @Column(nullable = false)
  private Instant at;

  protected ServiceRequestEvent() {}

  ServiceRequestEvent(UUID serviceRequestId, ServiceRequestStatus status, String note) {
    this.id = UUID.randomUUID();
    this.serviceRequestId = serviceRequestId;
    this.status = status;
    this.note = note;
    this.at = EngineClock.now();
  }

  @Override
  public UUID getId() {
    return id;
  }

  public ServiceRequestStatus getStatus() {
    return status;
  }

  public String getNote() {
    return note;
  }

  public Instant getAt() {
    return at;
  }
}
