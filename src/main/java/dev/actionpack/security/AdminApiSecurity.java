package dev.actionpack.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.process.CamundaGroups;
import dev.actionpack.web.ApiProblem;
import dev.actionpack.web.RequestSizeLimit;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The operators' admin API, {@code /admin-api}: HTTP Basic against Camunda's identity service
 * (the operators are Camunda users, kept where their other accounts are), then membership of
 * {@code partner-admins} or {@code camunda-admin}. A Camunda user of any other group is
 * signed in but refused (403); a partner user is no Camunda user, so its password is wrong
 * here (401). Stateless, like the partner API: no session, so no CSRF to defend against.
 * Failed sign-ins are throttled like every other way in ({@link LoginThrottle}), on top of
 * Camunda's own delay after a wrong password.
 */
@Configuration
class AdminApiSecurity {

  /** A CSV import of {@code PartnerImport.MAX_ROWS} partners fits, with room to spare. */
  static final long MAX_BODY_BYTES = 1024 * 1024;
  static final String ROLE = "PARTNER_ADMIN";

  @Bean
  @Order(2)
  SecurityFilterChain adminApi(HttpSecurity http, ObjectMapper json, IdentityService identity,
      LoginThrottle throttle) throws Exception {
    AuthenticationEntryPoint unauthenticated = SecurityConfiguration.basicChallenge(json,
        "Action Pack admin API", "Sign in with a Camunda user of the group "
            + CamundaGroups.PARTNER_ADMINS + " or " + Groups.CAMUNDA_ADMIN + " (HTTP Basic).");
    return http
        .securityMatcher("/admin-api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ROLE))
        .authenticationManager(operators(identity))
        .addFilterBefore(new UnavailableFilter(json), DisableEncodeUrlFilter.class)
        .addFilterAfter(new RequestSizeLimit(json, MAX_BODY_BYTES), UnavailableFilter.class)
        .addFilterBefore(new LoginThrottleFilter(throttle, json, true, request -> true),
            BasicAuthenticationFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler((request, response, e) -> new ApiProblem(HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "Only members of " + CamundaGroups.PARTNER_ADMINS
                    + " or " + Groups.CAMUNDA_ADMIN + " onboard partners.")
                .write(response, json)))
        .sessionManagement(session ->
            session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * A Camunda user with the right password; an operator if in one of the two groups. The admin
   * API and the admin pages ({@link AdminPagesSecurity}) sign in the same people this way.
   */
  static AuthenticationManager operators(IdentityService identity) {
    return authentication -> {
      String user = authentication.getName();
      Object password = authentication.getCredentials();
      if (user == null || user.isBlank() || !(password instanceof String secret)
          || secret.isEmpty() || !identity.checkPassword(user, secret)) {
        throw new BadCredentialsException("not a Camunda user with this password");
      }
      boolean operator = identity.createGroupQuery().groupMember(user)
          .groupIdIn(CamundaGroups.PARTNER_ADMINS, Groups.CAMUNDA_ADMIN).count() > 0;
      List<GrantedAuthority> authorities = operator
          ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)) : List.of();
      return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    };
  }
}
