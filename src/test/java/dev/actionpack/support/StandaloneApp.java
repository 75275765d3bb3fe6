package dev.actionpack.support;

import dev.actionpack.ActionPackApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the application in a JVM of its own, the way an operator would: a profile, properties
 * as command-line arguments, an in-memory database, a free port. A separate JVM keeps its
 * Camunda engine and webapps apart from the test's own (they hold static state).
 */
public final class StandaloneApp implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final int port;

  private StandaloneApp(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the app and waits until it answers; throws with the app's output when it exits
   * instead (a refusal to start, say). {@code database} names an H2 file under target/, so a
   * later start on the same name sees the same data; null configures no database at all.
   */
  public static StandaloneApp start(String database, String profile, String... properties) {
    return launch(database, profile, false, properties);
  }

  /** Like {@link #start}, with the job executor running, as in production. */
  public static StandaloneApp startWithJobs(String database, String profile,
      String... properties) {
    return launch(database, profile, true, properties);
  }

  private static StandaloneApp launch(String database, String profile, boolean jobExecutor,
      String... properties) {
    int port = freePort();
    Path dataFile = Path.of("target", "standalone", database == null ? "no-database" : database)
        .toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")),
        ActionPackApplication.class.getName(),
        "--server.port=" + port,
        "--camunda.bpm.job-execution.enabled=" + jobExecutor));
    if (database != null) {
      command.addAll(List.of("--spring.datasource.url=jdbc:h2:file:" + dataFile,
          "--spring.datasource.username=sa", "--spring.datasource.password="));
    }
    if (profile != null) {
      command.add("--spring.profiles.active=" + profile);
    }
    for (String property : properties) {
      command.add("--" + property);
    }
    try {
      Files.createDirectories(dataFile.getParent());
      Path log = Files.createTempFile(dataFile.getParent(), dataFile.getFileName() + "-", ".log");
      // started in its own folder: the test class path may hold "." (the project, with bpmn/)
      Process process = new ProcessBuilder(command).directory(dataFile.getParent().toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      StandaloneApp app = new StandaloneApp(process, log, port);
      app.awaitReady();
      return app;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ready means the readiness probe is UP: after the application runners, start-up checks included. */
  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited with " + process.exitValue()
            + ":\n" + output());
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        process.waitFor(250, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("the application did not start in " + START_TIMEOUT
        + ":\n" + output());
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Kills the JVM the way {@code kill -9} does: no shutdown hook, nothing flushed. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
