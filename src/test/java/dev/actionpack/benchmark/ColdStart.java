package dev.actionpack.benchmark;

import dev.benchmark.bare.BareCamundaApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Cold starts of packaged jars with {@code java -jar}, each in a JVM of its own, to the first
 * HTTP 200 of the Camunda welcome page, on a fresh H2 file each. All get the same arguments: a
 * profile with no file of its own (neither the demo data of the default profile nor the test
 * profile's settings, which are not in a jar), the admin and metrics secrets a non-demo profile
 * requires, and the H2 file.
 */
final class ColdStart {

  private static final String BARE_CLASS = BareCamundaApplication.class.getName()
      .replace('.', '/') + ".class";

  private final Path dir;

  ColdStart(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  /**
   * The bare starter application as a jar on equal terms with the service's: the service's own
   * jar (the same libraries, configuration files and models) with the bare application's class
   * added and made its start class. The bare application scans nothing of the product.
   */
  Path bareJar(Path serviceJar) throws IOException {
    Path bare = dir.resolve("bare-camunda.jar");
    try (JarFile source = new JarFile(serviceJar.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(bare),
            startClass(source.getManifest(), BareCamundaApplication.class.getName()))) {
      for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
          continue;
        }
        JarEntry copy = new JarEntry(entry);
        if (copy.getMethod() == ZipEntry.DEFLATED) {
          copy.setCompressedSize(-1);
        }
        out.putNextEntry(copy);
        try (InputStream in = source.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("BOOT-INF/classes/" + BARE_CLASS));
      try (InputStream in = BareCamundaApplication.class.getClassLoader()
          .getResourceAsStream(BARE_CLASS)) {
        in.transferTo(out);
      }
      out.closeEntry();
    }
    return bare;
  }

  private static Manifest startClass(Manifest manifest, String startClass) {
    Manifest copy = new Manifest(manifest);
    copy.getMainAttributes().put(new Attributes.Name("Start-Class"), startClass);
    return copy;
  }

  /**
   * Spring Boot's CDS recipe: the jar extracted ({@code -Djarmode=tools extract}), a training
   * run that refreshes the context and exits, writing the archive of the classes it loaded.
   * Returns the extracted jar; the archive is {@code archive}.
   */
  Path trainCds(Path jar, Path archive, List<String> settings) throws Exception {
    Path extracted = dir.resolve("cds");
    deleteTree(extracted);
    run("extract", List.of("-Djarmode=tools", "-jar", jar.toString(), "extract",
        "--destination", extracted.toString()));
    Path application = extracted.resolve(jar.getFileName());
    Files.deleteIfExists(archive);
    List<String> training = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive,
        "-Dspring.context.exit=onRefresh", "-jar", application.toString()));
    training.addAll(arguments("training", 0, settings));
    run("training", training);
    if (!Files.exists(archive)) {
      throw new IllegalStateException("the training run wrote no archive; see "
          + dir.resolve("coldstart-training.log"));
    }
    return application;
  }

  /** Seconds from launching {@code java <jvmOptions> -jar jar} to the first HTTP 200. */
  double seconds(String name, List<String> jvmOptions, Path jar, List<String> settings)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(arguments(name, port, settings));
    Path log = dir.resolve("coldstart-" + name + ".log");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      while (process.isAlive()) {
        try {
          if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                  + "/camunda/app/welcome/default/")).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - start) / 1e9;
          }
        } catch (IOException notYet) {
          Thread.sleep(20);
        }
      }
      throw new IllegalStateException(name + " exited; see " + log);
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private List<String> arguments(String name, int port, List<String> settings) throws Exception {
    Path db = dir.resolve("coldstart-" + name);
    Benchmark.deleteDatabase(db);
    List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
        "--spring.profiles.active=coldstart",
        "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath(),
        "--camunda.bpm.admin-user.password=benchmark-admin-secret-7f3e",
        "--actionpack.metrics.password=benchmark-metrics-secret"));
    arguments.addAll(settings);
    return arguments;
  }

  private void run(String name, List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(arguments);
    Path log = dir.resolve("coldstart-" + name + ".log");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(name + " did not end; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(name + " failed (" + process.exitValue() + "); see " + log);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
