package dev.actionpack.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The operators' admin pages, {@code /admin}: the same people as the admin API
 * ({@link AdminApiSecurity#operators}, Camunda users of {@code partner-admins} or
 * {@code camunda-admin}), signed in with a form into a session (a cookie, so CSRF-protected),
 * like the portal. A Camunda user of another group is signed in but sees the refusal page
 * (403); a partner user is no Camunda user, so its password is wrong here. Failed sign-ins are
 * throttled like every other way in. {@code /admin/**} and {@code /admin-api/**} do not
 * overlap, nor does either reach the webapps' {@code /camunda/app/admin}.
 */
@Configuration
class AdminPagesSecurity {

  /** The refusal page (403): not an operator, or a form without its CSRF token. */
  static final String DENIED = "/admin/denied";

  /**
   * Where the session keeps the operator's sign-in: apart from a partner's portal sign-in in
   * the same browser, so neither counts on the other's pages.
   */
  static final String SESSION_KEY = "ACTIONPACK_OPERATOR_SECURITY_CONTEXT";

  @Bean
  @Order(2)
  SecurityFilterChain adminPages(HttpSecurity http, IdentityService identity,
      LoginThrottle throttle) throws Exception {
    FormLoginThrottle guard = new FormLoginThrottle(throttle, FormLoginThrottle.ADMIN_SIGN_IN);
    HttpSessionSecurityContextRepository signIns = new HttpSessionSecurityContextRepository();
    signIns.setSpringSecurityContextKey(SESSION_KEY);
    return http
        .securityMatcher("/admin", "/admin/**")
        .securityContext(context -> context.securityContextRepository(signIns))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(FormLoginThrottle.ADMIN_SIGN_IN, DENIED).permitAll()
            .anyRequest().hasRole(AdminApiSecurity.ROLE))
        .authenticationManager(AdminApiSecurity.operators(identity))
        .addFilterBefore(guard, UsernamePasswordAuthenticationFilter.class)
        .formLogin(form -> form.loginPage(FormLoginThrottle.ADMIN_SIGN_IN)
            .loginProcessingUrl(FormLoginThrottle.ADMIN_SIGN_IN)
            .defaultSuccessUrl("/admin/partners", true).failureHandler(guard).permitAll())
        .logout(logout -> logout.logoutUrl("/admin/logout")
            .logoutSuccessUrl(FormLoginThrottle.ADMIN_SIGN_IN + "?signedOut"))
        .exceptionHandling(handling -> handling.accessDeniedPage(DENIED))
        .headers(headers -> headers.frameOptions(frame -> frame.deny()))
        .build();
  }
}
