package dev.actionpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.support.ApiTest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Guessing passwords is slow and locks nobody out for good (R23): failed sign-ins per user and
 * per client wait longer and longer, and every lock ends by itself. (All test requests come
 * from one address, so the test profile lets many failures per client through; the per-client
 * count is tried on the filter directly.)
 */
class LoginThrottleTest extends ApiTest {

  private static final Instant NOW = Instant.parse("2027-08-01T10:00:00Z");

  @Autowired
  private IdentityService identity;

  @Test
  @DisplayName("R23 200 wrong passwords for a partner user: after 5, 429 with Retry-After and no check at all, the right one included; the lock ends by itself")
  void shouldThrottleWrongPartnerPasswords() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    PartnerLogin partner = newMember();
    Map<Integer, Integer> statuses = new TreeMap<>();
    String retryAfter = null;
    for (int guess = 0; guess < 200; guess++) {
      ResponseEntity<String> answer = get(partner.username(), "guess-" + guess,
          "/api/offers/purchased");
      statuses.merge(answer.getStatusCode().value(), 1, Integer::sum);
      if (answer.getStatusCode().value() == 429) {
        retryAfter = answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(answer.getHeaders().getContentType().toString())
            .startsWith("application/problem+json");
      }
    }
    assertThat(statuses.get(401)).as("guesses that were checked").isBetween(5, 6);
    assertThat(statuses.get(429)).as("guesses refused unchecked").isGreaterThan(190);
    assertThat(retryAfter).matches("\\d+");
    assertThat(get(partner.username(), partner.password(), "/api/offers/purchased")
        .getStatusCode().value()).as("the right password while locked").isEqualTo(429);

    ClockUtil.setCurrentTime(Date.from(NOW.plus(LoginThrottle.MAX_LOCK).plusSeconds(1)));
    assertThat(get(partner.username(), partner.password(), "/api/offers/purchased")
        .getStatusCode().value()).as("the right password after the lock").isEqualTo(200);
  }

  @Test
  @DisplayName("R23 wrong API keys are throttled like wrong passwords")
  void shouldThrottleWrongApiKeys() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    String key = "apk_" + "0".repeat(32) + "_" + "A".repeat(43);
    int throttled = 0;
    for (int guess = 0; guess < 30; guess++) {
      HttpHeaders headers = new HttpHeaders();
      headers.setBearerAuth(key);
      if (http.exchange("/api/orders", HttpMethod.GET, new HttpEntity<>(headers), String.class)
          .getStatusCode().value() == 429) {
        throttled++;
      }
    }
    assertThat(throttled).isGreaterThan(20);
  }

  @Test
  @DisplayName("R23 Camunda users: failed logins lock the user a few seconds at a time, never for good, so nobody can lock out admin")
  void shouldNeverLockACamundaUserForGood() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    String victim = "victimvi";
    if (identity.createUserQuery().userId(victim).count() == 0) {
      User user = identity.newUser(victim);
      user.setPassword("the-right-password");
      identity.saveUser(user);
    }
    for (int guess = 0; guess < 50; guess++) {
      ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(guess * 61L)));
      assertThat(identity.checkPassword(victim, "wrong-" + guess)).isFalse();
    }

    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(50 * 61L + 61)));
    assertThat(identity.checkPassword(victim, "the-right-password"))
        .as("the right password once the last lock has passed").isTrue();
  }

  @Test
  @DisplayName("R23 engine-rest sign-ins are throttled per user: 429 with Retry-After")
  void shouldThrottleEngineRestSignIns() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    int throttled = 0;
    for (int guess = 0; guess < 20; guess++) {
      ResponseEntity<String> answer = get("nobodynb", "guess-" + guess, "/engine-rest/task");
      if (answer.getStatusCode().value() == 429) {
        throttled++;
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
      }
    }
    assertThat(throttled).isGreaterThan(10);
  }

  @Test
  @DisplayName("R23 one client address guessing many users is throttled too, and only after its free failures")
  void shouldThrottleOneClientGuessingManyUsers() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NOW));
    LoginThrottle strict = new LoginThrottle(5, 3);
    LoginThrottleFilter filter = new LoginThrottleFilter(strict, json, true, request -> true);
    int throttled = 0;
    for (int user = 0; user < 10; user++) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
      request.setRemoteAddr("203.0.113.7");
      request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
          .encodeToString(("user" + user + ":wrong").getBytes()));
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(request, response, new MockFilterChain() {
        @Override
        public void doFilter(jakarta.servlet.ServletRequest req,
            jakarta.servlet.ServletResponse res) {
          ((MockHttpServletResponse) res).setStatus(401);
        }
      });
      if (response.getStatus() == 429) {
        throttled++;
      }
    }
    assertThat(throttled).isEqualTo(6);
    assertThat(strict.wait(null, "198.51.100.1")).as("another address").isEmpty();
  }

  private ResponseEntity<String> get(String user, String password, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
