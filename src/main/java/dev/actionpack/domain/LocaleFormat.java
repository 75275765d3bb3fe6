package dev.actionpack.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Money and dates as a reader in the partner's language expects them, in one place for every
 * text a partner reads (notifications, and the portal and receipts to come): {@code $475.00},
 * {@code 475,00 US$}, {@code US$475.00}; {@code March 10, 2028 (UTC)}, {@code 10/03/2028 (UTC)},
 * {@code 2028年3月10日（UTC）}. Dates are the UTC day, and say so: terms end at a UTC instant.
 */
public final class LocaleFormat {

  /** The languages of the service (R19); anything else reads as en-US. */
  public static final Locale EN_US = Locale.forLanguageTag("en-US");
  public static final Locale ZH_CN = Locale.forLanguageTag("zh-CN");
  public static final Locale ES_ES = Locale.forLanguageTag("es-ES");

  /**
   * The languages of the service (R19), each named in its own words so a reader finds theirs
   * whatever the page's language: the one list behind the partner setting, the portal's language
   * switch and the support contact's language.
   */
  public static final List<Language> SUPPORTED = List.of(
      new Language(EN_US, "English"),
      new Language(ZH_CN, "中文"),
      new Language(ES_ES, "Español"));

  /** A language of the service: its locale and its name in that language (its endonym). */
  public record Language(Locale locale, String name) {

    /** The BCP 47 tag a partner setting, a link and an {@code lang} attribute use. */
    public String tag() {
      return locale.toLanguageTag();
    }
  }

  private static final Map<String, DateTimeFormatter> DATES = Map.of(
      "en", DateTimeFormatter.ofPattern("MMMM d, uuuu '(UTC)'", EN_US),
      "es", DateTimeFormatter.ofPattern("dd/MM/uuuu '(UTC)'", ES_ES),
      "zh", DateTimeFormatter.ofPattern("uuuu'年'M'月'd'日（UTC）'", ZH_CN));

  private LocaleFormat() {}

  /** One of the service's languages for a language tag: its language decides. */
  public static Locale supported(String languageTag) {
    String language = languageTag == null ? "" : Locale.forLanguageTag(languageTag).getLanguage();
    return switch (language) {
      case "zh" -> ZH_CN;
      case "es" -> ES_ES;
      default -> EN_US;
    };
  }

  /** The tags of {@link #SUPPORTED}, in its order: {@code en-US}, {@code zh-CN}, {@code es-ES}. */
  public static List<String> tags() {
    return SUPPORTED.stream().map(Language::tag).toList();
  }

  /** The language a tag names exactly ({@code es-ES}); empty for anything else. */
  public static Optional<Language> language(String tag) {
    return SUPPORTED.stream().filter(language -> language.tag().equals(tag)).findFirst();
  }

  /** The amount in the currency, with the currency's decimals, as the locale writes money. */
  public static String money(BigDecimal amount, String currencyCode, Locale locale) {
    Currency currency = Currency.getInstance(currencyCode);
    NumberFormat format = NumberFormat.getCurrencyInstance(supported(locale.toLanguageTag()));
    format.setCurrency(currency);
    format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
    format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
    return format.format(amount);
  }

  /** The UTC day of the instant, as the locale writes dates, marked UTC. */
  public static String date(Instant instant, Locale locale) {
    return DATES.get(supported(locale.toLanguageTag()).getLanguage())
        .format(instant.atZone(ZoneOffset.UTC));
  }
}
