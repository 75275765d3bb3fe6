package dev.actionpack.cluster;

import dev.actionpack.subscription.RenewalApiTest;
import dev.actionpack.support.EmbeddedPostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every renewal scenario of {@link RenewalApiTest} again on PostgreSQL 16, the turn-off racing
 * the renewal timer on two threads included: row locks and optimistic locking as in production.
 */
@ActiveProfiles({"test", "postgres"})
class RenewalOnPostgresTest extends RenewalApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresProfileTest.onNewDatabase(registry, "renewalpg");
  }
}
