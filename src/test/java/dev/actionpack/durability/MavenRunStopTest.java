package dev.actionpack.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code ./mvnw spring-boot:run}, stopped the way a terminal stops
 * it: SIGTERM to Maven and to the service's JVM at once (the whole process group). What was
 * done before the stop is there after the next start on the same {@code ./data}.
 */
class MavenRunStopTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  @Test
  @DisplayName("R19 ./mvnw spring-boot:run stopped by SIGTERM to Maven and the service at once: orders, subscriptions and requests survive the restart")
  void shouldKeepEverythingThroughAStopOfMavenAndTheService() throws Exception {
    assumeThat(Path.of("mvnw")).as("the Maven wrapper of the project").isRegularFile();
    Path workingDirectory = Path.of("target", "mvnw-run-" + UUID.randomUUID()
        .toString().substring(0, 8)).toAbsolutePath();
    Files.createDirectories(workingDirectory);

    String order;
    String request;
    try (Run run = Run.start(workingDirectory)) {
      JsonNode purchase = run.call("POST", "/api/purchases", "contoso", "contoso-demo",
          "{\"offerCode\":\"ACTION_PACK\",\"termsAccepted\":true,\"termsVersion\":"
              + "\"MPN-IUR-2017-07\",\"card\":{\"number\":\"4242424242424242\","
              + "\"expiryMonth\":12,\"expiryYear\":2099,\"cvc\":\"123\"},\"reviewedPrice\":"
              + "{\"amount\":475.00,\"currency\":\"USD\"}}");
      order = purchase.get("number").asText();
      String subscription = purchase.get("subscriptionNumber").asText();
      request = run.call("POST", "/api/service-requests", "contoso", "contoso-demo",
          "{\"problemType\":\"PARTNER_INVOICE_PAYMENT_RECONCILIATION\",\"subscriptionNumber\":\""
              + subscription + "\",\"description\":\"Please cancel.\",\"contact\":{\"name\":"
              + "\"Pat Partner\",\"email\":\"pat@contoso.example\",\"phone\":\"+1 425 555 0100\","
              + "\"preferredLanguage\":\"en-US\"}}").get("number").asText();
      run.stop();
    }
    try (Run run = Run.start(workingDirectory)) {
      assertThat(run.numbers("/api/orders", "contoso", "contoso-demo"))
          .as("contoso's orders after the stop and a restart").containsExactly(order);
      assertThat(run.numbers("/api/service-requests", "contoso", "contoso-demo"))
          .as("contoso's service requests after the stop and a restart")
          .containsExactly(request);
      String next = run.call("POST", "/api/purchases", "wideworld", "wideworld-demo",
          "{\"offerCode\":\"ACTION_PACK\",\"termsAccepted\":true,\"termsVersion\":"
              + "\"MPN-IUR-2017-07\",\"card\":{\"number\":\"5555555555554444\","
              + "\"expiryMonth\":12,\"expiryYear\":2099,\"cvc\":\"123\"},\"reviewedPrice\":"
              + "{\"amount\":475.00,\"currency\":\"USD\"}}").get("number").asText();
      assertThat(next).as("the order numbers go on").isNotEqualTo(order);
      run.stop();
    }
  }

  /** {@code ./mvnw spring-boot:run} in a process group of its own, its ./data in a folder. */
  private static final class Run implements AutoCloseable {

    private final Process maven;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private Run(Process maven, Path log, int port) {
      this.maven = maven;
      this.log = log;
      this.port = port;
    }

    static Run start(Path workingDirectory) throws IOException, InterruptedException {
      int port = freePort();
      Path log = Files.createTempFile(workingDirectory, "mvnw-", ".log");
      // nothing is compiled again: the build running this test has compiled it already
      Process maven = new ProcessBuilder("setsid", "./mvnw", "-B", "-q", "spring-boot:run",
          "-Dmaven.main.skip=true", "-Dmaven.test.skip=true", "-Dmaven.resources.skip=true",
          "-Dspring-boot.run.workingDirectory=" + workingDirectory,
          "-Dspring-boot.run.arguments=--server.port=" + port)
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Run run = new Run(maven, log, port);
      run.awaitReady();
      return run;
    }

    private void awaitReady() throws IOException, InterruptedException {
      Instant deadline = Instant.now().plus(START_TIMEOUT);
      while (Instant.now().isBefore(deadline)) {
        if (!maven.isAlive()) {
          throw new IllegalStateException("mvnw spring-boot:run exited with "
              + maven.exitValue() + ":\n" + Files.readString(log));
        }
        try {
          if (http.send(HttpRequest.newBuilder(url("/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      close();
      throw new IllegalStateException("the service did not start in " + START_TIMEOUT + ":\n"
          + Files.readString(log));
    }

    JsonNode call(String method, String path, String user, String password, String body)
        throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path))
          .header("Authorization", basic(user, password))
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body())
          .isBetween(200, 201);
      return JSON.readTree(response.body());
    }

    List<String> numbers(String path, String user, String password)
        throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path))
          .header("Authorization", basic(user, password)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
      List<String> numbers = new ArrayList<>();
      JSON.readTree(response.body()).forEach(item -> numbers.add(item.get("number").asText()));
      return numbers;
    }

    /**
     * Signals Maven and the service's JVM at once, as a terminal signals its foreground group.
     * SIGTERM, not SIGINT: a process started in the background by a non-interactive shell (a
     * CI runner, say) ignores SIGINT, and so does everything it starts.
     */
    void stop() throws Exception {
      long group = maven.pid(); // setsid made Maven the leader of a new process group
      List<ProcessHandle> all = new ArrayList<>(maven.descendants().toList());
      all.add(maven.toHandle());
      new ProcessBuilder("kill", "-TERM", "--", "-" + group).inheritIO().start()
          .waitFor();
      for (ProcessHandle process : all) {
        process.onExit().get(90, TimeUnit.SECONDS);
      }
    }

    @Override
    public void close() {
      List<ProcessHandle> all = new ArrayList<>(maven.descendants().toList());
      all.add(maven.toHandle());
      all.forEach(ProcessHandle::destroyForcibly);
    }

    private URI url(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }
}
