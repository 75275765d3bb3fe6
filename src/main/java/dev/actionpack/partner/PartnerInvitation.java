package dev.actionpack.partner;

import dev.actionpack.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one-time link an invited partner user sets its password with. It works once, until it
 * expires; inviting the user again replaces the token, so an older link stops working.
 */
@Entity
@Table(name = "partner_invitation")
public class PartnerInvitation extends AssignedIdEntity<String> {

  @Id
  private String username;

  @Column(nullable = false)
  private String email;

  /** Hex SHA-256 of the token; the token itself is in the link and nowhere else. */
  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "invited_at", nullable = false)
  private Instant invitedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  protected PartnerInvitation() {}

  PartnerInvitation(String username, String email, String tokenHash, Instant invitedAt,
      Instant expiresAt) {
    this.username = username;
    this.replace(email, tokenHash, invitedAt, expiresAt);
  }

  /** A new token (and perhaps a new address) for an invitation not yet accepted. */
  void replace(String email, String tokenHash, Instant invitedAt, Instant expiresAt) {
    this.email = email;
    this.tokenHash = tokenHash;
    this.invitedAt = invitedAt;
    this.expiresAt = expiresAt;
  }

  boolean usableAt(Instant now) {
    return acceptedAt == null && now.isBefore(expiresAt);
  }

  void accept(Instant at) {
    this.acceptedAt = at;
  }

  @Override
  public String getId() {
    return username;
  }

  public String getEmail() {
    return email;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }
}
