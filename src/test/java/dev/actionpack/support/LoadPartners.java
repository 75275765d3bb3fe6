package dev.actionpack.support;

import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerApiKeys;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.partner.PartnerUser;
import dev.actionpack.partner.PartnerUserRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test-only: Network-member partners {@code load-0001...} for tests that drive a started
 * service with many partners at once (the crash and overload tests). Each gets a partner user
 * with the password "secret" and an API key; the keys are written, one "user key" line each,
 * to {@code load.keys-file}. Created once: a restart on the same database keeps them and
 * rewrites no key.
 */
@Component
@Profile("harness")
@Order(3)
class LoadPartners implements ApplicationRunner {

  private final PartnerRepository partners;
  private final PartnerUserRepository users;
  private final PartnerApiKeys apiKeys;
  private final PasswordEncoder passwordEncoder;
  private final TransactionTemplate transaction;
  private final int count;
  private final Path keysFile;

  LoadPartners(PartnerRepository partners, PartnerUserRepository users, PartnerApiKeys apiKeys,
      PasswordEncoder passwordEncoder, TransactionTemplate transaction,
      @Value("${load.partners:50}") int count, @Value("${load.keys-file}") Path keysFile) {
    this.partners = partners;
    this.users = users;
    this.apiKeys = apiKeys;
    this.passwordEncoder = passwordEncoder;
    this.transaction = transaction;
    this.count = count;
    this.keysFile = keysFile;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.existsById(username(1))) {
      return;
    }
    String hash = passwordEncoder.encode("secret");
    List<String> lines = new ArrayList<>();
    transaction.executeWithoutResult(status -> {
      for (int i = 1; i <= count; i++) {
        String username = username(i);
        Partner partner = partners.save(new Partner("Load partner " + i, true, "en-US",
            username + "@partners.example"));
        users.save(new PartnerUser(username, hash, partner.getId()));
        lines.add(username + " " + apiKeys.issue(
            new PartnerPrincipal(username, null, partner.getId()), "load test").token());
      }
    });
    try {
      Files.write(keysFile, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String username(int i) {
    return String.format("load-%04d", i);
  }
}
