package dev.actionpack.offer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An offer of the catalog, such as Action Pack: its annual price and what it grants. */
@Entity
@Table(name = "offer")
public class Offer {

  public static final String ACTION_PACK = "ACTION_PACK";

  @Id
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "annual_price", nullable = false)
  private BigDecimal annualPrice;

  @Column(nullable = false)
  private String currency;

  /** Version of the terms for internal-use rights a purchase must accept (R3). */
  @Column(name = "terms_version", nullable = false)
  private String termsVersion;

  @Column(nullable = false)
  private boolean active;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "offer_benefit", joinColumns = @JoinColumn(name = "offer_code"))
  @OrderColumn(name = "sort_order")
  private List<Benefit> benefits = new ArrayList<>();

  protected Offer() {}

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public BigDecimal getAnnualPrice() {
    return annualPrice;
  }

  public String getCurrency() {
    return currency;
  }

  public String getTermsVersion() {
    return termsVersion;
  }

  public boolean isActive() {
    return active;
  }

  public List<Benefit> getBenefits() {
    return List.copyOf(benefits);
  }

  /** The price as a person reads it, for Cockpit and notifications. */
  public String displayPrice() {
    return annualPrice.toPlainString() + " " + currency;
  }
}
