package dev.actionpack.security;

import static dev.actionpack.process.CamundaGroups.PARTNER_ADMINS;
import static dev.actionpack.process.CamundaGroups.PROCESS_OWNERS;
import static dev.actionpack.process.CamundaGroups.SUPPORT_AGENTS;
import static dev.actionpack.process.CamundaGroups.SUPPORT_LEADS;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.actionpack.process.CancelViaSupportProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of the Camunda webapps and what each may do (R23), in every profile: process
 * owners read Cockpit; support agents work the cancellation tasks in Tasklist and nothing else;
 * support leads do the same and also see the support process in Cockpit; only
 * {@code camunda-admin} administers. Partner admins get no webapp at all: they onboard partners
 * through {@code /admin-api} ({@code AdminApiSecurity}). Also the Tasklist filter "Cancellation
 * requests".
 */
@Component
@Order(1)
public class CamundaAccess implements ApplicationRunner {

  public static final String CANCELLATION_FILTER = "Cancellation requests";

  private static final String SUPPORT = CancelViaSupportProcess.KEY;

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  CamundaAccess(IdentityService identity, AuthorizationService authorizations,
      FilterService filters, TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    group(PROCESS_OWNERS, "Process owners");
    group(SUPPORT_AGENTS, "Support agents");
    group(SUPPORT_LEADS, "Support leads");
    group(PARTNER_ADMINS, "Partner admins");

    grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.READ);

    for (String support : List.of(SUPPORT_AGENTS, SUPPORT_LEADS)) {
      grant(support, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // READ_INSTANCE: Tasklist lists each task with the filter's process variables
      // (subscription, partner, term end), which READ_TASK alone leaves out
      grant(support, Resources.PROCESS_DEFINITION, SUPPORT, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.UPDATE_TASK);
    }
    grant(SUPPORT_LEADS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(SUPPORT_LEADS, Resources.PROCESS_DEFINITION, SUPPORT,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);

    Filter filter = cancellationFilter();
    for (String support : List.of(SUPPORT_AGENTS, SUPPORT_LEADS)) {
      grant(support, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private Filter cancellationFilter() {
    Filter existing = filters.createFilterQuery().filterName(CANCELLATION_FILTER).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter filter = filters.newTaskFilter(CANCELLATION_FILTER)
        .setQuery(tasks.createTaskQuery().processDefinitionKey(SUPPORT)
            .orderByTaskPriority().desc().orderByTaskCreateTime().asc())
        .setProperties(Map.of(
            "description", "Partners' requests to cancel Action Pack, most urgent first",
            "priority", -10,
            "refresh", true,
            "variables", List.of(
                Map.of("name", "subscriptionNumber", "label", "Subscription"),
                Map.of("name", "partner", "label", "Partner"),
                Map.of("name", "termEnd", "label", "Term ends"))));
    return filters.saveFilter(filter);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
