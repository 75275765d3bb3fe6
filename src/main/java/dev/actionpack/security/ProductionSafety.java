package dev.actionpack.security;

import dev.actionpack.demo.DemoData;
import dev.actionpack.partner.PartnerUserRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Refuses to start any profile but the default demo one (R23) while the admin secret is unset,
 * weak or a demo password, while no database is configured, while a demo login still works, or
 * ({@code prod}) on the embedded payment provider unless that is asked for explicitly:
 * first before the engine creates its admin user, then, once the engine runs, against the users
 * already in the database (a database copied from a demo run, say).
 */
@Component
@Order(0)
public class ProductionSafety extends AbstractProcessEnginePlugin implements ApplicationRunner {

  private static final int MIN_SECRET_LENGTH = 12;

  private final Environment environment;
  private final ObjectProvider<IdentityService> identity;
  private final ObjectProvider<PartnerUserRepository> partnerUsers;
  private final ObjectProvider<PasswordEncoder> passwordEncoder;

  ProductionSafety(Environment environment, ObjectProvider<IdentityService> identity,
      ObjectProvider<PartnerUserRepository> partnerUsers,
      ObjectProvider<PasswordEncoder> passwordEncoder) {
    this.environment = environment;
    this.identity = identity;
    this.partnerUsers = partnerUsers;
    this.passwordEncoder = passwordEncoder;
  }

  private boolean demoProfile() {
    return environment.getActiveProfiles().length == 0
        || Arrays.asList(environment.getActiveProfiles()).contains("default");
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (demoProfile()) {
      return;
    }
    String admin = environment.getProperty("camunda.bpm.admin-user.id", "");
    String secret = environment.getProperty("camunda.bpm.admin-user.password", "");
    List<String> problems = new ArrayList<>();
    if (admin.isBlank()) {
      problems.add("camunda.bpm.admin-user.id (ACTIONPACK_ADMIN_USER) is not set");
    }
    if (secret.isBlank()) {
      problems.add("the admin secret camunda.bpm.admin-user.password "
          + "(ACTIONPACK_ADMIN_PASSWORD) is not set");
    } else if (secret.length() < MIN_SECRET_LENGTH || secret.equals(admin)
        || DemoData.DEMO_CAMUNDA_LOGINS.containsValue(secret)
        || DemoData.DEMO_PARTNER_LOGINS.containsValue(secret)) {
      problems.add("the admin secret is a demo password or shorter than "
          + MIN_SECRET_LENGTH + " characters");
    }
    if (DemoData.DEMO_METRICS_PASSWORD.equals(
        environment.getProperty("actionpack.metrics.password", ""))) {
      problems.add("the metrics scrape password (ACTIONPACK_METRICS_PASSWORD) is the demo one");
    }
    if (Arrays.asList(environment.getActiveProfiles()).contains("prod")
        && "embedded".equals(environment.getProperty("actionpack.payment.provider", "embedded"))
        && !environment.getProperty("actionpack.payment.allow-embedded", Boolean.class, false)) {
      problems.add("the payment provider is the embedded test provider, which takes no money "
          + "(ACTIONPACK_PAYMENT_PROVIDER=stripe with its key and webhook secret; or "
          + "ACTIONPACK_PAYMENT_ALLOW_EMBEDDED=true for a trial that charges nobody)");
    }
    if (environment.getProperty("spring.datasource.url", "").isBlank()) {
      problems.add("no database is configured (SPRING_DATASOURCE_URL, or the postgres profile): "
          + "an in-memory one would lose every subscription at the next restart");
    }
    refuseIf(problems);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (demoProfile()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    IdentityService users = identity.getObject();
    DemoData.DEMO_CAMUNDA_LOGINS.forEach((user, password) -> {
      if (users.checkPassword(user, password)) {
        problems.add("Camunda user " + user + " still has its demo password");
      }
      // a failed check counts as a failed login and locks the user for a while: undo that
      if (users.createUserQuery().userId(user).count() > 0) {
        users.unlockUser(user);
      }
    });
    DemoData.DEMO_PARTNER_LOGINS.forEach((user, password) ->
        partnerUsers.getObject().findById(user)
            .filter(found -> passwordEncoder.getObject().matches(password,
                found.getPasswordHash()))
            .ifPresent(found -> problems.add("partner user " + user
                + " still has its demo password")));
    refuseIf(problems);
  }

  private void refuseIf(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start with profiles "
          + Arrays.toString(environment.getActiveProfiles()) + ": "
          + String.join("; ", problems) + ". Demo passwords exist only in the default profile.");
    }
  }
}
