package dev.actionpack.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.process.CamundaGroups;
import dev.actionpack.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Operators onboard partners through {@code /admin-api}: create them, change their Network
 * membership, invite their users (a one-time, expiring link to set a password) and import many
 * from a CSV file; an invited user accepts on {@code /invitations} and then uses the partner API.
 */
class PartnerOnboardingApiTest extends ApiTest {

  private static final PartnerLogin ADMIN =
      new PartnerLogin("admin", "test-only-admin-secret-7f3e", null);
  private static final PartnerLogin OPERATOR =
      new PartnerLogin("operatorpat", "operator-secret-4711", null);
  private static final PartnerLogin OWNER =
      new PartnerLogin("ownerolga", "owner-secret-4711", null);

  @Autowired
  private PartnerRepository partners;
  @Autowired
  private JdbcTemplate jdbc;

  private void operators() {
    camundaUser(OPERATOR.username(), CamundaGroups.PARTNER_ADMINS, OPERATOR.password());
    camundaUser(OWNER.username(), CamundaGroups.PROCESS_OWNERS, OWNER.password());
  }

  @Test
  @DisplayName("R23 the admin API takes camunda-admin and partner-admins only: no credentials and partner users 401, other Camunda users 403, all as problem+json")
  void shouldLetOnlyOperatorsIn() {
    operators();
    camundaUser("guessergus", CamundaGroups.PARTNER_ADMINS, "guesser-secret-4711");
    PartnerLogin partner = newMember();

    Response anonymous = exchange(null, HttpMethod.GET, "/admin-api/partners", null, Map.of());
    Response partnerUser = get(partner, "/admin-api/partners");
    Response wrongPassword = get(new PartnerLogin("guessergus", "guess", null),
        "/admin-api/partners");
    Response processOwner = get(OWNER, "/admin-api/partners");
    Response ownerCreates = post(OWNER, "/admin-api/partners", details("Owner's", "x"));

    for (Response refused : List.of(anonymous, partnerUser, wrongPassword)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.contentType()).isEqualTo("application/problem+json");
      assertThat(refused.entity().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
          .startsWith("Basic");
    }
    for (Response refused : List.of(processOwner, ownerCreates)) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.contentType()).isEqualTo("application/problem+json");
    }
    assertThat(get(ADMIN, "/admin-api/partners").status()).isEqualTo(200);
    assertThat(get(OPERATOR, "/admin-api/partners").status()).isEqualTo(200);
    assertThat(get(OPERATOR, "/api/offers/available").status())
        .as("an operator is no partner user").isEqualTo(401);
    assertThat(partners.findAll()).extracting(Partner::getName).doesNotContain("Owner's");
  }

  @Test
  @DisplayName("Onboarding: a partner is created (201, Location), read back and listed by name")
  void shouldCreateListAndGetPartners() {
    operators();
    String tag = tag();

    Response zeta = post(OPERATOR, "/admin-api/partners",
        Map.of("name", "  Zeta " + tag + "  ", "networkMember", true, "locale", "zh-CN",
            "email", "zeta-" + tag + "@example.com"));
    Response alpha = post(ADMIN, "/admin-api/partners", details("Alpha " + tag, tag));

    assertThat(zeta.status()).isEqualTo(201);
    JsonNode created = zeta.body();
    assertThat(zeta.location()).isEqualTo("/admin-api/partners/" + created.get("id").asText());
    assertThat(created.get("name").asText()).isEqualTo("Zeta " + tag);
    assertThat(created.get("networkMember").asBoolean()).isTrue();
    assertThat(created.get("locale").asText()).isEqualTo("zh-CN");
    assertThat(created.get("email").asText()).isEqualTo("zeta-" + tag + "@example.com");
    assertThat(created.get("users")).isEmpty();
    assertThat(alpha.status()).isEqualTo(201);

    Response read = get(OPERATOR, zeta.location());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(created);
    List<String> names = new ArrayList<>();
    get(OPERATOR, "/admin-api/partners").body().forEach(p -> names.add(p.get("name").asText()));
    assertThat(names).containsSubsequence("Alpha " + tag, "Zeta " + tag);
    assertThat(names).isSortedAccordingTo(String::compareTo);

    Response unknown = get(OPERATOR, "/admin-api/partners/" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  @DisplayName("Onboarding: an invalid partner is refused with 422 naming each field, an email in use with 409; nothing is created")
  void shouldRefuseInvalidPartners() {
    operators();
    String tag = tag();
    long before = partners.count();

    Response invalid = post(OPERATOR, "/admin-api/partners",
        Map.of("name", " ", "locale", "de-DE", "email", "not-an-address"));
    Response twoLines = post(OPERATOR, "/admin-api/partners",
        Map.of("name", "Two\nlines", "networkMember", true, "locale", "en-US",
            "email", "two-" + tag + "@example.com"));
    Response notBoolean = post(OPERATOR, "/admin-api/partners",
        Map.of("name", "Yes Ltd", "networkMember", "yes", "locale", "en-US",
            "email", "yes-" + tag + "@example.com"));
    Response tooLong = post(OPERATOR, "/admin-api/partners",
        Map.of("name", "N".repeat(201), "networkMember", false, "locale", "es-ES",
            "email", "long-" + tag + "@example.com"));

    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.contentType()).isEqualTo("application/problem+json");
    assertThat(fields(invalid)).containsExactly("name", "networkMember", "locale", "email");
    assertThat(twoLines.status()).isEqualTo(422);
    assertThat(fields(twoLines)).containsExactly("name");
    assertThat(notBoolean.status()).isEqualTo(422);
    assertThat(fields(notBoolean)).containsExactly("networkMember");
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(fields(tooLong)).containsExactly("name");
    assertThat(partners.count()).isEqualTo(before);

    assertThat(post(OPERATOR, "/admin-api/partners", details("First " + tag, tag)).status())
        .isEqualTo(201);
    Map<String, Object> sameEmail = new HashMap<>(details("First " + tag, tag));
    sameEmail.put("name", "Second " + tag);
    sameEmail.put("email", ((String) sameEmail.get("email")).toUpperCase());
    Response duplicate = post(OPERATOR, "/admin-api/partners", sameEmail);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.contentType()).isEqualTo("application/problem+json");
    assertThat(partners.count()).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("Onboarding: an operator changes a partner's Network membership, and the partner API follows it at once (R1)")
  void shouldChangeMembership() {
    operators();
    PartnerLogin partner = newPartner(false, "en-US");
    String membership = "/admin-api/partners/" + partner.partnerId() + "/membership";
    assertThat(purchasable(partner)).isFalse();

    Response joined = exchange(OPERATOR, HttpMethod.PUT, membership,
        Map.of("networkMember", true), Map.of());

    assertThat(joined.status()).isEqualTo(200);
    assertThat(joined.body().get("networkMember").asBoolean()).isTrue();
    assertThat(joined.body().get("users").get(0).get("username").asText())
        .isEqualTo(partner.username());
    assertThat(joined.body().get("users").get(0).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(purchasable(partner)).isTrue();

    Response left = exchange(ADMIN, HttpMethod.PUT, membership, Map.of("networkMember", false),
        Map.of());
    assertThat(left.body().get("networkMember").asBoolean()).isFalse();
    assertThat(purchasable(partner)).isFalse();
    Response missing = exchange(OPERATOR, HttpMethod.PUT, membership, Map.of(), Map.of());
    assertThat(missing.status()).isEqualTo(422);
    assertThat(fields(missing)).containsExactly("networkMember");
    assertThat(exchange(OPERATOR, HttpMethod.PUT, "/admin-api/partners/" + UUID.randomUUID()
        + "/membership", Map.of("networkMember", true), Map.of()).status()).isEqualTo(404);
    assertThat(purchasable(partner)).isFalse();
  }

  @Test
  @DisplayName("Onboarding: an invited user has no password until it accepts the link once; then it signs in to the partner API; the token is stored only as its hash")
  void shouldInviteAndAccept() {
    operators();
    String tag = tag();
    String partnerId = createPartner(tag);
    String username = "user." + tag;
    Instant invitedAt = Instant.now();

    Response invited = post(OPERATOR, "/admin-api/partners/" + partnerId + "/invitations",
        Map.of("username", username, "email", "pat-" + tag + "@example.com"));

    assertThat(invited.status()).isEqualTo(201);
    assertThat(invited.body().get("username").asText()).isEqualTo(username);
    Instant expiresAt = Instant.parse(invited.body().get("expiresAt").asText());
    assertThat(expiresAt).isBetween(invitedAt.plus(Duration.ofDays(7)).minusSeconds(5),
        Instant.now().plus(Duration.ofDays(7)));
    String url = invited.body().get("invitationUrl").asText();
    assertThat(url).matches("http://localhost:8080/portal/invitations/[A-Za-z0-9_-]{43}");
    String token = url.substring(url.lastIndexOf('/') + 1);
    assertThat(jdbc.queryForObject("select token_hash from partner_invitation where username = ?",
        String.class, username)).isEqualTo(SecretTokens.sha256(token));
    assertThat(jdbc.queryForList("select * from partner_invitation").toString()
        + jdbc.queryForList("select * from partner_user").toString()).doesNotContain(token);
    JsonNode pending = get(OPERATOR, "/admin-api/partners/" + partnerId).body().get("users");
    assertThat(pending.get(0).get("status").asText()).isEqualTo("INVITED");
    assertThat(pending.get(0).get("invitationExpiresAt").asText())
        .isEqualTo(invited.body().get("expiresAt").asText());
    assertThat(get(new PartnerLogin(username, token, null), "/api/offers/available").status())
        .as("no password before the invitation is accepted").isEqualTo(401);

    Response accepted = accept(token, "correct horse battery");

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body().get("username").asText()).isEqualTo(username);
    PartnerLogin user = new PartnerLogin(username, "correct horse battery", null);
    Response offers = get(user, "/api/offers/available");
    assertThat(offers.status()).isEqualTo(200);
    assertThat(offers.body().get(0).get("purchasable").asBoolean()).isTrue();
    JsonNode active = get(OPERATOR, "/admin-api/partners/" + partnerId).body().get("users");
    assertThat(active.get(0).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(active.get(0).has("invitationExpiresAt")).isFalse();
  }

  @Test
  @DisplayName("Onboarding: a link works once; used, unknown, replaced and expired links all get the same 404")
  void shouldRefuseUsedReplacedAndExpiredLinks() {
    operators();
    String tag = tag();
    String partnerId = createPartner(tag);
    Instant now = Instant.now();
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(7)).minusSeconds(60)));
    String expired = invite(partnerId, "expired." + tag);
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(7)).plusSeconds(60)));
    String lastMinute = invite(partnerId, "lastminute." + tag);
    ClockUtil.reset();
    String replaced = invite(partnerId, "again." + tag);
    String replacement = invite(partnerId, "again." + tag);
    String used = invite(partnerId, "used." + tag);
    assertThat(accept(used, "first password 123").status()).isEqualTo(200);

    Response reused = accept(used, "second password 123");
    Response unknown = accept("A".repeat(43), "some password 123");
    Response malformed = accept("not-a-token", "some password 123");
    Response old = accept(replaced, "some password 123");
    Response tooLate = accept(expired, "some password 123");

    for (Response refused : List.of(reused, unknown, malformed, old, tooLate)) {
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.contentType()).isEqualTo("application/problem+json");
      assertThat(refused.body().get("type")).isEqualTo(unknown.body().get("type"));
      assertThat(refused.body().get("detail")).isEqualTo(unknown.body().get("detail"));
    }
    assertThat(accept(lastMinute, "in time password").status())
        .as("7 days less a minute after the invitation").isEqualTo(200);
    assertThat(accept(replacement, "replacement password").status()).isEqualTo(200);
    assertThat(get(new PartnerLogin("used." + tag, "first password 123", null),
        "/api/offers/available").status()).isEqualTo(200);
    assertThat(get(new PartnerLogin("used." + tag, "second password 123", null),
        "/api/offers/available").status()).isEqualTo(401);
    assertThat(get(new PartnerLogin("expired." + tag, "some password 123", null),
        "/api/offers/available").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("Onboarding: a weak password is refused with 422 naming password and the link still works; an existing username is 409 and changes nothing")
  void shouldRefuseWeakPasswordsAndTakenUsernames() {
    operators();
    String tag = tag();
    String partnerId = createPartner(tag);
    String otherPartner = createPartner("o" + tag);
    String username = "long.username." + tag;
    String token = invite(partnerId, username);

    Response tooShort = accept(token, "short pass");
    Response sameAsName = accept(token, username.toUpperCase());
    Response none = exchange(null, HttpMethod.POST, "/invitations/" + token, Map.of(), Map.of());
    Response takenByPending = post(OPERATOR, "/admin-api/partners/" + otherPartner
        + "/invitations", Map.of("username", username, "email", "x-" + tag + "@example.com"));
    Response takenByActive = post(OPERATOR, "/admin-api/partners/" + partnerId + "/invitations",
        Map.of("username", newMember().username(), "email", "y-" + tag + "@example.com"));
    Response badName = post(OPERATOR, "/admin-api/partners/" + partnerId + "/invitations",
        Map.of("username", "Not Valid", "email", "no-at-sign"));
    Response unknownPartner = post(OPERATOR, "/admin-api/partners/" + UUID.randomUUID()
        + "/invitations", Map.of("username", "nobody." + tag, "email", "z@example.com"));

    for (Response weak : List.of(tooShort, sameAsName, none)) {
      assertThat(weak.status()).isEqualTo(422);
      assertThat(weak.contentType()).isEqualTo("application/problem+json");
      assertThat(fields(weak)).containsExactly("password");
    }
    for (Response taken : List.of(takenByPending, takenByActive)) {
      assertThat(taken.status()).isEqualTo(409);
      assertThat(taken.contentType()).isEqualTo("application/problem+json");
    }
    assertThat(badName.status()).isEqualTo(422);
    assertThat(fields(badName)).containsExactly("username", "email");
    assertThat(unknownPartner.status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from partner_user where username = ?",
        Integer.class, "nobody." + tag)).isZero();
    assertThat(accept(token, "a good long password").status()).isEqualTo(200);
    Response acceptedAlready = post(OPERATOR, "/admin-api/partners/" + partnerId
        + "/invitations", Map.of("username", username, "email", "w-" + tag + "@example.com"));
    assertThat(acceptedAlready.status()).isEqualTo(409);
    assertThat(get(new PartnerLogin(username, "a good long password", null),
        "/api/offers/available").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Onboarding: a CSV import creates the valid rows and reports each rejected one by line and field")
  void shouldImportCsv() throws Exception {
    operators();
    String tag = tag();
    String existing = "taken-" + tag + "@example.com";
    createPartner(tag, existing);
    long before = partners.count();
    String csv = "name,networkMember,locale,email\r\n"
        + "Alpha " + tag + ",true,en-US,alpha-" + tag + "@example.com\r\n"
        + "Beta " + tag + ",false,de-DE,beta-" + tag + "@example.com\r\n"
        + ",true,en-US,nameless-" + tag + "@example.com\r\n"
        + "Gamma " + tag + ",true,es-ES," + existing.toUpperCase() + "\r\n"
        + "\"Delta, Inc. " + tag + "\",FALSE,zh-CN,delta-" + tag + "@example.com\r\n"
        + "\r\n"
        + "Again " + tag + ",true,en-US,ALPHA-" + tag + "@example.com\r\n"
        + "\"The \"\"Best\"\" " + tag + "\",true,en-US,best-" + tag + "@example.com\r\n"
        + "Short " + tag + ",true,en-US\r\n"
        + "Maybe " + tag + ",maybe,en-US,maybe-" + tag + "@example.com\n";

    Response report = importCsv(OPERATOR, csv);

    assertThat(report.status()).isEqualTo(200);
    JsonNode created = report.body().get("created");
    assertThat(created).hasSize(3);
    assertThat(created.findValuesAsText("line")).containsExactly("2", "6", "9");
    assertThat(created.findValuesAsText("name")).containsExactly("Alpha " + tag,
        "Delta, Inc. " + tag, "The \"Best\" " + tag);
    assertThat(report.body().get("rejected")).isEqualTo(json.readTree("""
            [{"line": 3, "field": "locale", "reason": "must be one of en-US, zh-CN, es-ES"},
             {"line": 4, "field": "name", "reason": "is required"},
             {"line": 5, "field": "email", "reason": "is the email of an existing partner"},
             {"line": 8, "field": "email", "reason": "repeats the email of line 2"},
             {"line": 10, "field": "row", "reason": "has 3 fields, not 4"},
             {"line": 11, "field": "networkMember", "reason": "must be true or false"}]"""));
    assertThat(partners.count()).isEqualTo(before + 3);
    JsonNode delta = get(OPERATOR, "/admin-api/partners/" + created.get(1).get("id").asText())
        .body();
    assertThat(delta.get("name").asText()).isEqualTo("Delta, Inc. " + tag);
    assertThat(delta.get("networkMember").asBoolean()).isFalse();
    assertThat(delta.get("locale").asText()).isEqualTo("zh-CN");
    assertThat(delta.get("email").asText()).isEqualTo("delta-" + tag + "@example.com");
  }

  @Test
  @DisplayName("Onboarding: a CSV with a wrong header, too many rows or too many bytes is refused whole; nothing is created")
  void shouldRefuseWholeFiles() {
    operators();
    String tag = tag();
    long before = partners.count();
    StringBuilder tooMany = new StringBuilder("name,networkMember,locale,email\n");
    for (int row = 0; row <= PartnerImport.MAX_ROWS; row++) {
      tooMany.append("P").append(row).append(",true,en-US,p").append(row).append('-')
          .append(tag).append("@example.com\n");
    }

    Response wrongOrder = importCsv(OPERATOR, "name,locale,networkMember,email\n"
        + "Alpha " + tag + ",en-US,true,alpha-" + tag + "@example.com\n");
    Response noHeader = importCsv(OPERATOR, "Alpha " + tag + ",true,en-US,alpha-" + tag
        + "@example.com\n");
    Response rows = importCsv(OPERATOR, tooMany.toString());
    Response bytes = importCsv(OPERATOR, "name,networkMember,locale,email\n"
        + ("\"" + "x".repeat(1000) + "\",true,en-US,a@example.com\n").repeat(1100));
    Response asJson = post(OPERATOR, "/admin-api/partners/import", Map.of("name", "x"));

    for (Response header : List.of(wrongOrder, noHeader)) {
      assertThat(header.status()).isEqualTo(422);
      assertThat(header.contentType()).isEqualTo("application/problem+json");
      assertThat(fields(header)).containsExactly("header");
    }
    assertThat(rows.status()).isEqualTo(422);
    assertThat(rows.contentType()).isEqualTo("application/problem+json");
    assertThat(bytes.status()).isEqualTo(413);
    assertThat(bytes.contentType()).isEqualTo("application/problem+json");
    assertThat(asJson.status()).isEqualTo(415);
    assertThat(importCsv(OWNER, "name,networkMember,locale,email\n").status()).isEqualTo(403);
    assertThat(partners.count()).isEqualTo(before);
  }

  private boolean purchasable(PartnerLogin partner) {
    return get(partner, "/api/offers/available").body().get(0).get("purchasable").asBoolean();
  }

  private String createPartner(String tag) {
    return createPartner(tag, "partner-" + tag + "@example.com");
  }

  private String createPartner(String tag, String email) {
    Map<String, Object> details = new HashMap<>(details("Partner " + tag, tag));
    details.put("email", email);
    Response created = post(OPERATOR, "/admin-api/partners", details);
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("id").asText();
  }

  /** Invites {@code username} and answers the token of its link. */
  private String invite(String partnerId, String username) {
    Response invited = post(OPERATOR, "/admin-api/partners/" + partnerId + "/invitations",
        Map.of("username", username, "email", username + "@example.com"));
    assertThat(invited.status()).isEqualTo(201);
    String url = invited.body().get("invitationUrl").asText();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private Response accept(String token, String password) {
    return exchange(null, HttpMethod.POST, "/invitations/" + token,
        Map.of("password", password), Map.of());
  }

  private Response importCsv(PartnerLogin login, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(login.username(), login.password());
    headers.setContentType(MediaType.parseMediaType("text/csv; charset=utf-8"));
    ResponseEntity<String> response = http.exchange("/admin-api/partners/import",
        HttpMethod.POST, new HttpEntity<>(csv, headers), String.class);
    try {
      return new Response(response, json.readTree(response.getBody()));
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + response.getBody(), e);
    }
  }

  private static Map<String, Object> details(String name, String tag) {
    return Map.of("name", name, "networkMember", true, "locale", "en-US",
        "email", name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + tag + "@example.com");
  }

  private static List<String> fields(Response response) {
    return response.body().get("errors").findValuesAsText("field");
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
