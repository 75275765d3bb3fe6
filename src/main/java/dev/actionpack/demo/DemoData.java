package dev.actionpack.demo;

import static dev.actionpack.process.CamundaGroups.PARTNER_ADMINS;
import static dev.actionpack.process.CamundaGroups.PROCESS_OWNERS;
import static dev.actionpack.process.CamundaGroups.SUPPORT_AGENTS;
import static dev.actionpack.process.CamundaGroups.SUPPORT_LEADS;

import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.partner.PartnerUser;
import dev.actionpack.partner.PartnerUserRepository;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo partners and users for a local run. Only in the default profile: these passwords are
 * documented in the README and must never exist anywhere else (R23), which
 * {@code ProductionSafety} checks in every other profile.
 */
@Component
@Profile("default")
@Order(2)
public class DemoData implements ApplicationRunner {

  /** Every demo login and its password, so other profiles can refuse to run with one. */
  public static final Map<String, String> DEMO_PARTNER_LOGINS = Map.of(
      "contoso", "contoso-demo", "wideworld", "wideworld-demo", "fabrikam", "fabrikam-demo");
  public static final Map<String, String> DEMO_CAMUNDA_LOGINS = Map.of(
      "admin", "admin", "olivia", "olivia-demo", "sam", "sam-demo", "lena", "lena-demo",
      "pat", "pat-demo");
  /** The Prometheus scrape password of application-default.yaml. */
  public static final String DEMO_METRICS_PASSWORD = "metrics-demo";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final PartnerRepository partners;
  private final PartnerUserRepository partnerUsers;
  private final PasswordEncoder passwordEncoder;
  private final IdentityService identity;

  DemoData(PartnerRepository partners, PartnerUserRepository partnerUsers,
      PasswordEncoder passwordEncoder, IdentityService identity) {
    this.partners = partners;
    this.partnerUsers = partnerUsers;
    this.passwordEncoder = passwordEncoder;
    this.identity = identity;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    partner("contoso", "Contoso Partners", true, "en-US");
    partner("wideworld", "Wide World Importers", true, "zh-CN");
    partner("fabrikam", "Fabrikam Solutions", false, "es-ES");

    user("olivia", "Olivia", "Owner", PROCESS_OWNERS);
    user("sam", "Sam", "Agent", SUPPORT_AGENTS);
    user("lena", "Lena", "Lead", SUPPORT_LEADS);
    user("pat", "Pat", "Operator", PARTNER_ADMINS);
  }

  private void partner(String username, String name, boolean networkMember, String locale) {
    if (partnerUsers.existsById(username)) {
      return;
    }
    Partner partner = partners.save(
        new Partner(name, networkMember, locale, username + "@partners.example"));
    partnerUsers.save(new PartnerUser(username,
        passwordEncoder.encode(DEMO_PARTNER_LOGINS.get(username)), partner.getId()));
    log.info("Demo partner {} ({}), user {}", name,
        networkMember ? "Network member" : "not a Network member", username);
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(DEMO_CAMUNDA_LOGINS.get(id));
      user.setEmail(id + "@actionpack.example");
      identity.saveUser(user);
      identity.createMembership(id, groupId);
    }
  }
}
