package dev.actionpack.security;

import dev.actionpack.process.CamundaGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What each Camunda group reaches in {@code engine-rest} (R23), on top of the engine's own
 * authorizations: process owners read (GET, and the queries that read through POST); support
 * agents and leads work tasks and their filters and read the definitions their forms come from,
 * leads also read the support process's instances; admins reach everything. Anything else is a
 * 403 before the engine sees it. It runs after Camunda's authentication filter, which signs the
 * user in for the request.
 */
final class EngineRestAccess extends OncePerRequestFilter {

  private static final Set<String> READING = Set.of("GET", "HEAD");
  /** Reads that engine-rest takes as POST, with the query in the body. */
  private static final Pattern POST_QUERY = Pattern.compile(
      "/(process-instance|execution|variable-instance|job|incident|task|process-definition"
          + "|history/(process-instance|activity-instance|variable-instance|task|incident"
          + "|job-log))(/count)?");
  private static final Pattern OWNERS_READ = Pattern.compile(
      "/(process-definition|process-instance|execution|variable-instance|incident|job"
          + "|job-definition|deployment|history|decision-definition|activity-instance|batch"
          + "|metrics|identity|version|engine)(/.*)?");
  private static final Pattern TASK_WORK = Pattern.compile("/(task|filter)(/.*)?");
  private static final Pattern AGENTS_READ = Pattern.compile(
      "/(process-definition|identity|version|engine|group)(/.*)?");
  private static final Pattern LEADS_READ = Pattern.compile(
      "/(process-instance|history|incident|execution|variable-instance)(/.*)?");
  private static final Pattern OWN_PROFILE = Pattern.compile("/user/([^/]+)/profile");

  private final IdentityService identity;

  EngineRestAccess(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Authentication user = identity.getCurrentAuthentication();
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    if (user == null || allowed(user, request.getMethod(), path)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"Your group "
        + "does not use this part of engine-rest.\"}");
  }

  static boolean allowed(Authentication user, String method, String path) {
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    boolean reading = READING.contains(method)
        || ("POST".equals(method) && POST_QUERY.matcher(path).matches());
    var profile = OWN_PROFILE.matcher(path);
    if (reading && profile.matches() && profile.group(1).equals(user.getUserId())) {
      return true;
    }
    if (groups.contains(CamundaGroups.PROCESS_OWNERS) && reading
        && OWNERS_READ.matcher(path).matches()) {
      return true;
    }
    boolean support = groups.contains(CamundaGroups.SUPPORT_AGENTS)
        || groups.contains(CamundaGroups.SUPPORT_LEADS);
    if (support && (TASK_WORK.matcher(path).matches()
        || (reading && AGENTS_READ.matcher(path).matches()))) {
      return true;
    }
    return groups.contains(CamundaGroups.SUPPORT_LEADS) && reading
        && LEADS_READ.matcher(path).matches();
  }
}
