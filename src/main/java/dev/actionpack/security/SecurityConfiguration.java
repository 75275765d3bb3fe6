package dev.actionpack.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.partner.PartnerApiKeys;
import java.net.URI;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two worlds of users. Partners use {@code /api} with HTTP Basic against the application's own
 * partner users, or with one of their API keys. Process owners, support agents and admins are
 * Camunda users: the webapps log them in themselves, and {@code engine-rest} checks them with
 * Camunda's authentication filter.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain partnerApi(HttpSecurity http, ObjectMapper json, PartnerApiKeys apiKeys)
      throws Exception {
    AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Action Pack partner API\"");
      writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
          "Authentication required", "Sign in with a partner user (HTTP Basic) or one of its "
              + "API keys (Authorization: Bearer apk_...).");
    };
    AccessDeniedHandler denied = (request, response, e) -> writeProblem(json, response,
        HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This partner user may not do this.");
    return http
        .securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("PARTNER"))
        .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, unauthenticated),
            BasicAuthenticationFilter.class)
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
   * The Camunda webapps and {@code engine-rest} authenticate with Camunda's identity service and
   * protect themselves against CSRF; the OpenAPI document and health are public.
   */
  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider",
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  private static void writeProblem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse
      response, HttpStatus status, String type, String title, String detail)
      throws java.io.IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("/problems/" + type));
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
