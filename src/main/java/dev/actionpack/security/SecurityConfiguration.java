package dev.actionpack.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.partner.PartnerApiKeys;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.web.ApiProblem;
import dev.actionpack.web.RequestSizeLimit;
import dev.actionpack.web.Unavailable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * Three worlds of users. Partners use {@code /api} with HTTP Basic against the application's own
 * partner users, or with one of their API keys. Process owners, support agents and admins are
 * Camunda users: the webapps log them in themselves, and {@code engine-rest} checks them with
 * Camunda's authentication filter; operators who onboard partners are Camunda users too, on
 * {@code /admin-api} ({@link AdminApiSecurity}) and on the admin pages, {@code /admin}
 * ({@link AdminPagesSecurity}). An invited partner user accepts its invitation on the public
 * {@code /invitations} or the portal's invitation page, the one-time token in the link its
 * credential. Prometheus scrapes the metrics with a credential of its own.
 * Every way of signing in is throttled ({@link LoginThrottle}).
 */
@Configuration
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
  private static final int ENGINE_REST_AUTHENTICATION = 1;

  /**
   * The metrics, for the Prometheus scraper only: HTTP Basic with
   * {@code actionpack.metrics.username} and {@code actionpack.metrics.password}. Without a
   * password configured nobody can read them.
   */
  @Bean
  @Order(0)
  SecurityFilterChain metrics(HttpSecurity http,
      @Value("${actionpack.metrics.username:prometheus}") String username,
      @Value("${actionpack.metrics.password:}") String password) throws Exception {
    byte[] expected = sha256(username + ":" + password);
    AuthenticationManager scraper = authentication -> {
      byte[] presented = sha256(authentication.getName() + ":" + authentication.getCredentials());
      if (password.isBlank() || !MessageDigest.isEqual(expected, presented)) {
        throw new BadCredentialsException("not the metrics scrape credential");
      }
      return UsernamePasswordAuthenticationToken.authenticated(username, null,
          List.of(new SimpleGrantedAuthority("ROLE_METRICS")));
    };
    return http
        .securityMatcher("/actuator/prometheus", "/actuator/prometheus/**",
            "/actuator/metrics", "/actuator/metrics/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("METRICS"))
        .authenticationManager(scraper)
        .httpBasic(basic -> basic.realmName("metrics"))
        .sessionManagement(session ->
            session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * A 401 asking for HTTP Basic in {@code realm}, as a problem body; when the user could not be
   * looked up at all (the database, not the credentials), a 503 instead.
   */
  static AuthenticationEntryPoint basicChallenge(ObjectMapper json, String realm,
      String detail) {
    return (request, response, e) -> {
      var unavailable = Unavailable.problemFor(e);
      if (unavailable.isPresent()) {
        unavailable.get().write(response, json);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
      new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
          detail).write(response, json);
    };
  }

  @Bean
  @Order(1)
  SecurityFilterChain partnerApi(HttpSecurity http, ObjectMapper json, PartnerApiKeys apiKeys,
      LoginThrottle throttle) throws Exception {
    AuthenticationEntryPoint unauthenticated = basicChallenge(json, "Action Pack partner API",
        "Sign in with a partner user (HTTP Basic) or one of its API keys (Authorization: "
            + "Bearer apk_...).");
    AccessDeniedHandler denied = (request, response, e) -> new ApiProblem(HttpStatus.FORBIDDEN,
        "forbidden", "Forbidden", request.getRequestURI().startsWith("/api/api-keys")
            ? "API keys are managed only when signed in with the user's password."
            : "This partner user may not do this.").write(response, json);
    return http
        .securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            // a key must not be able to make keys that outlive its own revocation
            .requestMatchers("/api/api-keys", "/api/api-keys/**")
            .hasAuthority(PartnerPrincipal.SIGNED_IN_WITH_PASSWORD)
            .anyRequest().hasRole("PARTNER"))
        .addFilterBefore(new UnavailableFilter(json), DisableEncodeUrlFilter.class)
        .addFilterAfter(new RequestSizeLimit(json), UnavailableFilter.class)
        .addFilterBefore(new LoginThrottleFilter(throttle, json, true, request -> true),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new ApiKeyAuthenticationFilter(apiKeys, unauthenticated),
            LoginThrottleFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(denied))
        .sessionManagement(session ->
            session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // stateless API authenticated on every request: no cookie, so no CSRF to defend against
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * The partner portal: the same partner users as the API, signed in with a form into a session
   * (cookie, so CSRF-protected), signed out to the sign-in page. Failed sign-ins are throttled
   * like the API's. A page the partner may not see answers the sign-in page, never data.
   */
  @Bean
  @Order(1)
  SecurityFilterChain partnerPortal(HttpSecurity http, LoginThrottle throttle) throws Exception {
    FormLoginThrottle guard = new FormLoginThrottle(throttle,
        FormLoginThrottle.PORTAL_SIGN_IN);
    return http
        .securityMatcher("/portal", "/portal/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(FormLoginThrottle.PORTAL_SIGN_IN, "/portal/invitations/**")
            .permitAll()
            .anyRequest().hasRole("PARTNER"))
        .addFilterBefore(guard, UsernamePasswordAuthenticationFilter.class)
        .formLogin(form -> form.loginPage(FormLoginThrottle.PORTAL_SIGN_IN)
            .loginProcessingUrl(FormLoginThrottle.PORTAL_SIGN_IN)
            .defaultSuccessUrl("/portal/offers", true).failureHandler(guard).permitAll())
        .logout(logout -> logout.logoutUrl("/portal/logout")
            .logoutSuccessUrl("/portal/login?signedOut"))
        .headers(headers -> headers.frameOptions(frame -> frame.deny()))
        .build();
  }

  /**
   * The Camunda webapps and {@code engine-rest} authenticate with Camunda's identity service and
   * protect themselves against CSRF; the OpenAPI document, health and accepting an invitation
   * (a JSON call that carries its own one-time credential, no cookie) are public.
   */
  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  /**
   * A path the firewall refuses ({@code ..;}, an encoded slash, a path parameter): a quiet 400
   * with a problem body, not a 500 with a stack trace in the log.
   */
  @Bean
  RequestRejectedHandler quietlyRejected(ObjectMapper json) {
    return (request, response, rejected) -> {
      log.debug("Request refused by the firewall: {}", rejected.getMessage());
      new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
          "The request's path is not accepted.").write(response, json);
    };
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Before Camunda's authentication: too many failed sign-ins wait, unchecked. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> engineRestLoginThrottle(LoginThrottle throttle,
      ObjectMapper json) {
    FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
        new LoginThrottleFilter(throttle, json, false, request -> true));
    registration.setName("engine-rest-login-throttle");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION - 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider",
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(ENGINE_REST_AUTHENTICATION);
    return registration;
  }

  /** Right after Camunda's authentication: what the signed-in user's groups may reach. */
  @Bean
  FilterRegistrationBean<EngineRestAccess> engineRestAccess(IdentityService identity) {
    FilterRegistrationBean<EngineRestAccess> registration =
        new FilterRegistrationBean<>(new EngineRestAccess(identity));
    registration.setName("engine-rest-access");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION + 1);
    return registration;
  }

  /** The webapps' login form: failed logins from one address wait, whoever they are for. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle,
      ObjectMapper json) {
    FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
        new LoginThrottleFilter(throttle, json, false, request -> "POST".equals(
            request.getMethod()) && request.getRequestURI().contains("/login/")));
    registration.setName("webapp-login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION - 1);
    return registration;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
