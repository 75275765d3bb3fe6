package dev.actionpack.partner;

import dev.actionpack.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A key a partner user's programs sign in with instead of the user's password. */
@Entity
@Table(name = "partner_api_key")
public class PartnerApiKey extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(nullable = false)
  private String username;

  @Column(nullable = false)
  private String name;

  /** Hex SHA-256 of the secret; the secret itself is shown once and never stored. */
  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected PartnerApiKey() {}

  PartnerApiKey(UUID id, String username, String name, String secretHash, Instant createdAt) {
    this.id = id;
    this.username = username;
    this.name = name;
    this.secretHash = secretHash;
    this.createdAt = createdAt;
  }

  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  @Override
  public UUID getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getName() {
    return name;
  }

  String getSecretHash() {
    return secretHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }
}
