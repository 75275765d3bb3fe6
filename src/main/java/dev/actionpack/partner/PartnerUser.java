package dev.actionpack.partner;

import dev.actionpack.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person who signs in to the partner API on behalf of one partner. */
@Entity
@Table(name = "partner_user")
public class PartnerUser extends AssignedIdEntity<String> {

  @Id
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "partner_id", nullable = false)
  private UUID partnerId;

  protected PartnerUser() {}

  public PartnerUser(String username, String passwordHash, UUID partnerId) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.partnerId = partnerId;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public UUID getPartnerId() {
    return partnerId;
  }

  @Override
  public String getId() {
    return username;
  }
}
