package dev.actionpack.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.partner.PartnerInvitations;
import dev.actionpack.support.LifecycleTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The partner portal over HTTP with a session cookie, as a browser uses it: sign-in with the
 * form and CSRF, the offers and a subscription's details in the partner's language with its
 * money and dates, auto-renewal turned off, the inbox, the language switch, and nothing of
 * another partner's.
 */
class PortalPagesTest extends LifecycleTest {

  @LocalServerPort
  private int port;
  @Autowired
  private PartnerInvitations invitations;

  @Test
  @DisplayName("R19 R10 a Spanish partner signs in, sees Action Pack under Ofertas disponibles and its subscription under Ofertas adquiridas in 475,00 US$ and 10/03/2028, and turns auto-renewal off")
  void shouldWalkTheSpanishPartnerThroughOffersAndDetails() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "es-ES");
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    jobs().advanceTo(Instant.parse("2027-04-11T00:00:00Z"));
    PortalBrowser browser = new PortalBrowser(port);

    HttpResponse<String> signedIn = browser.signIn(partner);
    String offers = browser.get("/portal/offers").body();
    String details = browser.get("/portal/subscriptions/" + number).body();
    HttpResponse<String> turnedOff = browser.post("/portal/subscriptions/" + number
        + "/auto-renewal/off", details, "");
    String afterwards = browser.get("/portal/subscriptions/" + number).body();

    assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/portal/offers"));
    assertThat(offers).contains("lang=\"es-ES\"", "Asociación &gt; Ofertas",
        "Ofertas disponibles", "Ofertas adquiridas", "475,00\u00a0US$ al año",
        "Licencias de Windows 10 Enterprise", number, "Activa", "10/03/2028 (UTC)");
    assertThat(details).contains("Desactivar renovación automática", "VISA **** 4242",
        "Activada: se renueva el 10/03/2028 (UTC) por 475,00\u00a0US$",
        "Créditos mensuales de Azure", "100,00\u00a0US$ — 10/04/2027 (UTC)",
        "Concedidos hasta ahora: 200,00\u00a0US$");
    assertThat(turnedOff.statusCode()).isEqualTo(302);
    assertThat(afterwards).contains("La renovación automática está desactivada. Solo una "
        + "renovación la vuelve a activar.", "Desactivada: caduca el 10/03/2028 (UTC)")
        .doesNotContain("Desactivar renovación automática</button>");
    assertThat(subscription(partner, number).get("autoRenewal").asBoolean()).isFalse();
    assertThat(browser.get("/portal/notifications").body())
        .contains("La renovación automática de tu suscripción");
  }

  @Test
  @DisplayName("R19 the language follows the partner's setting and switches on the page; the sign-in page too")
  void shouldSwitchLanguages() throws Exception {
    PartnerLogin partner = newPartner(true, "zh-CN");
    PortalBrowser browser = new PortalBrowser(port);

    assertThat(browser.get("/portal/login?lang=es-ES").body())
        .contains("Iniciar sesión en el Centro de partners");
    browser.signIn(partner);
    String chinese = new PortalBrowser(port).signInAndGet(partner, "/portal/offers");
    String english = browser.get("/portal/offers?lang=en-US").body();
    String stillEnglish = browser.get("/portal/offers").body();

    assertThat(chinese).contains("lang=\"zh-CN\"", "可用产品/服务", "已购买产品/服务",
        "US$475.00");
    assertThat(english).contains("Available offers", "Purchased offers", "$475.00 a year");
    assertThat(stillEnglish).contains("Available offers");
  }

  @Test
  @DisplayName("R23 signed out, the portal is the sign-in page; a wrong password stays there; another partner's subscription is not found; a form without its CSRF token is refused")
  void shouldKeepPartnersApart() throws Exception {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin owner = newMember();
    String number = subscribe(owner, "4242424242424242").get("number").asText();
    PartnerLogin other = newMember();
    PortalBrowser anonymous = new PortalBrowser(port);
    PortalBrowser intruder = new PortalBrowser(port);
    intruder.signIn(other);

    HttpResponse<String> signedOut = anonymous.get("/portal/subscriptions/" + number);
    HttpResponse<String> wrongPassword = anonymous.signIn(
        new PartnerLogin(owner.username(), "not-the-password", owner.partnerId()));
    HttpResponse<String> foreign = intruder.get("/portal/subscriptions/" + number);
    HttpResponse<String> forged = intruder.post("/portal/subscriptions/" + number
        + "/auto-renewal/off", "", "");
    HttpResponse<String> foreignTurnOff = intruder.post("/portal/subscriptions/" + number
        + "/auto-renewal/off", intruder.get("/portal/offers").body(), "");

    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");
    assertThat(wrongPassword.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/login?error");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain(number, "VISA");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(foreignTurnOff.statusCode()).isEqualTo(404);
    assertThat(subscription(owner, number).get("autoRenewal").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("Onboarding an invited partner user opens the link, chooses a password (in Spanish), signs in to the portal; the used link works no more, and its page says so before anything is typed")
  void shouldLetAnInvitedUserChooseAPasswordAndSignIn() throws Exception {
    PartnerLogin colleague = newPartner(true, "es-ES");
    String username = "invited-" + colleague.username();
    String token = invitations.invite(colleague.partnerId(), username,
        username + "@partners.example").token();
    PortalBrowser browser = new PortalBrowser(port);
    String path = "/portal/invitations/" + token + "?lang=es-ES";

    String form = browser.get(path).body();
    HttpResponse<String> mismatch = browser.post(path, form,
        "password=correct-horse-battery&confirmation=correct-horse-batterz");
    HttpResponse<String> weak = browser.post(path, form, "password=short&confirmation=short");
    HttpResponse<String> accepted = browser.post(path, form,
        "password=correct-horse-battery&confirmation=correct-horse-battery");
    String offers = new PortalBrowser(port).signInAndGet(new PartnerLogin(username,
        "correct-horse-battery", colleague.partnerId()), "/portal/offers");
    HttpResponse<String> usedPage = browser.get(path);
    HttpResponse<String> again = browser.post(path, form,
        "password=another-horse-battery&confirmation=another-horse-battery");
    HttpResponse<String> unknownPage = browser.get("/portal/invitations/"
        + "A".repeat(43) + "?lang=es-ES");

    assertThat(form).contains("Elige tu contraseña", "Repite la contraseña");
    assertThat(mismatch.statusCode()).isEqualTo(422);
    assertThat(mismatch.body()).contains("Las dos contraseñas no coinciden.");
    assertThat(weak.statusCode()).isEqualTo(422);
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(accepted.headers().firstValue("Location").orElseThrow())
        .endsWith("/portal/login?welcome");
    assertThat(offers).contains("Ofertas disponibles");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("Este enlace de invitación no funciona");
    for (HttpResponse<String> unusable : List.of(usedPage, unknownPage)) {
      assertThat(unusable.statusCode()).as("a used or unknown link's page").isEqualTo(404);
      assertThat(unusable.body()).contains("Este enlace de invitación no funciona")
          .doesNotContain("Repite la contraseña");
    }
  }
}
