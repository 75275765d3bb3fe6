package dev.actionpack.offer;

import java.util.List;

/**
 * An offer as a partner sees it before buying, with whether this partner may buy it now and, if
 * not, why.
 */
public record OfferView(String code, String name, Money annualPrice, String termsVersion,
    List<Benefit> benefits, boolean purchasable, String notPurchasableReason) {

  public static OfferView of(Offer offer, String notPurchasableReason) {
    return new OfferView(offer.getCode(), offer.getName(),
        new Money(offer.getAnnualPrice(), offer.getCurrency()), offer.getTermsVersion(),
        offer.getBenefits(), notPurchasableReason == null, notPurchasableReason);
  }
}
