package dev.actionpack.payment;

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

/** A saved card: the provider's token and what a person recognises it by, nothing more (R6). */
@Entity
@Table(name = "payment_method")
public class PaymentMethod extends AssignedIdEntity<UUID> {

  @Id
  private UUID id;

  @Column(name = "partner_id", nullable = false)
  private UUID partnerId;

  @Column(name = "provider_token", nullable = false)
  private String providerToken;

  /** The provider's customer the card is kept for (Stripe), null for the embedded provider. */
  @Column(name = "provider_customer")
  private String providerCustomer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CardBrand brand;

  @Column(name = "last_four", nullable = false)
  private String lastFour;

  @Column(name = "expiry_month", nullable = false)
  private int expiryMonth;

  @Column(name = "expiry_year", nullable = false)
  private int expiryYear;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When the provider last told us the card's details changed (its event's time), if ever. */
  @Column(name = "details_as_of")
  private Instant detailsAsOf;

  protected PaymentMethod() {}

  PaymentMethod(UUID partnerId, PaymentGateway.CardToken token) {
    this.id = UUID.randomUUID();
    this.partnerId = partnerId;
    this.providerToken = token.token();
    this.providerCustomer = token.customerId();
    this.brand = token.brand();
    this.lastFour = token.lastFour();
    this.expiryMonth = token.expiryMonth();
    this.expiryYear = token.expiryYear();
    this.createdAt = EngineClock.now();
  }

  @Override
  public UUID getId() {
    return id;
  }

  public UUID getPartnerId() {
    return partnerId;
  }

  public String getProviderToken() {
    return providerToken;
  }

  public String getProviderCustomer() {
    return providerCustomer;
  }

  public CardBrand getBrand() {
    return brand;
  }

  public String getLastFour() {
    return lastFour;
  }

  public int getExpiryMonth() {
    return expiryMonth;
  }

  public int getExpiryYear() {
    return expiryYear;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * Takes the card's new details from the provider (a bank sent a new expiry date, say), unless
   * they are older than the ones it has: provider events can arrive out of order.
   */
  public boolean updateDetails(CardBrand brand, String lastFour, int expiryMonth, int expiryYear,
      Instant asOf) {
    if (detailsAsOf != null && !asOf.isAfter(detailsAsOf)) {
      return false;
    }
    this.brand = brand;
    this.lastFour = lastFour;
    this.expiryMonth = expiryMonth;
    this.expiryYear = expiryYear;
    this.detailsAsOf = asOf;
    return true;
  }

  public boolean isExpired() {
    return CardNumbers.isPast(expiryYear, expiryMonth);
  }

  /** "VISA •••• 4242", as notifications and Cockpit show it. */
  public String display() {
    return brand + " **** " + lastFour;
  }
}
