package dev.actionpack.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs here, so {@code docker-compose.yml} is validated, not run: with Debian's
 * {@code docker-compose} ({@code config}), which resolves variables, anchors and dependencies.
 */
class ComposeFileTest {

  private static final Path COMPOSE = Path.of("/usr/bin/docker-compose");
  private static final Map<String, String> SECRETS = Map.of(
      "POSTGRES_PASSWORD", "a-postgres-secret", "ACTIONPACK_ADMIN_PASSWORD", "an-admin-secret-42");

  @BeforeAll
  static void requireDockerCompose() {
    if (!Files.isExecutable(COMPOSE)) {
      String message = "Validating docker-compose.yml needs Debian's docker-compose package "
          + "(apt-get install docker-compose); .ci/run installs it.";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
  }

  @Test
  @DisplayName("the compose file is valid: PostgreSQL, Mailpit and two application nodes on the postgres profile, each with a name of its own")
  void shouldBeValid() throws Exception {
    Result config = compose(Path.of("docker-compose.yml"), SECRETS, "config");

    assertThat(config.exitCode()).as(config.output()).isZero();
    assertThat(compose(Path.of("docker-compose.yml"), SECRETS, "config", "--services").output()
        .lines().toList()).containsExactlyInAnyOrder("postgres", "mailpit", "node1", "node2");
    assertThat(config.output()).contains("SPRING_PROFILES_ACTIVE: postgres",
        "POSTGRES_HOST: postgres", "SPRING_MAIL_HOST: mailpit", "published: 8081",
        "published: 8082", "ACTIONPACK_NODE_NAME: node1", "ACTIONPACK_NODE_NAME: node2");
  }

  @Test
  @DisplayName("R23 the compose file has no default password: it refuses to resolve without the secrets")
  void shouldRequireSecrets() throws Exception {
    Result config = compose(Path.of("docker-compose.yml"), Map.of(), "config", "-q");

    assertThat(config.exitCode()).isNotZero();
    assertThat(config.output()).contains("set POSTGRES_PASSWORD");
  }

  @Test
  @DisplayName("the validation fails on a broken compose file (a dependency on a missing service)")
  void shouldRejectBrokenFile(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("docker-compose.yml");
    Files.writeString(broken, Files.readString(Path.of("docker-compose.yml"))
        .replace("      mailpit:\n        condition: service_started\n\n  node2:",
            "      mailbox:\n        condition: service_started\n\n  node2:"));
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");

    Result config = compose(broken, SECRETS, "config", "-q");

    assertThat(config.exitCode()).isNotZero();
    assertThat(config.output()).contains("mailbox");
  }

  private static Result compose(Path file, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(COMPOSE.toString(), "-f",
        file.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeAll(SECRETS.keySet());
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("docker-compose did not answer: " + output);
    }
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
