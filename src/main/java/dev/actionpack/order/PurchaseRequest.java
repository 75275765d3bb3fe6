package dev.actionpack.order;

import dev.actionpack.payment.CardDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A purchase as the partner submits it: the offer and its price as reviewed, the accepted terms
 * (R3), and either a saved payment method or a new card.
 */
public record PurchaseRequest(
    @NotBlank(message = "is required") String offerCode,
    @NotNull(message = "is required: the terms for internal-use rights must be accepted")
    @AssertTrue(message = "must be true: the terms for internal-use rights must be accepted")
    Boolean termsAccepted,
    @NotBlank(message = "is required: the version of the terms that were accepted")
    String termsVersion,
    UUID paymentMethodId,
    @Valid CardDetails card,
    @NotNull(message = "is required: the price shown when the order was reviewed")
    @Valid ReviewedPrice reviewedPrice) {

  public record ReviewedPrice(
      @NotNull(message = "is required") BigDecimal amount,
      @NotBlank(message = "is required") String currency) {}
}
