package dev.actionpack.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.actionpack.domain.LocaleFormat;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R19 every notification of every bundle renders with named placeholders only, and a Spanish
 * or Chinese reader gets their own money and dates.
 */
class NotificationTemplatesTest {

  private static final Map<String, String> VALUES = Map.ofEntries(
      Map.entry("partner", "Contoso"), Map.entry("offer", "Microsoft Action Pack"),
      Map.entry("subscription", "AP-500001"), Map.entry("order", "ORD-100001"),
      Map.entry("amount", "475,00 US$"), Map.entry("card", "VISA **** 4242"),
      Map.entry("termEnd", "10/03/2028 (UTC)"), Map.entry("declineReason", "rechazada."),
      Map.entry("date", "11/03/2028 (UTC)"), Map.entry("request", "SR-700001"),
      Map.entry("resolution", "Cancelada."), Map.entry("refund", "236,20 US$"));

  @ParameterizedTest
  @ValueSource(strings = {"notifications.properties", "notifications_es_ES.properties",
      "notifications_zh_CN.properties"})
  @DisplayName("R19 each bundle has every notification, with named placeholders the service fills")
  void shouldRenderEveryNotificationOfTheBundle(String bundle) throws Exception {
    Properties texts = load(bundle);
    Properties english = load("notifications.properties");

    assertThat(texts.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
        english.stringPropertyNames());
    for (NotificationKind kind : NotificationKind.values()) {
      for (String part : List.of(".subject", ".body")) {
        String template = texts.getProperty(kind.name() + part);
        assertThat(template).as(bundle + " " + kind + part).isNotBlank()
            .doesNotContainPattern("\\{\\d+}").doesNotContain("''");
        assertThat(NamedPlaceholders.fill(template, VALUES)).doesNotContain("{");
      }
    }
  }

  @Test
  @DisplayName("R19 a placeholder the service does not fill is an error, not a blank")
  void shouldRefuseAnUnknownPlaceholder() {
    Map<String, String> values = new HashMap<>(VALUES);
    values.put("amount", "$1.00");

    assertThat(NamedPlaceholders.fill("Charged {amount} for {order}.", values))
        .isEqualTo("Charged $1.00 for ORD-100001.");
    assertThatThrownBy(() -> NamedPlaceholders.fill("Due {dueDate}", values))
        .hasMessageContaining("{dueDate}");
  }

  @Test
  @DisplayName("R19 a Spanish receipt reads 475,00 US$ and 10/03/2028 (UTC)")
  void shouldFormatASpanishReceipt() throws Exception {
    Map<String, String> values = new HashMap<>(VALUES);
    values.put("amount", LocaleFormat.money(new java.math.BigDecimal("475.00"), "USD",
        LocaleFormat.ES_ES));
    values.put("termEnd", LocaleFormat.date(java.time.Instant.parse("2028-03-10T10:00:00Z"),
        LocaleFormat.ES_ES));

    String body = NamedPlaceholders.fill(load("notifications_es_ES.properties")
        .getProperty("RENEWED.body"), values);

    assertThat(body).contains("475,00\u00a0US$", "hasta el 10/03/2028 (UTC)")
        .doesNotContain("475.00 USD", "2028-03-10");
  }

  private static Properties load(String bundle) throws Exception {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(NotificationTemplatesTest.class
        .getResourceAsStream("/" + bundle), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
