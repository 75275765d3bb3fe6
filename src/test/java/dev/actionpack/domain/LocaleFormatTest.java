package dev.actionpack.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R19 money and dates as each language of the service writes them. */
class LocaleFormatTest {

  private static final Instant TERM_END = Instant.parse("2028-03-10T10:00:00Z");
  private static final BigDecimal PRICE = new BigDecimal("475.00");

  @Test
  @DisplayName("R19 en-US: $475.00, March 10, 2028 (UTC)")
  void shouldWriteAmericanEnglish() {
    assertThat(LocaleFormat.money(PRICE, "USD", LocaleFormat.EN_US)).isEqualTo("$475.00");
    assertThat(LocaleFormat.money(new BigDecimal("1475.5"), "USD", LocaleFormat.EN_US))
        .isEqualTo("$1,475.50");
    assertThat(LocaleFormat.date(TERM_END, LocaleFormat.EN_US))
        .isEqualTo("March 10, 2028 (UTC)");
  }

  @Test
  @DisplayName("R19 es-ES: 475,00 US$, 10/03/2028 (UTC)")
  void shouldWriteSpanish() {
    assertThat(LocaleFormat.money(PRICE, "USD", LocaleFormat.ES_ES))
        .isEqualTo("475,00\u00a0US$");
    assertThat(LocaleFormat.money(new BigDecimal("1475.5"), "USD", LocaleFormat.ES_ES))
        .isEqualTo("1.475,50\u00a0US$");
    assertThat(LocaleFormat.money(new BigDecimal("236.2"), "EUR", LocaleFormat.ES_ES))
        .isEqualTo("236,20\u00a0€");
    assertThat(LocaleFormat.date(TERM_END, LocaleFormat.ES_ES)).isEqualTo("10/03/2028 (UTC)");
  }

  @Test
  @DisplayName("R19 zh-CN: US$475.00, 2028年3月10日（UTC）")
  void shouldWriteChinese() {
    assertThat(LocaleFormat.money(PRICE, "USD", LocaleFormat.ZH_CN)).isEqualTo("US$475.00");
    assertThat(LocaleFormat.date(TERM_END, LocaleFormat.ZH_CN)).isEqualTo("2028年3月10日（UTC）");
  }

  @Test
  @DisplayName("R19 the UTC day, whatever the reader's zone; other languages read as en-US")
  void shouldUseTheUtcDayAndFallBackToEnglish() {
    Instant lateEvening = Instant.parse("2028-03-10T23:30:00Z");

    assertThat(LocaleFormat.date(lateEvening, LocaleFormat.ZH_CN)).startsWith("2028年3月10日");
    assertThat(LocaleFormat.supported("es-MX")).isEqualTo(LocaleFormat.ES_ES);
    assertThat(LocaleFormat.supported("zh-TW")).isEqualTo(LocaleFormat.ZH_CN);
    assertThat(LocaleFormat.supported("fr-FR")).isEqualTo(LocaleFormat.EN_US);
    assertThat(LocaleFormat.supported(null)).isEqualTo(LocaleFormat.EN_US);
    assertThat(LocaleFormat.money(new BigDecimal("5000"), "JPY", Locale.forLanguageTag("en-US")))
        .isEqualTo("¥5,000");
  }

  @Test
  @DisplayName("R19 the service's languages, each by its own name, and each its own supported locale")
  void shouldListTheLanguagesByTheirOwnNames() {
    assertThat(LocaleFormat.SUPPORTED).extracting(LocaleFormat.Language::tag,
        LocaleFormat.Language::name).containsExactly(tuple("en-US", "English"),
        tuple("zh-CN", "中文"), tuple("es-ES", "Español"));
    assertThat(LocaleFormat.SUPPORTED).allSatisfy(language ->
        assertThat(LocaleFormat.supported(language.tag())).isEqualTo(language.locale()));
    assertThat(LocaleFormat.language("es-ES")).map(LocaleFormat.Language::name)
        .hasValue("Español");
    assertThat(LocaleFormat.language("es-MX")).isEmpty();
  }
}
