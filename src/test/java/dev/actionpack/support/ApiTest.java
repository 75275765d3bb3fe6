package dev.actionpack.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.partner.PartnerUser;
import dev.actionpack.partner.PartnerUserRepository;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the API tests: the whole service on a random port with a real engine, its job
 * executor and H2, driven over HTTP as a partner's client would. Each test makes its own
 * partners, so tests share one application context without seeing each other's data.
 */
// every API test context checks the entity mappings against Flyway's schema (H2, PostgreSQL)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.jpa.hibernate.ddl-auto=validate")
@ActiveProfiles("test")
public abstract class ApiTest {

  public static final String TERMS_VERSION = "MPN-IUR-2017-07";

  @Autowired
  protected TestRestTemplate http;
  @Autowired
  protected ObjectMapper json;
  @Autowired
  private PartnerRepository partners;
  @Autowired
  private PartnerUserRepository partnerUsers;
  @Autowired
  private PasswordEncoder passwordEncoder;

  @Autowired
  private ProcessEngine engine;
  @Autowired
  private IdentityService identity;

  /**
   * engine-rest and the webapps find their engine by name in Camunda's static registry, one per
   * JVM; the test JVM holds several application contexts, each with an engine named "default".
   * The running test's engine is the one they must find.
   */
  @BeforeEach
  void registerThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  /** A partner with one partner user whose password is "secret". */
  protected PartnerLogin newPartner(boolean networkMember, String locale) {
    String username = "partner-" + UUID.randomUUID().toString().substring(0, 8);
    Partner partner = partners.save(new Partner("Partner " + username, networkMember, locale,
        username + "@partners.example"));
    partnerUsers.save(new PartnerUser(username, passwordEncoder.encode("secret"),
        partner.getId()));
    return new PartnerLogin(username, "secret", partner.getId());
  }

  /** A Camunda user (webapps, engine-rest) in {@code group}, made once per context. */
  protected void camundaUser(String id, String group, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      user.setFirstName(id);
      user.setLastName("Tester");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  protected PartnerLogin newMember() {
    return newPartner(true, "en-US");
  }

  protected Response get(PartnerLogin login, String path) {
    return exchange(login, HttpMethod.GET, path, null, Map.of());
  }

  protected Response post(PartnerLogin login, String path, Object body) {
    return exchange(login, HttpMethod.POST, path, body, Map.of());
  }

  protected Response purchase(PartnerLogin login, Object body, String idempotencyKey) {
    return exchange(login, HttpMethod.POST, "/api/purchases", body,
        idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
  }

  protected Response exchange(PartnerLogin login, HttpMethod method, String path, Object body,
      Map<String, String> extraHeaders) {
    HttpHeaders headers = new HttpHeaders();
    if (login != null) {
      headers.setBasicAuth(login.username(), login.password());
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    extraHeaders.forEach(headers::add);
    ResponseEntity<String> response = http.exchange(path, method,
        new HttpEntity<>(body, headers), String.class);
    return new Response(response, read(response.getBody()));
  }

  private JsonNode read(String body) {
    try {
      return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }

  /** The body of a purchase as the partner reviewed it. */
  protected static Map<String, Object> purchaseWithCard(String cardNumber) {
    return purchaseWith(card(cardNumber));
  }

  /** The purchase steps done, paid with {@code card}: card details or a provider's token. */
  protected static Map<String, Object> purchaseWith(Map<String, Object> card) {
    return Map.of(
        "offerCode", "ACTION_PACK",
        "termsAccepted", true,
        "termsVersion", TERMS_VERSION,
        "card", card,
        "reviewedPrice", Map.of("amount", 475.00, "currency", "USD"));
  }

  protected static Map<String, Object> card(String number) {
    return Map.of("number", number, "expiryMonth", 12, "expiryYear", 2035, "cvc",
        number.startsWith("37") ? "1234" : "123", "holderName", "Pat Partner");
  }

  public record PartnerLogin(String username, String password, UUID partnerId) {}

  public record Response(ResponseEntity<String> entity, JsonNode body) {

    public int status() {
      return entity.getStatusCode().value();
    }

    public String contentType() {
      return String.valueOf(entity.getHeaders().getContentType());
    }

    public String location() {
      return String.valueOf(entity.getHeaders().getLocation());
    }
  }
}
