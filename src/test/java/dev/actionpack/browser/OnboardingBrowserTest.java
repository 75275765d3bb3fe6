package dev.actionpack.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.actionpack.partner.PartnerImport;
import dev.actionpack.process.CamundaGroups;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An operator onboards a partner on the admin pages, in headless Chromium: signs in, creates the
 * partner, imports more from CSV (one row refused), changes a membership, invites a user; the
 * invited person opens the one-time link in their own browser, chooses a password and signs in
 * to the portal in their language. Every page is checked by axe-core and photographed.
 */
class OnboardingBrowserTest extends BrowserTest {

  @BeforeEach
  void accounts() {
    Browsers.camundaUser(identity, "olga", CamundaGroups.PARTNER_ADMINS);
    Browsers.camundaUser(identity, "olivia", CamundaGroups.PROCESS_OWNERS);
  }

  @Test
  @DisplayName("R1 an operator creates a partner, imports more from CSV, changes a membership and invites a user, who sets a password from the link and signs in to the portal in Spanish")
  void shouldOnboardAPartnerWhoseUserSignsIn() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Page admin = newContext("en-US").newPage();

    admin.navigate(baseUrl() + "/admin/partners");
    signIn(admin, "olga");
    assertThat(admin.getByRole(AriaRole.HEADING, name(admin("admin.partners.title"))))
        .isVisible();
    Browsers.assertAccessible(admin, "admin-02-partners");

    // create a partner: Network member, Spanish
    admin.getByLabel(admin("admin.field.name"), exact()).fill("Fabrikam " + tag);
    admin.getByLabel(admin("admin.field.networkMember")).check();
    admin.getByLabel(admin("admin.field.locale")).selectOption("es-ES");
    admin.getByLabel(admin("admin.field.email"), exact()).fill("billing-" + tag
        + "@fabrikam.example");
    admin.getByRole(AriaRole.BUTTON, name(admin("admin.create.submit"))).click();
    assertThat(admin.getByRole(AriaRole.HEADING, name("Fabrikam " + tag))).isVisible();
    assertThat(admin.locator("main")).containsText(admin("admin.partner.created",
        "Fabrikam " + tag));
    Browsers.assertAccessible(admin, "admin-03-partner-created");
    String partnerPage = admin.url();

    // membership: left, then joined again
    admin.getByRole(AriaRole.BUTTON, name(admin("admin.membership.leave"))).click();
    assertThat(admin.locator("main")).containsText(admin("admin.membership.left",
        "Fabrikam " + tag));
    admin.getByRole(AriaRole.BUTTON, name(admin("admin.membership.join"))).click();
    assertThat(admin.locator("main")).containsText(admin("admin.membership.joined",
        "Fabrikam " + tag));
    Browsers.assertAccessible(admin, "admin-04-membership");

    // invite a user: the one-time link, shown this once
    admin.getByLabel(admin("admin.invite.username")).fill("maria." + tag);
    admin.getByLabel(admin("admin.invite.email")).fill("maria-" + tag + "@fabrikam.example");
    admin.getByRole(AriaRole.BUTTON, name(admin("admin.invite.submit"))).click();
    Locator link = admin.locator("a.invitation-link");
    assertThat(link).isVisible();
    Browsers.assertAccessible(admin, "admin-05-invited");
    String invitation = URI.create(link.getAttribute("href")).getPath();
    assertThat(invitation).startsWith("/portal/invitations/");

    // CSV import: one good row, one refused, reported by line
    admin.getByRole(AriaRole.LINK, name(admin("admin.back"))).click();
    admin.getByLabel(admin("admin.import.rows")).fill(PartnerImport.HEADER + "\n"
        + "Northwind " + tag + ",true,zh-CN,northwind-" + tag + "@example.com\n"
        + "Tailspin " + tag + ",perhaps,en-US,tailspin-" + tag + "@example.com\n");
    admin.getByRole(AriaRole.BUTTON, name(admin("admin.import.submit"))).click();
    assertThat(admin.getByRole(AriaRole.HEADING, name(admin("admin.import.report"))))
        .isVisible();
    assertThat(admin.locator("main")).containsText("Northwind " + tag);
    assertThat(admin.locator("table").filter(new Locator.FilterOptions()
        .setHasText(admin("admin.import.rejectedCaption")))).containsText(admin("admin.field.networkMember"));
    Browsers.assertAccessible(admin, "admin-06-import-report");

    // the invited person, in their own browser and language
    Page partner = newContext("es-ES").newPage();
    Locale spanish = Locale.forLanguageTag("es-ES");
    partner.navigate(baseUrl() + invitation);
    assertThat(partner.getByRole(AriaRole.HEADING, name(text("portal.invitation.title",
        spanish)))).isVisible();
    Browsers.assertAccessible(partner, "invitation-01-choose-password");
    partner.getByLabel(text("portal.signIn.password", spanish), exact())
        .fill("a-long-password-" + tag);
    partner.getByLabel(text("portal.invitation.confirmation", spanish))
        .fill("a-long-password-" + tag);
    partner.getByRole(AriaRole.BUTTON, name(text("portal.invitation.submit", spanish))).click();
    assertThat(partner.getByRole(AriaRole.STATUS)).hasText(text("portal.signIn.welcome",
        spanish));
    Browsers.assertAccessible(partner, "invitation-02-password-set");
    partner.getByLabel(text("portal.signIn.username", spanish)).fill("maria." + tag);
    partner.getByLabel(text("portal.signIn.password", spanish)).fill("a-long-password-" + tag);
    partner.getByRole(AriaRole.BUTTON, name(text("portal.signIn.submit", spanish))).click();
    assertThat(partner.getByRole(AriaRole.HEADING, name(text("portal.offers.title", spanish))))
        .isVisible();
    assertThat(partner.locator("main")).containsText("Fabrikam " + tag);
    assertThat(partner.getByRole(AriaRole.LINK, name(text("portal.offers.subscribeNow",
        spanish)))).isVisible();
    Browsers.assertAccessible(partner, "invitation-03-signed-in");

    // the link worked once: opened again, its page says so at once
    partner.navigate(baseUrl() + invitation);
    assertThat(partner.getByRole(AriaRole.ALERT)).hasText(text("portal.invitation.unusable",
        spanish));
    assertThat(partner.getByLabel(text("portal.invitation.confirmation", spanish)))
        .hasCount(0);
    Browsers.assertAccessible(partner, "invitation-04-used-link");
    admin.navigate(partnerPage);
    assertThat(admin.locator("main")).containsText("maria." + tag);
    assertThat(admin.locator("main")).containsText(admin("admin.user.ACTIVE"));
  }

  @Test
  @DisplayName("The admin pages' refusals pass axe-core: a failed sign-in, a refused partner, a user of another group, an unknown partner")
  void shouldKeepTheAdminRefusalsAccessible() {
    Page page = newContext("en-US").newPage();

    page.navigate(baseUrl() + "/admin/login");
    page.getByLabel(admin("admin.signIn.username")).fill("olga");
    page.getByLabel(admin("admin.signIn.password")).fill("not-her-password");
    Browsers.assertAccessible(page, "admin-01-sign-in");
    page.getByRole(AriaRole.BUTTON, name(admin("admin.signIn.submit"))).click();
    assertThat(page.getByRole(AriaRole.ALERT)).hasText(admin("admin.signIn.error"));
    Browsers.assertAccessible(page, "admin-refused-01-sign-in");
    // Camunda delays the next check of a user after a wrong password: another operator
    signIn(page, "olivia");
    assertThat(page.getByRole(AriaRole.HEADING, name(admin("admin.denied.title"))))
        .isVisible();
    Browsers.assertAccessible(page, "admin-refused-02-denied");

    page = newContext("en-US").newPage();
    page.navigate(baseUrl() + "/admin/partners");
    Browsers.camundaUser(identity, "otto", CamundaGroups.PARTNER_ADMINS);
    signIn(page, "otto");
    page.getByLabel(admin("admin.field.locale")).selectOption("en-US");
    page.getByRole(AriaRole.BUTTON, name(admin("admin.create.submit"))).click();
    assertThat(page.locator("main")).containsText(admin("admin.create.refused"));
    Browsers.assertAccessible(page, "admin-refused-03-partner");

    page.navigate(baseUrl() + "/admin/partners/" + UUID.randomUUID());
    assertThat(page.getByRole(AriaRole.HEADING, name(admin("admin.notFound.title"))))
        .isVisible();
    Browsers.assertAccessible(page, "admin-refused-04-not-found");
  }

  private void signIn(Page page, String user) {
    page.getByLabel(admin("admin.signIn.username")).fill(user);
    page.getByLabel(admin("admin.signIn.password")).fill(user + "-secret-password");
    page.getByRole(AriaRole.BUTTON, name(admin("admin.signIn.submit"))).click();
  }

  /** The admin pages' text (English only). */
  private String admin(String key, Object... args) {
    return text(key, Locale.forLanguageTag("en-US"), args);
  }

  private static Page.GetByRoleOptions name(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  private static Page.GetByLabelOptions exact() {
    return new Page.GetByLabelOptions().setExact(true);
  }
}
