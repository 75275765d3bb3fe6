package dev.actionpack.order;

import dev.actionpack.payment.NewCard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A purchase as the partner submits it: the offer and its price as reviewed, the accepted terms
 * (R3), and either a saved payment method or a new card.
 */
public record PurchaseRequest(
    @NotBlank(message = "is required") @Size(max = 40, message = "is longer than 40 characters")
    String offerCode,
    @NotNull(message = "is required: the terms for internal-use rights must be accepted")
    @AssertTrue(message = "must be true: the terms for internal-use rights must be accepted")
    Boolean termsAccepted,
    @NotBlank(message = "is required: the version of the terms that were accepted")
    @Size(max = 40, message = "is longer than 40 characters") String termsVersion,
    UUID paymentMethodId,
    @Valid NewCard card,
    @NotNull(message = "is required: the price shown when the order was reviewed")
    @Valid ReviewedPrice reviewedPrice) {

  /**
   * The price as reviewed. The amount is bounded before anything else looks at it: at most the
   * currency's two decimals and a sane magnitude.
   */
  public record ReviewedPrice(
      @NotNull(message = "is required")
      @Digits(integer = 7, fraction = 2, message = "must have at most 7 digits and 2 decimals")
      @DecimalMin(value = "0", message = "must not be negative") BigDecimal amount,
      @NotBlank(message = "is required")
      @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter currency code")
      String currency) {}
}
