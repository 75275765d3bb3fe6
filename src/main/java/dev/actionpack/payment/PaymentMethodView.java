package dev.actionpack.payment;

import java.util.UUID;

/** A saved card as the partner sees it. */
public record PaymentMethodView(UUID id, CardBrand brand, String lastFour, int expiryMonth,
    int expiryYear) {

  public static PaymentMethodView of(PaymentMethod method) {
    return new PaymentMethodView(method.getId(), method.getBrand(), method.getLastFour(),
        method.getExpiryMonth(), method.getExpiryYear());
  }
}
