package dev.actionpack.admin;

import static dev.actionpack.support.PageBrowser.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.process.CamundaGroups;
import dev.actionpack.support.ApiTest;
import dev.actionpack.support.PageBrowser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operators' admin pages over HTTP with a session cookie, as a browser uses them: sign-in
 * with the form and CSRF for operators only, a partner created, refused with the field named and
 * nothing left behind, its membership changed, a user invited whose link then sets the password
 * for the portal, and a CSV import with its report.
 */
class AdminPagesTest extends ApiTest {

  private static final PartnerLogin OPERATOR =
      new PartnerLogin("pagespat", "operator-secret-4711", null);
  private static final PartnerLogin OWNER =
      new PartnerLogin("pagesolga", "owner-secret-4711", null);
  private static final PartnerLogin GUESSER =
      new PartnerLogin("pagesgus", "guesser-secret-4711", null);
  private static final Pattern LINK = Pattern.compile(
      "href=\"(http://localhost:8080/portal/invitations/[A-Za-z0-9_-]{43})\"");

  @LocalServerPort
  private int port;
  @Autowired
  private PartnerRepository partners;

  @BeforeEach
  void operators() {
    camundaUser(OPERATOR.username(), CamundaGroups.PARTNER_ADMINS, OPERATOR.password());
    camundaUser(OWNER.username(), CamundaGroups.PROCESS_OWNERS, OWNER.password());
    camundaUser(GUESSER.username(), CamundaGroups.PARTNER_ADMINS, GUESSER.password());
  }

  @Test
  @DisplayName("R23 only operators sign in: a wrong password and a partner user stay on the sign-in page, another Camunda user gets the 403 page, signing out ends the session")
  void shouldLetOnlyOperatorsIn() throws Exception {
    PartnerLogin partner = newMember();
    PageBrowser anonymous = new PageBrowser(port);
    PageBrowser guesser = new PageBrowser(port);
    PageBrowser partnerUser = new PageBrowser(port);
    PageBrowser owner = new PageBrowser(port);
    PageBrowser operator = new PageBrowser(port);

    HttpResponse<String> signedOut = anonymous.get("/admin/partners");
    String signInPage = anonymous.get("/admin/login").body();
    HttpResponse<String> wrongPassword = guesser.signIn("/admin/login", GUESSER.username(),
        "not-the-password");
    HttpResponse<String> asPartner = partnerUser.signIn("/admin/login", partner.username(),
        partner.password());
    HttpResponse<String> asOwner = owner.signIn("/admin/login", OWNER.username(),
        OWNER.password());
    HttpResponse<String> ownersPage = owner.get("/admin/partners");
    HttpResponse<String> asOperator = operator.signIn("/admin/login", OPERATOR.username(),
        OPERATOR.password());
    HttpResponse<String> operatorsPage = operator.get("/admin/partners");
    HttpResponse<String> operatorInPortal = operator.get("/portal/offers");
    HttpResponse<String> webappAdmin = anonymous.get("/camunda/app/admin/default/");
    HttpResponse<String> signOut = operator.post("/admin/logout", operatorsPage.body(), "");
    HttpResponse<String> afterSignOut = operator.get("/admin/partners");

    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(location(signedOut)).endsWith("/admin/login");
    assertThat(signInPage).contains("<html lang=\"en\"", "<main>", "<h1>Sign in as an operator",
        "<label for=\"username\">", "<label for=\"password\">", "name=\"_csrf\"");
    assertThat(location(wrongPassword)).endsWith("/admin/login?error");
    assertThat(guesser.get("/admin/partners").statusCode()).isEqualTo(302);
    assertThat(location(asPartner)).endsWith("/admin/login?error");
    assertThat(partnerUser.get("/admin/partners").statusCode()).isEqualTo(302);
    assertThat(location(asOwner)).endsWith("/admin/partners");
    assertThat(ownersPage.statusCode()).isEqualTo(403);
    assertThat(ownersPage.body()).contains("Only members of the Camunda groups partner-admins "
        + "or camunda-admin onboard partners.").doesNotContain(partner.username());
    assertThat(location(asOperator)).endsWith("/admin/partners");
    assertThat(operatorsPage.statusCode()).isEqualTo(200);
    assertThat(operatorsPage.body()).contains("<h1>Partners</h1>", "Partner "
        + partner.username());
    assertThat(location(operatorInPortal)).as("an operator is no partner user")
        .endsWith("/portal/login");
    assertThat(webappAdmin.statusCode()).as("Camunda Admin is not these pages").isEqualTo(200);
    assertThat(location(signOut)).endsWith("/admin/login?signedOut");
    assertThat(afterSignOut.statusCode()).isEqualTo(302);
    assertThat(get(OPERATOR, "/admin-api/partners").status())
        .as("the admin API still takes HTTP Basic").isEqualTo(200);
  }

  @Test
  @DisplayName("R23 failed sign-ins on the page are throttled like the API's: after five free ones and a sixth, even the right password waits")
  void shouldThrottleFailedSignIns() throws Exception {
    PartnerLogin guessed = new PartnerLogin("pagesthrottled", "throttled-secret-4711", null);
    camundaUser(guessed.username(), CamundaGroups.PARTNER_ADMINS, guessed.password());
    PageBrowser browser = new PageBrowser(port);

    for (int failure = 1; failure <= 6; failure++) {
      HttpResponse<String> wrong = browser.signIn("/admin/login", guessed.username(),
          "guess-" + failure);
      assertThat(location(wrong)).endsWith("/admin/login?error");
    }
    HttpResponse<String> rightPassword = browser.signIn("/admin/login", guessed.username(),
        guessed.password());

    assertThat(location(rightPassword)).endsWith("/admin/login?throttled");
    assertThat(browser.get("/admin/login?throttled").body())
        .contains("Too many failed sign-ins for this user or from this address.");
    assertThat(browser.get("/admin/partners").statusCode()).isEqualTo(302);
  }

  @Test
  @DisplayName("Onboarding on the page: a partner is created with name, membership, language and email, listed, and its Network membership changed both ways")
  void shouldCreateAPartnerAndChangeItsMembership() throws Exception {
    String tag = tag();
    PageBrowser browser = signedIn();
    String list = browser.get("/admin/partners").body();

    HttpResponse<String> created = browser.post("/admin/partners", list, "name="
        + encode("Northwind " + tag) + "&networkMember=true&locale=zh-CN&email="
        + encode("it-" + tag + "@northwind.example"));
    Partner partner = partnerNamed("Northwind " + tag).orElseThrow();
    String details = browser.get(location(created)).body();
    String listed = browser.get("/admin/partners").body();
    HttpResponse<String> left = browser.post("/admin/partners/" + partner.getId()
        + "/membership", details, "networkMember=false");
    String afterLeaving = browser.get(location(left)).body();
    boolean memberAfterLeaving = partners.findById(partner.getId()).orElseThrow()
        .isNetworkMember();
    browser.submit("/admin/partners/" + partner.getId() + "/membership", afterLeaving, "");

    assertThat(list).contains("<label for=\"name\">Name</label>",
        "<label class=\"inline\" for=\"networkMember\">Network member</label>",
        "<option value=\"en-US\" selected=\"selected\">en-US</option>",
        "<option value=\"zh-CN\">zh-CN</option>", "<option value=\"es-ES\">es-ES</option>");
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(location(created)).endsWith("/admin/partners/" + partner.getId());
    assertThat(partner.isNetworkMember()).isTrue();
    assertThat(partner.getLocale()).isEqualTo("zh-CN");
    assertThat(partner.getEmail()).isEqualTo("it-" + tag + "@northwind.example");
    assertThat(details).contains("Partner Northwind " + tag + " created.",
        "<h1>Northwind " + tag + "</h1>", "is a Network member: it may buy Action Pack.",
        "Record that it left the Network");
    assertThat(listed).contains("Northwind " + tag);
    assertThat(left.statusCode()).isEqualTo(302);
    assertThat(memberAfterLeaving).isFalse();
    assertThat(afterLeaving).contains("Northwind " + tag + " is no Network member now.",
        "is not a Network member: it may not buy Action Pack.",
        "Record that it joined the Network");
    assertThat(partners.findById(partner.getId()).orElseThrow().isNetworkMember())
        .as("the button turns it back").isTrue();
  }

  @Test
  @DisplayName("Onboarding on the page: a blank name and an unknown language are refused (422) next to their fields, an email in use (409); no partner is created")
  void shouldRefuseAnInvalidPartnerAndCreateNothing() throws Exception {
    String tag = tag();
    PageBrowser browser = signedIn();
    String list = browser.get("/admin/partners").body();
    long before = partners.count();

    HttpResponse<String> blankName = browser.post("/admin/partners", list,
        "name=+&locale=en-US&email=" + encode("blank-" + tag + "@example.com"));
    HttpResponse<String> unknownLanguage = browser.post("/admin/partners", list, "name="
        + encode("Deutsch " + tag) + "&networkMember=true&locale=de-DE&email="
        + encode("de-" + tag + "@example.com"));
    long afterRefusals = partners.count();
    browser.post("/admin/partners", list, "name=" + encode("First " + tag)
        + "&locale=es-ES&email=" + encode("first-" + tag + "@example.com"));
    HttpResponse<String> emailInUse = browser.post("/admin/partners", list, "name="
        + encode("Second " + tag) + "&locale=es-ES&email="
        + encode("FIRST-" + tag + "@example.com"));

    assertThat(blankName.statusCode()).isEqualTo(422);
    assertThat(blankName.body()).contains("The partner was not created:",
        "<a href=\"#name\">Name is required.</a>",
        "aria-invalid=\"true\" aria-describedby=\"name-problem\"",
        "<p class=\"field-problem\" id=\"name-problem\">Name is required.</p>",
        "value=\"blank-" + tag + "@example.com\"");
    assertThat(unknownLanguage.statusCode()).isEqualTo(422);
    assertThat(unknownLanguage.body()).contains(
        "id=\"locale-problem\">Language must be one of en-US, zh-CN, es-ES.</p>",
        "value=\"Deutsch " + tag + "\"")
        .doesNotContain("name-problem\">");
    assertThat(afterRefusals).isEqualTo(before);
    assertThat(partnerNamed("Deutsch " + tag)).isEmpty();
    assertThat(emailInUse.statusCode()).isEqualTo(409);
    assertThat(emailInUse.body()).contains(
        "id=\"email-problem\">Email is the email of another partner.</p>");
    assertThat(partnerNamed("Second " + tag)).isEmpty();
  }

  @Test
  @DisplayName("Onboarding on the page: an invited user gets a one-time link shown with its expiry; it sets the password there and signs in to the portal; a bad or taken user name is refused")
  void shouldInviteAUserWhoChoosesAPasswordAndSignsInToThePortal() throws Exception {
    PartnerLogin partner = newMember();
    String username = "nora." + tag();
    PageBrowser browser = signedIn();
    String details = browser.get("/admin/partners/" + partner.partnerId()).body();

    HttpResponse<String> badName = browser.post("/admin/partners/" + partner.partnerId()
        + "/invitations", details, "username=No+Way&email=nora%40example.com");
    HttpResponse<String> invited = browser.post("/admin/partners/" + partner.partnerId()
        + "/invitations", details, "username=" + username + "&email="
        + encode(username + "@partners.example"));
    Matcher link = LINK.matcher(invited.body());
    assertThat(link.find()).as("the page shows the link").isTrue();
    PageBrowser invitee = new PageBrowser(port);
    String form = invitee.get(link.group(1)).body();
    HttpResponse<String> accepted = invitee.post(link.group(1), form,
        "password=correct-horse-battery&confirmation=correct-horse-battery");
    HttpResponse<String> portal = invitee.signIn("/portal/login", username,
        "correct-horse-battery");
    String offers = invitee.get("/portal/offers").body();
    HttpResponse<String> taken = browser.post("/admin/partners/" + partner.partnerId()
        + "/invitations", details, "username=" + username + "&email="
        + encode(username + "@partners.example"));
    HttpResponse<String> unknownPartner = browser.post("/admin/partners/" + UUID.randomUUID()
        + "/invitations", details, "username=" + username + "x&email=x%40example.com");

    assertThat(badName.statusCode()).isEqualTo(422);
    assertThat(badName.body()).contains("id=\"username-problem\">User name must be 3 to 60 "
        + "characters of a-z, 0-9, &#39;.&#39;, &#39;_&#39; and &#39;-&#39;.</p>",
        "aria-describedby=\"username-problem\"");
    assertThat(invited.statusCode()).isEqualTo(200);
    assertThat(invited.body()).contains("User " + username + " is invited.", "expires at 20",
        " UTC", "<td>" + username + "</td>", "<td>invited</td>");
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(location(portal)).endsWith("/portal/offers");
    assertThat(offers).contains("Available offers");
    assertThat(browser.get("/admin/partners/" + partner.partnerId()).body())
        .contains("<td>active</td>").doesNotContain("/portal/invitations/");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).contains("id=\"username-problem\">User name is taken.</p>");
    assertThat(unknownPartner.statusCode()).isEqualTo(404);
    assertThat(unknownPartner.body()).contains("<h1>Partner not found</h1>");
    assertThat(browser.get("/admin/partners/not-an-id").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("Onboarding on the page: a CSV file with one bad row imports the others and reports the bad row by line, field and reason; a file without the header imports nothing")
  void shouldImportACsvFileAndReportTheRejectedRow() throws Exception {
    String tag = tag();
    PageBrowser browser = signedIn();
    String list = browser.get("/admin/partners").body();
    String csv = "name,networkMember,locale,email\r\n"
        + "Alpine " + tag + ",true,en-US,alpine-" + tag + "@example.com\r\n"
        + "Bavaria " + tag + ",false,de-DE,bavaria-" + tag + "@example.com\r\n"
        + "Cascade " + tag + ",false,es-ES,cascade-" + tag + "@example.com\r\n";
    long before = partners.count();

    HttpResponse<String> imported = browser.upload("/admin/partners/import", list, Map.of(),
        "file", "partners.csv", csv);
    HttpResponse<String> pasted = browser.upload("/admin/partners/import", list,
        Map.of("rows", "name,networkMember,locale,email\nDelta " + tag + ",true,zh-CN,delta-"
            + tag + "@example.com\n"), "file", null, null);
    HttpResponse<String> noHeader = browser.upload("/admin/partners/import", list, Map.of(),
        "file", "partners.csv", "Echo " + tag + ",true,en-US,echo-" + tag + "@example.com\n");
    HttpResponse<String> nothing = browser.upload("/admin/partners/import", list,
        Map.of("rows", ""), "file", null, null);

    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.body()).contains("Import report", "2 partners imported.",
        "Alpine " + tag, "Cascade " + tag, "<caption>Rejected rows</caption>",
        "<td>3</td>\n        <td>Language</td>\n        "
            + "<td>must be one of en-US, zh-CN, es-ES</td>");
    assertThat(partnerNamed("Alpine " + tag)).hasValueSatisfying(
        partner -> assertThat(partner.isNetworkMember()).isTrue());
    assertThat(partnerNamed("Cascade " + tag)).isPresent();
    assertThat(partnerNamed("Bavaria " + tag)).isEmpty();
    assertThat(pasted.statusCode()).isEqualTo(200);
    assertThat(pasted.body()).contains("1 partner imported.", "No row was rejected.");
    assertThat(partnerNamed("Delta " + tag)).isPresent();
    assertThat(noHeader.statusCode()).isEqualTo(422);
    assertThat(noHeader.body()).contains("Nothing was imported:", "id=\"file-problem\">Header: "
        + "the first line must be name,networkMember,locale,email.</p>");
    assertThat(nothing.statusCode()).isEqualTo(422);
    assertThat(nothing.body()).contains("id=\"file-problem\">CSV file is missing: choose a "
        + "file or paste the rows.</p>");
    assertThat(partnerNamed("Echo " + tag)).isEmpty();
    assertThat(partners.count()).isEqualTo(before + 3);
  }

  @Test
  @DisplayName("R23 a form sent without its CSRF token is refused with the 403 page and changes nothing")
  void shouldRefuseFormsWithoutTheirCsrfToken() throws Exception {
    String tag = tag();
    PartnerLogin partner = newMember();
    PageBrowser browser = signedIn();

    HttpResponse<String> create = browser.post("/admin/partners", "", "name="
        + encode("Forged " + tag) + "&networkMember=true&locale=en-US&email="
        + encode("forged-" + tag + "@example.com"));
    HttpResponse<String> membership = browser.post("/admin/partners/" + partner.partnerId()
        + "/membership", "", "networkMember=false");
    HttpResponse<String> upload = browser.upload("/admin/partners/import", "", Map.of(),
        "file", "partners.csv", "name,networkMember,locale,email\nForged csv " + tag
            + ",true,en-US,forged-csv-" + tag + "@example.com\n");

    for (HttpResponse<String> refused : List.of(create, membership, upload)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("without a valid security token");
    }
    assertThat(partnerNamed("Forged " + tag)).isEmpty();
    assertThat(partnerNamed("Forged csv " + tag)).isEmpty();
    assertThat(partners.findById(partner.partnerId()).orElseThrow().isNetworkMember()).isTrue();
  }

  private PageBrowser signedIn() throws Exception {
    PageBrowser browser = new PageBrowser(port);
    assertThat(location(browser.signIn("/admin/login", OPERATOR.username(),
        OPERATOR.password()))).endsWith("/admin/partners");
    return browser;
  }

  private Optional<Partner> partnerNamed(String name) {
    return partners.findAll().stream().filter(partner -> partner.getName().equals(name))
        .findFirst();
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
