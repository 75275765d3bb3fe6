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

/**
 * One step of a request's history, as the partner sees it: what happened ({@link Kind}), which
 * each page words in its reader's language, and the agent's own words when the step has them,
 * kept as written. {@code note} is the step in English, as the API's history gives it.
 */
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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  /** The step's English line: a prefix of at most 30 characters, then the agent's note. */
  @Column(length = NOTE_LENGTH)
  private String note;

  @Column(name = "agent_note", length = 4000)
  private String agentNote;

  @Column(nullable = false)
  private Instant at;

  static final int NOTE_LENGTH = CancellationTaskGuard.NOTE_LENGTH + 100;

  protected ServiceRequestEvent() {}

  /** What happened at a step; the request's status after it follows from it. */
  public enum Kind {
    RECEIVED(ServiceRequestStatus.OPEN),
    RETURNED_TO_QUEUE(ServiceRequestStatus.OPEN),
    AGENT_WORKING(ServiceRequestStatus.IN_PROGRESS),
    WAITING_ON_PARTNER(ServiceRequestStatus.ATTENTION_NEEDED),
    CLOSED(ServiceRequestStatus.CLOSED);

    private final ServiceRequestStatus status;

    Kind(ServiceRequestStatus status) {
      this.status = status;
    }
  }

  ServiceRequestEvent(UUID serviceRequestId, Kind kind, String note, String agentNote) {
    this.id = UUID.randomUUID();
    this.serviceRequestId = serviceRequestId;
    this.kind = kind;
    this.status = kind.status;
    this.note = note;
    this.agentNote = agentNote == null || agentNote.isBlank() ? null : agentNote;
    this.at = EngineClock.now();
  }

  @Override
  public UUID getId() {
    return id;
  }

  public ServiceRequestStatus getStatus() {
    return status;
  }

  public Kind getKind() {
    return kind;
  }

  /** The step in English, for the API. */
  public String getNote() {
    return note;
  }

  /** What the agent wrote at this step, as written; null when the step is the service's own. */
  public String getAgentNote() {
    return agentNote;
  }

  public Instant getAt() {
    return at;
  }
}
