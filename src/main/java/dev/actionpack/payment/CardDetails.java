package dev.actionpack.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A card as the partner types it. It only passes through to the provider: never stored, never
 * logged ({@link #toString()} masks it), never echoed in an error (R6).
 */
public record CardDetails(
    @NotBlank(message = "is required") @Size(max = 30, message = "is longer than 30 characters")
    String number,
    @NotNull(message = "is required") Integer expiryMonth,
    @NotNull(message = "is required") Integer expiryYear,
    @NotBlank(message = "is required") @Size(max = 4, message = "is longer than 4 digits")
    String cvc,
    @Size(max = 200, message = "is longer than 200 characters")
    @Pattern(regexp = "[^\\r\\n\\t]*", message = "must be on one line") String holderName)
    implements NewCard {

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
