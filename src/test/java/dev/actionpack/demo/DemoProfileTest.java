package dev.actionpack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What {@code ./mvnw spring-boot:run} gives a newcomer: the default profile with its demo
 * partners and Camunda users (on an in-memory database here instead of ./data). Its engine has a
 * name of its own, so it does not shadow the engine of the other test contexts in Camunda's
 * engine registry; engine-rest reaches it under {@code /engine-rest/engine/demo}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-profile;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=demo"})
class DemoProfileTest {

  @Autowired
  private TestRestTemplate http;

  @Test
  @DisplayName("R1 demo: the member partner may buy Action Pack, the other one may not")
  void shouldProvideDemoPartners() {
    var member = http.withBasicAuth("contoso", "contoso-demo")
        .getForEntity("/api/offers/available", String.class);
    var nonMember = http.withBasicAuth("fabrikam", "fabrikam-demo")
        .getForEntity("/api/offers/available", String.class);

    assertThat(member.getStatusCode().value()).isEqualTo(200);
    assertThat(member.getBody()).contains("\"purchasable\":true");
    assertThat(nonMember.getBody()).contains("\"purchasable\":false", "Network member");
  }

  @Test
  @DisplayName("R23 demo: process owner reads process definitions in engine-rest, the agent does not")
  void shouldProvideDemoCamundaUsers() {
    var owner = http.withBasicAuth("olivia", "olivia-demo")
        .getForEntity("/engine-rest/engine/demo/process-definition?key=subscribe", String.class);
    var agent = http.withBasicAuth("sam", "sam-demo")
        .getForEntity("/engine-rest/engine/demo/process-definition?key=subscribe", String.class);
    var admin = http.withBasicAuth("admin", "admin")
        .getForEntity("/engine-rest/engine/demo/user", String.class);
    var wrong = http.withBasicAuth("olivia", "nope")
        .getForEntity("/engine-rest/engine/demo/process-definition", String.class);

    assertThat(owner.getBody()).contains("\"key\":\"subscribe\"");
    assertThat(agent.getStatusCode().value()).isEqualTo(200);
    assertThat(agent.getBody()).isEqualTo("[]");
    assertThat(admin.getBody()).contains("olivia", "sam");
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
  }
}
