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

  /**
   * False while the user is invited and has not chosen a password: it then signs in nowhere,
   * whatever {@link #passwordHash} holds (the hash of a random secret nobody was told).
   */
  @Column(name = "password_set", nullable = false)
  private boolean passwordSet;

  protected PartnerUser() {}

  public PartnerUser(String username, String passwordHash, UUID partnerId) {
    this(username, passwordHash, partnerId, true);
  }

  private PartnerUser(String username, String passwordHash, UUID partnerId,
      boolean passwordSet) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.partnerId = partnerId;
    this.passwordSet = passwordSet;
  }

  /** A user an operator invited: no password of its own until the invitation is accepted. */
  static PartnerUser invited(String username, String unusableHash, UUID partnerId) {
    return new PartnerUser(username, unusableHash, partnerId, false);
  }

  /** The password the user chose when accepting its invitation; from now on it signs in. */
  void choosePassword(String hash) {
    this.passwordHash = hash;
    this.passwordSet = true;
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

  public boolean isPasswordSet() {
    return passwordSet;
  }

  @Override
  public String getId() {
    return username;
  }
}
