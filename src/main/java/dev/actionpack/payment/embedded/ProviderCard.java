package dev.actionpack.payment.embedded;

import dev.actionpack.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The embedded provider's vault entry: a token and what the card does, not the card. */
@Entity
@Table(name = "embedded_provider_card")
class ProviderCard extends AssignedIdEntity<String> {

  @Id
  private String token;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TestCardBehaviour behaviour;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ProviderCard() {}

  ProviderCard(String token, TestCardBehaviour behaviour, Instant createdAt) {
    this.token = token;
    this.behaviour = behaviour;
    this.createdAt = createdAt;
  }

  TestCardBehaviour getBehaviour() {
    return behaviour;
  }

  @Override
  public String getId() {
    return token;
  }
}
