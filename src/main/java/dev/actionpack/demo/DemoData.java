package dev.actionpack.demo;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.partner.PartnerUser;
import dev.actionpack.partner.PartnerUserRepository;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo partners and users for a local run. Only in the default profile: these passwords are
 * documented in the README and must never exist anywhere else (R23).
 */
@Component
@Profile("default")
class DemoData implements ApplicationRunner {

  static final String PROCESS_OWNERS = "process-owners";
  static final String SUPPORT_AGENTS = "support-agents";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final PartnerRepository partners;
  private final PartnerUserRepository partnerUsers;
  private final PasswordEncoder passwordEncoder;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  DemoData(PartnerRepository partners, PartnerUserRepository partnerUsers,
      PasswordEncoder passwordEncoder, IdentityService identity,
      AuthorizationService authorizations) {
    this.partners = partners;
    this.partnerUsers = partnerUsers;
    this.passwordEncoder = passwordEncoder;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    partner("contoso", "Contoso Partners", true, "en-US");
    partner("wideworld", "Wide World Importers", true, "zh-CN");
    partner("fabrikam", "Fabrikam Solutions", false, "es-ES");

    group(PROCESS_OWNERS, "Process owners");
    group(SUPPORT_AGENTS, "Support agents");
    user("olivia", "Olivia", "Owner", PROCESS_OWNERS);
    user("sam", "Sam", "Agent", SUPPORT_AGENTS);
    grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(SUPPORT_AGENTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
  }

  private void partner(String username, String name, boolean networkMember, String locale) {
    if (partnerUsers.existsById(username)) {
      return;
    }
    Partner partner = partners.save(
        new Partner(name, networkMember, locale, username + "@partners.example"));
    partnerUsers.save(new PartnerUser(username, passwordEncoder.encode(username + "-demo"),
        partner.getId()));
    log.info("Demo partner {} ({}), user {}", name,
        networkMember ? "Network member" : "not a Network member", username);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(id + "-demo");
      user.setEmail(id + "@actionpack.example");
      identity.saveUser(user);
      identity.createMembership(id, groupId);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (!exists) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      List.of(permissions).forEach(authorization::addPermission);
      authorizations.saveAuthorization(authorization);
    }
  }
}
