package dev.actionpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Partner API keys: issued once, checked without BCrypt, scoped to their user, revocable. */
class ApiKeyTest extends ApiTest {

  @Autowired
  private JdbcTemplate jdbc;

  @Test
  @DisplayName("R23 an API key signs its partner user in, shows its secret once, stores only a hash")
  void shouldSignInWithAnIssuedKey() {
    PartnerLogin partner = newMember();

    Response issued = post(partner, "/api/api-keys", Map.of("name", "billing sync"));

    assertThat(issued.status()).isEqualTo(201);
    String key = issued.body().get("key").asText();
    assertThat(key).matches("apk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
    Response purchase = withKey(key, HttpMethod.POST, "/api/purchases",
        purchaseWithCard("4242424242424242"));
    assertThat(purchase.status()).isEqualTo(201);
    assertThat(get(partner, "/api/orders").body()).hasSize(1);
    JsonNode listed = get(partner, "/api/api-keys").body();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("name").asText()).isEqualTo("billing sync");
    assertThat(listed.get(0).has("key")).isFalse();
    String secret = key.substring(key.lastIndexOf('_') + 1);
    assertThat(jdbc.queryForList("select * from partner_api_key").toString())
        .doesNotContain(secret);
  }

  @Test
  @DisplayName("R23 a wrong, unknown or revoked key is refused with 401 problem+json; another partner cannot revoke it")
  void shouldRefuseBadAndRevokedKeys() {
    PartnerLogin partner = newMember();
    PartnerLogin other = newMember();
    JsonNode issued = post(partner, "/api/api-keys", Map.of("name", "ci")).body();
    String key = issued.get("key").asText();
    String id = issued.get("id").asText();
    String wrongSecret = key.substring(0, key.length() - 4) + "AAAA";

    assertThat(withKey(key, HttpMethod.GET, "/api/orders", null).status()).isEqualTo(200);
    for (String bad : new String[] {wrongSecret, "apk_" + "0".repeat(32) + "_" + "A".repeat(43),
        "not-a-key"}) {
      Response refused = withKey(bad, HttpMethod.GET, "/api/orders", null);
      assertThat(refused.status()).as(bad).isEqualTo(401);
      assertThat(refused.contentType()).isEqualTo("application/problem+json");
    }
    assertThat(exchange(other, HttpMethod.DELETE, "/api/api-keys/" + id, null, Map.of()).status())
        .isEqualTo(404);
    assertThat(withKey(key, HttpMethod.GET, "/api/orders", null).status()).isEqualTo(200);

    assertThat(exchange(partner, HttpMethod.DELETE, "/api/api-keys/" + id, null, Map.of())
        .status()).isEqualTo(204);

    assertThat(withKey(key, HttpMethod.GET, "/api/orders", null).status()).isEqualTo(401);
    assertThat(get(partner, "/api/api-keys").body().get(0).has("revokedAt")).isTrue();
  }

  @Test
  @DisplayName("A key without a name is refused with a problem naming the field; nothing is stored")
  void shouldRequireAName() {
    PartnerLogin partner = newMember();

    Response refused = post(partner, "/api/api-keys", Map.of("name", " "));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("name");
    assertThat(get(partner, "/api/api-keys").body()).isEmpty();
  }

  private Response withKey(String key, HttpMethod method, String path, Object body) {
    return exchange(null, method, path, body, Map.of("Authorization", "Bearer " + key));
  }
}
