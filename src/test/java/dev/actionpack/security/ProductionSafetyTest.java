package dev.actionpack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.actionpack.support.StandaloneApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R23: outside the default demo profile, no default or demo password lets the service start. */
class ProductionSafetyTest {

  private static final String SECRET = "correct-horse-battery-staple-42";

  @Test
  @DisplayName("R23 prod refuses to start without an admin secret, with a demo password, or without a database")
  void shouldRefuseToStartWithoutAStrongAdminSecret() {
    assertThatThrownBy(() -> StandaloneApp.start("produnset", "prod").close())
        .hasMessageContaining("ACTIONPACK_ADMIN_PASSWORD")
        .hasMessageContaining("Refusing to start");
    assertThatThrownBy(() -> StandaloneApp.start("proddemo", "prod",
        "camunda.bpm.admin-user.password=admin").close())
        .hasMessageContaining("demo password");
    assertThatThrownBy(() -> StandaloneApp.start(null, "prod",
        "camunda.bpm.admin-user.password=" + SECRET).close())
        .hasMessageContaining("no database is configured");
  }

  @Test
  @DisplayName("R23 prod refuses the embedded payment provider unless it is asked for; Stripe needs its key and webhook secret")
  void shouldRefuseTheEmbeddedProviderInProd() {
    assertThatThrownBy(() -> StandaloneApp.start("prodembedded", "prod",
        "camunda.bpm.admin-user.password=" + SECRET).close())
        .hasMessageContaining("embedded test provider")
        .hasMessageContaining("ACTIONPACK_PAYMENT_PROVIDER=stripe");
    assertThatThrownBy(() -> StandaloneApp.start("prodstripenokey", "prod",
        "camunda.bpm.admin-user.password=" + SECRET, "actionpack.payment.provider=stripe").close())
        .hasStackTraceContaining("ACTIONPACK_PAYMENT_STRIPE_API_KEY");
  }

  @Test
  @DisplayName("R23 prod refuses a database where demo logins still work")
  void shouldRefuseDatabaseWithDemoLogins() {
    try (StandaloneApp demo = StandaloneApp.start("copieddemo", null)) {
      assertThat(demo.baseUrl()).startsWith("http://localhost:");
    }
    assertThatThrownBy(() -> StandaloneApp.start("copieddemo", "prod",
        "camunda.bpm.admin-user.password=" + SECRET, "actionpack.payment.allow-embedded=true")
        .close())
        .hasMessageContaining("still has its demo password");
  }

  @Test
  @DisplayName("R23 prod with a strong secret and Stripe starts without demo users; engine-rest wants it")
  void shouldStartWithStrongSecretAndNoDemoUsers() throws Exception {
    try (StandaloneApp prod = StandaloneApp.start("prodok", "prod",
        "camunda.bpm.admin-user.password=" + SECRET, "actionpack.payment.provider=stripe",
        "actionpack.payment.stripe.api-key=sk_test_prodsafety",
        "actionpack.payment.stripe.webhook-secret=whsec_prodsafety")) {
      String users = prod.baseUrl() + "/engine-rest/user";
      // the right secret first: a failed login locks the user for a few seconds (Camunda's
      // protection against guessing), which would make the right one fail too
      assertThat(status(users, "admin", SECRET)).isEqualTo(200);
      assertThat(status(users, "admin", "admin")).isEqualTo(401);
      assertThat(status(users, "olivia", "olivia-demo")).isEqualTo(401);
      assertThat(status(prod.baseUrl() + "/api/offers/available", "contoso", "contoso-demo"))
          .isEqualTo(401);
    }
  }

  private static int status(String url, String user, String password) throws Exception {
    String basic = Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Basic " + basic).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
