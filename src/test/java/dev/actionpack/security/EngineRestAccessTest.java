package dev.actionpack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.actionpack.process.CamundaGroups;
import dev.actionpack.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * What each Camunda group reaches in {@code engine-rest} (R23): jobs outside any process
 * instance, such as the history cleanup, have no authorization check of Camunda's own, so only
 * admins act on engine jobs at all, and each group reaches the resources its work needs.
 */
class EngineRestAccessTest extends ApiTest {

  private static final String OWNER = "ownerjo";
  private static final String AGENT = "agentcy";
  private static final String PASSWORD = "group-member-password";
  private static final String ADMIN_PASSWORD = "test-only-admin-secret-7f3e";

  @Autowired
  private IdentityService identity;
  @Autowired
  private ManagementService management;
  @Autowired
  private HistoryService history;

  private Job cleanup;

  @BeforeEach
  void usersAndTheCleanupJob() {
    camundaUser(OWNER, CamundaGroups.PROCESS_OWNERS, PASSWORD);
    camundaUser(AGENT, CamundaGroups.SUPPORT_AGENTS, PASSWORD);
    if (history.findHistoryCleanupJobs().isEmpty()) {
      history.cleanUpHistoryAsync();
    }
    cleanup = history.findHistoryCleanupJobs().get(0);
  }

  @Test
  @DisplayName("R23 a process owner or a support agent cannot run, suspend, reschedule, stop or delete the history cleanup job")
  void shouldKeepNonAdminsAwayFromTheHistoryCleanupJob() {
    for (String user : new String[] {OWNER, AGENT}) {
      String job = "/engine-rest/job/" + cleanup.getId();
      assertThat(status(user, HttpMethod.POST, job + "/execute", null)).as("%s runs it", user)
          .isEqualTo(403);
      assertThat(status(user, HttpMethod.PUT, job + "/suspended", Map.of("suspended", true)))
          .as("%s suspends it", user).isEqualTo(403);
      assertThat(status(user, HttpMethod.PUT, job + "/retries", Map.of("retries", 0)))
          .as("%s sets its retries to 0", user).isEqualTo(403);
      assertThat(status(user, HttpMethod.PUT, job + "/duedate",
          Map.of("duedate", "2099-01-01T00:00:00.000+0000"))).as("%s reschedules it", user)
          .isEqualTo(403);
      assertThat(status(user, HttpMethod.DELETE, job, null)).as("%s deletes it", user)
          .isEqualTo(403);
    }

    Job after = management.createJobQuery().jobId(cleanup.getId()).singleResult();
    assertThat(after).as("the cleanup job").isNotNull();
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
    assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
  }

  @Test
  @DisplayName("R23 the engine itself refuses a non-admin's job actions, whatever the way in (the webapps' API, Java)")
  void shouldRefuseJobActionsInTheEngineItself() {
    identity.setAuthentication(OWNER, List.of(CamundaGroups.PROCESS_OWNERS));
    try {
      assertThatThrownBy(() -> management.executeJob(cleanup.getId()))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> management.suspendJobById(cleanup.getId()))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> management.setJobRetries(cleanup.getId(), 0))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> management.deleteJob(cleanup.getId()))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> history.cleanUpHistoryAsync(true))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(management.createJobQuery().jobId(cleanup.getId()).singleResult().isSuspended())
        .isFalse();
  }

  @Test
  @DisplayName("R23 the admin may act on engine jobs")
  void shouldLetTheAdminActOnJobs() {
    String job = "/engine-rest/job/" + cleanup.getId() + "/suspended";
    assertThat(status("admin", HttpMethod.PUT, job, Map.of("suspended", true))).isEqualTo(204);
    assertThat(status("admin", HttpMethod.PUT, job, Map.of("suspended", false))).isEqualTo(204);
  }

  @Test
  @DisplayName("R23 each group reaches only the engine-rest resources its work needs")
  void shouldLetEachGroupReachWhatItsWorkNeeds() {
    assertThat(status(AGENT, HttpMethod.GET, "/engine-rest/task", null)).isEqualTo(200);
    assertThat(status(AGENT, HttpMethod.GET, "/engine-rest/filter", null)).isEqualTo(200);
    assertThat(status(AGENT, HttpMethod.GET, "/engine-rest/deployment", null)).isEqualTo(403);
    assertThat(status(AGENT, HttpMethod.GET, "/engine-rest/authorization", null)).isEqualTo(403);
    assertThat(status(AGENT, HttpMethod.GET, "/engine-rest/job", null)).isEqualTo(403);

    assertThat(status(OWNER, HttpMethod.GET, "/engine-rest/process-instance", null))
        .isEqualTo(200);
    assertThat(status(OWNER, HttpMethod.GET, "/engine-rest/history/process-instance", null))
        .isEqualTo(200);
    assertThat(status(OWNER, HttpMethod.GET, "/engine-rest/incident", null)).isEqualTo(200);
    assertThat(status(OWNER, HttpMethod.POST, "/engine-rest/process-definition/key/renew/start",
        Map.of())).isEqualTo(403);
    assertThat(status(OWNER, HttpMethod.GET, "/engine-rest/user", null)).isEqualTo(403);
    assertThat(status(OWNER, HttpMethod.POST, "/engine-rest/history/cleanup", null))
        .isEqualTo(403);

    assertThat(status("admin", HttpMethod.GET, "/engine-rest/user", null)).isEqualTo(200);
    assertThat(status("admin", HttpMethod.GET, "/engine-rest/deployment", null)).isEqualTo(200);
  }

  private int status(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, user.equals("admin") ? ADMIN_PASSWORD : PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class)
        .getStatusCode().value();
  }
}
