package dev.actionpack.payment;

import dev.actionpack.process.EngineClock;
import dev.actionpack.domain.Refusal.FieldError;
import dev.actionpack.domain.Refusal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Checks a card before anything is sent to a provider (R6): Luhn, length, expiry, CVC. */
public final class CardNumbers {

  private CardNumbers() {}

  public static boolean isLuhnValid(String digits) {
    if (digits == null || !digits.matches("\\d{13,19}")) {
      return false;
    }
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubleIt) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  public static CardBrand brandOf(String digits) {
    if (digits.startsWith("4")) {
      return CardBrand.VISA;
    }
    if (digits.startsWith("34") || digits.startsWith("37")) {
      return CardBrand.AMEX;
    }
    if (digits.length() >= 4) {
      int prefix2 = Integer.parseInt(digits.substring(0, 2));
      int prefix4 = Integer.parseInt(digits.substring(0, 4));
      if ((prefix2 >= 51 && prefix2 <= 55) || (prefix4 >= 2221 && prefix4 <= 2720)) {
        return CardBrand.MASTERCARD;
      }
      if (digits.startsWith("6011") || digits.startsWith("65")) {
        return CardBrand.DISCOVER;
      }
    }
    return CardBrand.OTHER;
  }

  /**
   * Refuses a card that cannot be charged, naming every field at fault under {@code prefix}
   * (for example {@code card.number}). The values themselves never appear in the problem.
   */
  public static void requireChargeable(CardDetails card, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    String digits = card.digits();
    if (!digits.matches("\\d{13,19}")) {
      errors.add(new FieldError(prefix + ".number", "must be 13 to 19 digits"));
    } else if (!isLuhnValid(digits)) {
      errors.add(new FieldError(prefix + ".number", "is not a valid card number (check digit)"));
    }
    boolean monthValid = card.expiryMonth() >= 1 && card.expiryMonth() <= 12;
    if (!monthValid) {
      errors.add(new FieldError(prefix + ".expiryMonth", "must be between 1 and 12"));
    }
    if (card.expiryYear() < 2000 || card.expiryYear() > 2099) {
      errors.add(new FieldError(prefix + ".expiryYear", "must be a four-digit year"));
    } else if (monthValid && isPast(card.expiryYear(), card.expiryMonth())) {
      errors.add(new FieldError(prefix + ".expiryYear", "the card has expired"));
    }
    int cvcLength = brandOf(digits) == CardBrand.AMEX ? 4 : 3;
    if (!card.cvc().matches("\\d{" + cvcLength + "}")) {
      errors.add(new FieldError(prefix + ".cvc", "must be " + cvcLength + " digits"));
    }
    if (!errors.isEmpty()) {
      throw new Refusal(Refusal.Kind.INVALID, "invalid-card", "Invalid card",
          "The card cannot be used: " + String.join("; ",
              errors.stream().map(e -> e.field() + " " + e.reason()).toList()))
          .with("errors", errors);
    }
  }

  /** A card is valid through the last day of its expiry month, in UTC. */
  static boolean isPast(int year, int month) {
    YearMonth now = YearMonth.from(EngineClock.now().atOffset(ZoneOffset.UTC));
    return YearMonth.of(year, month).isBefore(now);
  }
}
