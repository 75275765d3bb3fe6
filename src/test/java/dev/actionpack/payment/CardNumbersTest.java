package dev.actionpack.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.actionpack.domain.Refusal;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424242", "5555555555554444", "378282246310005",
      "6011111111111117", "4000000000000002", "2223003122003222"})
  @DisplayName("R6 Luhn accepts valid card numbers")
  void shouldAcceptLuhnValidNumbers(String number) {
    assertThat(CardNumbers.isLuhnValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4242424242424241", "5555555555554445", "123456789012", "",
      "42424242424242424242", "4242-4242-4242-4242"})
  @DisplayName("R6 Luhn refuses a wrong check digit, a wrong length or non-digits")
  void shouldRefuseInvalidNumbers(String number) {
    assertThat(CardNumbers.isLuhnValid(number)).isFalse();
  }

  @Test
  void shouldRecogniseBrands() {
    assertThat(CardNumbers.brandOf("4242424242424242")).isEqualTo(CardBrand.VISA);
    assertThat(CardNumbers.brandOf("5555555555554444")).isEqualTo(CardBrand.MASTERCARD);
    assertThat(CardNumbers.brandOf("2223003122003222")).isEqualTo(CardBrand.MASTERCARD);
    assertThat(CardNumbers.brandOf("378282246310005")).isEqualTo(CardBrand.AMEX);
    assertThat(CardNumbers.brandOf("6011111111111117")).isEqualTo(CardBrand.DISCOVER);
  }

  @Test
  @DisplayName("R6 a card is usable through the last day of its expiry month, in UTC")
  void shouldTreatExpiryMonthAsValidUntilItsEnd() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-05-31T23:59:59Z")));
    assertThatNoException().isThrownBy(() ->
        CardNumbers.requireChargeable(card("4242 4242 4242 4242", 5, 2027, "123"), "card"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-06-01T00:00:00Z")));
    assertThatThrownBy(() ->
        CardNumbers.requireChargeable(card("4242424242424242", 5, 2027, "123"), "card"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("card.expiryYear the card has expired");
  }

  @Test
  @DisplayName("R6 a refusal names each field at fault and never the number itself")
  void shouldNameFieldsWithoutEchoingTheNumber() {
    assertThatThrownBy(() ->
        CardNumbers.requireChargeable(card("4242424242424241", 13, 2030, "12"), "card"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("card.number").hasMessageContaining("card.expiryMonth")
        .hasMessageContaining("card.cvc")
        .hasMessageNotContaining("4242424242424241");
  }

  @Test
  void shouldAskFourDigitSecurityCodeForAmex() {
    assertThatThrownBy(() ->
        CardNumbers.requireChargeable(card("378282246310005", 1, 2099, "123"), "card"))
        .hasMessageContaining("card.cvc must be 4 digits");
  }

  @Test
  @DisplayName("R6 card details never print their number or security code")
  void shouldMaskCardInToString() {
    CardDetails card = card("4242424242424242", 12, 2030, "987");
    assertThat(card.toString()).doesNotContain("424242424242").doesNotContain("987")
        .contains("4242");
  }

  private static CardDetails card(String number, int month, int year, String cvc) {
    return new CardDetails(number, month, year, cvc, "Test Holder");
  }
}
