package dev.actionpack.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A card as the partner types it. It only passes through to the provider: never stored, never
 * logged ({@link #toString()} masks it), never echoed in an error (R6).
 */
public record CardDetails(
    @NotBlank(message = "is required") String number,
    @NotNull(message = "is required") Integer expiryMonth,
    @NotNull(message = "is required") Integer expiryYear,
    @NotBlank(message = "is required") String cvc,
    String holderName) {

  /** The number without the spaces or dashes people type between groups. */
  public String digits() {
    return number == null ? "" : number.replaceAll("[\\s-]", "");
  }

  public String lastFour() {
    String digits = digits();
    return digits.length() < 4 ? digits : digits.substring(digits.length() - 4);
  }

  @Override
  public String toString() {
    return "CardDetails[**** " + lastFour() + ", " + expiryMonth + "/" + expiryYear + "]";
  }
}
