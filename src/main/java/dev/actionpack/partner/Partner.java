package dev.actionpack.partner;

import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.persistence.AssignedIdEntity;
import dev.actionpack.process.EngineClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A company in the partner program; only a Network member may buy Action Pack (R1). */
@Entity
@Table(name = "partner")
public class Partner extends AssignedIdEntity<UUID> {

  /**
   * The languages notifications are written in (R19), so the only ones a partner may have: the
   * service's ({@link LocaleFormat#SUPPORTED}).
   */
  public static final List<String> LOCALES = LocaleFormat.tags();

  @Id
  private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "network_member", nullable = false)
  private boolean networkMember;

  /** Language of the partner's notifications: en-US, zh-CN or es-ES (R19). */
  @Column(nullable = false)
  private String locale;

  @Column(nullable = false)
  private String email;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Partner() {}

  public Partner(String name, boolean networkMember, String locale, String email) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.networkMember = networkMember;
    this.locale = locale;
    this.email = email;
    this.createdAt = EngineClock.now();
  }

  /**
   * An operator records that the partner joined or left the Network: a purchase or renewal after
   * this is judged by the new state (R1, R24).
   */
  public void changeMembership(boolean member) {
    this.networkMember = member;
  }

  @Override
  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public boolean isNetworkMember() {
    return networkMember;
  }

  public String getLocale() {
    return locale;
  }

  public String getEmail() {
    return email;
  }
}
