package dev.actionpack.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.process.CamundaGroups;
import dev.actionpack.support.DebianPackages;
import dev.actionpack.support.PdfText;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The partner's whole journey in the portal, in headless Chromium, in each of the portal's
 * languages: sign in, subscribe with a test card, see the subscription, turn off auto-renewal,
 * renew, download the receipt, open a cancellation request and follow it while a support agent
 * handles it in Tasklist. Every page on the way is checked by axe-core and photographed to
 * {@code target/screenshots}. The words clicked are the portal's own, read from its bundles in
 * the partner's language, so a page that fell back to English fails.
 */
class PortalJourneyBrowserTest extends BrowserTest {

  private static final Pattern ORDER = Pattern.compile("/portal/orders/([A-Z0-9-]+)$");
  private static final Pattern SUBSCRIPTION = Pattern.compile("/portal/subscriptions/([A-Z0-9-]+)$");
  private static final Pattern REQUEST = Pattern.compile("/portal/support/([A-Z0-9-]+)$");

  private Page page;
  private Locale locale;
  private String shots;

  @BeforeEach
  void agentAccount() {
    Browsers.camundaUser(identity, "sam", CamundaGroups.SUPPORT_AGENTS);
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en-US", "zh-CN", "es-ES"})
  @DisplayName("R1 R2 R3 R4 R10 R13 R16 R17 a partner signs in, subscribes, turns auto-renewal off, renews, downloads the receipt, follows a cancellation an agent completes in Tasklist and downloads the refund's credit note")
  void shouldWalkThePartnersJourney(String language) throws IOException {
    if (language.equals("zh-CN")) {
      DebianPackages.requireCjkFont();
    }
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, language);
    open(language);

    // sign in: the browser's language until the partner is known, then the partner's
    page.navigate(baseUrl() + "/portal");
    page.getByLabel(text("portal.signIn.username")).fill(partner.username());
    page.getByLabel(text("portal.signIn.password")).fill(partner.password());
    Browsers.assertAccessible(page, shots + "-01-sign-in");
    button("portal.signIn.submit").click();

    // Membership > Offers: Action Pack available, with its price
    assertThat(heading("portal.offers.title")).isVisible();
    assertThat(page.locator("main")).containsText(text("portal.offers.pricePerYear",
        price()));
    assertThat(page.locator("main")).containsText(text("portal.offers.none"));
    Browsers.assertAccessible(page, shots + "-02-offers");
    link("portal.offers.subscribeNow").click();

    // terms: Next without accepting is refused on the page
    button("portal.checkout.next").click();
    assertThat(page.getByText(text("portal.checkout.mustAccept"))).isVisible();
    Browsers.assertAccessible(page, shots + "-03-terms-refused");
    page.getByLabel(text("portal.checkout.accept")).check();
    button("portal.checkout.next").click();

    // a new card
    assertThat(page.getByLabel(text("portal.checkout.addCard"))).isChecked();
    newCard("4242 4242 4242 4242");
    Browsers.assertAccessible(page, shots + "-04-payment");
    button("portal.checkout.next").click();

    // review: the price, charged immediately
    assertThat(page.locator("main")).containsText(text("portal.checkout.chargedNow", price()));
    assertThat(page.locator("main")).containsText("VISA **** 4242");
    Browsers.assertAccessible(page, shots + "-05-review");
    button("portal.checkout.purchase").click();

    // the order: pending until the charge runs, then confirmed without a reload (htmx)
    assertThat(page.getByText(text("portal.order.pending"))).isVisible();
    Browsers.assertAccessible(page, shots + "-06-order-pending");
    String order = number(ORDER);
    jobs().runDue();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText(text("portal.order.confirmed",
        order, price()));
    Browsers.assertAccessible(page, shots + "-07-order-confirmed");

    // the receipt: a PDF that names the order and the partner
    Download receipt = page.waitForDownload(() -> link("portal.order.receipt").click());
    String pdf = PdfText.of(Files.readAllBytes(receipt.path()));
    PdfText.assertWritten(pdf, order, "Partner " + partner.username(), "VISA **** 4242");
    link("portal.checkout.close").click();

    // the subscription: term, status, auto-renewal, card, benefits
    String subscription = number(SUBSCRIPTION);
    assertThat(detail("portal.subscription.status")).hasText(text("status.ACTIVE"));
    assertThat(detail("portal.subscription.card")).hasText("VISA **** 4242");
    assertThat(page.locator("main")).containsText(text("portal.subscription.benefits"));
    Browsers.assertAccessible(page, shots + "-08-subscription");

    // turn off auto-renewal: only a renewal turns it on again
    button("portal.subscription.turnOff").click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("portal.autoRenewal.turnedOff"));
    assertThat(button("portal.subscription.turnOff")).hasCount(0);
    assertThat(subscription(partner, subscription).get("autoRenewal").asBoolean()).isFalse();
    Browsers.assertAccessible(page, shots + "-09-auto-renewal-off");

    // renew: the same steps, the saved card chosen, auto-renewal on again
    link("portal.subscription.renew").click();
    page.getByLabel(text("portal.checkout.accept")).check();
    button("portal.checkout.next").click();
    assertThat(page.getByLabel("VISA **** 4242", new Page.GetByLabelOptions().setExact(false)))
        .isChecked();
    button("portal.checkout.next").click();
    button("portal.checkout.purchase").click();
    String renewal = number(ORDER);
    jobs().runDue();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText(text("portal.order.confirmed",
        renewal, price()));
    Browsers.assertAccessible(page, shots + "-10-renewal-confirmed");
    JsonNode renewed = subscription(partner, subscription);
    assertThat(renewed.get("autoRenewal").asBoolean()).isTrue();
    assertThat(get(partner, "/api/orders").body()).hasSize(2);

    // Report a Partner Center problem > New request
    link("portal.nav.support").click();
    assertThat(page.locator("main")).containsText(text("portal.support.none"));
    Browsers.assertAccessible(page, shots + "-11-support");
    link("portal.support.new").click();
    page.getByLabel(text("portal.support.field.problemType")).selectOption(new SelectOption()
        .setLabel(text("portal.support.problemType.PARTNER_INVOICE_PAYMENT_RECONCILIATION")));
    page.locator("#subscriptionNumber").selectOption(subscription);
    page.getByLabel(text("portal.support.field.description"))
        .fill("We would like to cancel Action Pack.");
    page.getByLabel(text("portal.support.field.contact.name"), exact()).fill("Pat Partner");
    page.getByLabel(text("portal.support.field.contact.email")).fill("pat@partners.example");
    page.getByLabel(text("portal.support.field.contact.phone")).fill("+1 425 555 0100");
    page.getByLabel(text("portal.support.field.contact.preferredLanguage"))
        .selectOption(language);
    Browsers.assertAccessible(page, shots + "-12-support-new");
    button("portal.support.submit").click();

    // the request, followed while an agent handles it
    String request = number(REQUEST);
    assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("portal.support.submitted",
        request));
    assertThat(detail("portal.support.status")).hasText(text("portal.support.status.OPEN"));
    Browsers.assertAccessible(page, shots + "-13-request-open");
    jobs().runDue();

    TasklistAgent agent = new TasklistAgent(newContext("en-US").newPage(), shots + "-tasklist");
    agent.signIn(baseUrl(), "sam", "sam-secret-password");
    agent.claim(subscription);
    // the partner's page follows the request by itself (htmx), no reload
    assertThat(detail("portal.support.status"))
        .hasText(text("portal.support.status.IN_PROGRESS"));
    Browsers.assertAccessible(page, shots + "-14-request-in-progress");

    agent.complete("Cancel now", "Prorated (unused days of the term)",
        "Cancelled as agreed on the phone.");
    jobs().runDue();
    assertThat(detail("portal.support.status")).hasText(text("portal.support.status.CLOSED"));
    assertThat(detail("portal.support.outcome"))
        .hasText(text("portal.support.outcome.CANCEL_NOW"));
    assertThat(detail("portal.support.note")).hasText("Cancelled as agreed on the phone.");
    Browsers.assertAccessible(page, shots + "-15-request-closed");

    // the subscription cancelled, the list of requests, the inbox
    page.locator("main dd").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
        .setName(subscription)).click();
    assertThat(detail("portal.subscription.status")).hasText(text("status.CANCELLED"));
    link("portal.nav.support").click();
    assertThat(page.locator("main")).containsText(request);
    Browsers.assertAccessible(page, shots + "-16-support-requests");
    link("portal.nav.notifications").click();
    assertThat(heading("portal.notifications.title")).isVisible();
    Browsers.assertAccessible(page, shots + "-17-notifications");

    // orders and receipts: the purchase and the renewal, and the refund's credit note
    link("portal.nav.orders").click();
    assertThat(page.locator("tbody tr")).hasCount(2);
    Browsers.assertAccessible(page, shots + "-18-orders");
    Download creditNote = page.waitForDownload(() -> page.locator("tbody li a").first().click());
    PdfText.assertWritten(PdfText.of(Files.readAllBytes(creditNote.path())),
        "Partner " + partner.username(), "VISA **** 4242");
  }

  @Test
  @DisplayName("R25 Portal pages seen only when something goes wrong, and Replace card, pass axe-core too: a failed sign-in, a refused card, a declined order, a card replaced after a refusal, a refused request, a page of another partner")
  void shouldKeepTheRefusalPagesAccessible() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "en-US");
    PartnerLogin other = newPartner(true, "en-US");
    String theirs = subscribe(other, "4242424242424242").get("number").asText();
    open("en-US");

    page.navigate(baseUrl() + "/portal/login");
    page.getByLabel(text("portal.signIn.username")).fill(partner.username());
    page.getByLabel(text("portal.signIn.password")).fill("not-the-password");
    button("portal.signIn.submit").click();
    assertThat(page.getByRole(AriaRole.ALERT)).hasText(text("portal.signIn.error"));
    Browsers.assertAccessible(page, "portal-refused-01-sign-in");
    page.getByLabel(text("portal.signIn.username")).fill(partner.username());
    page.getByLabel(text("portal.signIn.password")).fill(partner.password());
    button("portal.signIn.submit").click();

    link("portal.offers.subscribeNow").click();
    page.getByLabel(text("portal.checkout.accept")).check();
    button("portal.checkout.next").click();
    newCard("4242 4242 4242 4241");
    button("portal.checkout.next").click();
    assertThat(page.getByText(text("portal.field.card.number"))).isVisible();
    Browsers.assertAccessible(page, "portal-refused-02-card-number");
    newCard("4000 0000 0000 0341");
    button("portal.checkout.next").click();
    button("portal.checkout.purchase").click();
    jobs().runDue();
    assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
    Browsers.assertAccessible(page, "portal-refused-03-order-declined");

    // replace the card of a subscription bought through the API: a bad card first
    String mine = subscribe(partner, "4242424242424242").get("number").asText();
    page.navigate(baseUrl() + "/portal/subscriptions/" + mine);
    link("portal.subscription.replaceCard").click();
    assertThat(heading("portal.card.title")).isVisible();
    Browsers.assertAccessible(page, "portal-refused-04-replace-card");
    page.getByLabel(text("portal.card.addCard")).check();
    newCard("5555 5555 5555 4445");
    button("portal.card.submit").click();
    assertThat(page.getByText(text("portal.field.card.number"))).isVisible();
    Browsers.assertAccessible(page, "portal-refused-05-replace-card-number");
    page.getByLabel(text("portal.card.addCard")).check();
    newCard("5555 5555 5555 4444");
    button("portal.card.submit").click();
    assertThat(detail("portal.subscription.card")).hasText("MASTERCARD **** 4444");

    page.navigate(baseUrl() + "/portal/support/new");
    button("portal.support.submit").click();
    assertThat(page.getByText(text("portal.support.invalid.intro"))).isVisible();
    Browsers.assertAccessible(page, "portal-refused-06-request-invalid");

    page.navigate(baseUrl() + "/portal/subscriptions/" + theirs);
    assertThat(heading("portal.notFound.title")).isVisible();
    Browsers.assertAccessible(page, "portal-refused-07-not-found");

    page.navigate(baseUrl() + "/portal/support?status=CLOSED");
    assertThat(page.locator("main")).containsText(text("portal.support.noneWithStatus"));
    Browsers.assertAccessible(page, "portal-refused-08-support-filtered");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
        .setName(text("portal.nav.signOut"))).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("portal.signIn.signedOut"));
    Browsers.assertAccessible(page, "portal-refused-09-signed-out");
  }

  @Test
  @DisplayName("The accessibility check can fail: a page with an unlabelled field and an image without text is refused, naming the rules")
  void shouldRefuseAnInaccessiblePage() {
    open("en-US");
    page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body>"
        + "<main><h1>Broken</h1><input type=\"text\"><img src=\"data:,\"></main></body></html>");

    assertThatThrownBy(() -> Browsers.assertAccessible(page, "axe-self-check"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("critical label")
        .hasMessageContaining("critical image-alt");
  }

  private void open(String language) {
    locale = Locale.forLanguageTag(language);
    shots = "portal-" + language;
    page = newContext(language).newPage();
  }

  private void newCard(String number) {
    page.getByLabel(text("portal.checkout.card.number")).fill(number);
    page.getByLabel(text("portal.checkout.card.expiryMonth")).fill("12");
    page.getByLabel(text("portal.checkout.card.expiryYear")).fill("2035");
    page.getByLabel(text("portal.checkout.card.cvc")).fill("123");
    page.getByLabel(text("portal.checkout.card.holder")).fill("Pat Partner");
  }

  /** Action Pack's yearly price as the partner's language writes it. */
  private String price() {
    return LocaleFormat.money(new BigDecimal("475.00"), "USD", locale);
  }

  /** The portal's text for the key in the page's language. */
  private String text(String key, Object... args) {
    return text(key, locale, args);
  }

  private Locator button(String key) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(key))
        .setExact(true));
  }

  private Locator link(String key) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text(key))
        .setExact(true));
  }

  private Locator heading(String key) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text(key))
        .setExact(true));
  }

  /** The value next to a term of the page's description list. */
  private Locator detail(String key) {
    return page.locator("dt:text-is(\"" + text(key) + "\") + dd");
  }

  /** The number at the end of the page's address, once the browser has arrived there. */
  private String number(Pattern address) {
    page.waitForURL(address);
    Matcher matcher = address.matcher(page.url().replaceAll("[?#].*$", ""));
    assertThat(matcher.find()).as("the address %s", page.url()).isTrue();
    return matcher.group(1);
  }

  private static Page.GetByLabelOptions exact() {
    return new Page.GetByLabelOptions().setExact(true);
  }
}
