package dev.actionpack.support;

import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.partner.PartnerUser;
import dev.actionpack.partner.PartnerUserRepository;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Network members made straight in a started service's database, for tests run outside it. */
public final class Members {

  /** The password every member made here signs in with. */
  public static final String PASSWORD = "secret";

  private Members() {
  }

  /** A new en-US Network member with one user; the user's name, which starts with prefix. */
  public static String create(ApplicationContext service, String prefix) {
    String username = prefix + UUID.randomUUID().toString().substring(0, 8);
    Partner partner = service.getBean(PartnerRepository.class).save(new Partner(username, true,
        "en-US", username + "@partners.example"));
    service.getBean(PartnerUserRepository.class).save(new PartnerUser(username,
        service.getBean(PasswordEncoder.class).encode(PASSWORD), partner.getId()));
    return username;
  }
}
