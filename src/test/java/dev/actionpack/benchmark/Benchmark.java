package dev.actionpack.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.actionpack.support.EmbeddedPostgresDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the service on this machine and prints five sections, each figure beside its target,
 * and writes them to {@code target/benchmark/results.json} (not a test: nothing here fails a
 * build). Run: {@code ./mvnw -Pbenchmark -DskipTests -Dbenchmark.subscriptions=2000
 * -Dbenchmark.purchases=500 package exec:exec} (defaults: 100 000 subscriptions, 2 000
 * purchases, 3 cold starts of each kind; {@code -Dbenchmark.database=mem} puts H2 in memory).
 * {@code package} builds the jar whose cold start section 5 measures.
 */
public final class Benchmark {

  private static final double RENEWALS_PER_SECOND = 350;
  private static final double CPU_OVER_CONTROL = 1.5;
  private static final double ORDERS_PER_SECOND = 250;
  private static final double P99_MS = 100;
  private static final double RUNTIME_BYTES = 2048;
  /**
   * Uncounted work first, so the JIT has compiled the hot paths before anything is timed: with
   * 500 renewals the first measured variant still paid for compilation (16.0 ms of CPU per
   * renewal against 9.2 ms for the same settings measured last, in one run of 2 000).
   */
  private static final int WARM_UP_RENEWALS = Integer.getInteger("benchmark.warmup", 4_000);
  private static final int WARM_UP_PURCHASES = 500;

  /** The service as shipped, with one job thread per core plus one. */
  private static final List<String> TUNED = List.of(
      "--camunda.bpm.job-execution.core-pool-size=3",
      "--camunda.bpm.job-execution.max-pool-size=3",
      "--camunda.bpm.job-execution.queue-capacity=9",
      "--camunda.bpm.job-execution.max-jobs-per-acquisition=9",
      "--camunda.bpm.job-execution.wait-time-in-millis=100",
      "--camunda.bpm.job-execution.max-wait=1000");
  /**
   * The Camunda starter's own settings where this service changes them: its acquisition query,
   * UUID ids and full history, and Spring Boot's own database health. The bare application,
   * which reads the same configuration files, needs them too (it ignores the actionpack
   * switches).
   */
  private static final List<String> STARTER_DEFAULTS = List.of(
      "--actionpack.jobs.indexed-acquisition=false", "--actionpack.ids.blocks=false",
      "--camunda.bpm.id-generator=strong", "--camunda.bpm.history-level=full",
      "--management.health.db.enabled=true",
      "--management.endpoint.health.group.readiness.include=readinessState");

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("benchmark.subscriptions", 100_000);
    int purchases = Integer.getInteger("benchmark.purchases", 2_000);
    int coldStarts = Integer.getInteger("benchmark.coldstarts", 3);
    Path dir = Files.createDirectories(Path.of("target", "benchmark"));
    Path serviceJar = Path.of(System.getProperty("benchmark.jar", "target/missing.jar"));
    if (!Files.exists(serviceJar)) {
      throw new IllegalStateException(serviceJar + " is missing: run the benchmark with "
          + "package (./mvnw -Pbenchmark -DskipTests package exec:exec)");
    }
    System.out.printf(Locale.ROOT, "Benchmark on %d cores, %d subscriptions, %d purchases%n",
        Runtime.getRuntime().availableProcessors(), n, purchases);

    // a renewal day and purchases first, not counted: the JIT warms up on them
    try (RenewalDay warmUp = RenewalDay.onH2(dir, "warm-up", TUNED, "")) {
      warmUp.renew(WARM_UP_RENEWALS);
    }
    purchases(dir, "warm-up-purchases", true, WARM_UP_PURCHASES);
    Window real;
    Window control;
    Footprint footprint = null;
    double heapMb;
    try (RenewalDay day = RenewalDay.onH2(dir, "tuned", TUNED, "")) {
      real = day.renew(n);
      if (!inMemory()) {
        footprint = Footprint.measure(day.jdbc(), dir.resolve("tuned-footprint"));
      }
      System.gc();
      heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
      control = day.control(n);
    }
    // purchases in fresh databases: charged in the request (the shipped way), then by the job
    // executor alone (as before JobsRunNow), then in the request again, so the JIT's warm-up
    // favours neither; the renewal days run their job executors by hand, so run-now is asked
    // for explicitly
    Purchases orders = purchases(dir, "purchases-run-now", true, purchases);
    Purchases ordersByExecutor = purchases(dir, "purchases-job-executor", false, purchases);
    Purchases ordersAgain = purchases(dir, "purchases-run-now-again", true, purchases);
    Window defaults;
    try (RenewalDay day = RenewalDay.onH2(dir, "starter-defaults", STARTER_DEFAULTS, "")) {
      defaults = day.renew(n);
    }
    // the shipped settings once more, after the other variants: what the order of the runs
    // (the JIT's warm-up) does to the first
    Window tunedAgain;
    try (RenewalDay day = RenewalDay.onH2(dir, "tuned-again", TUNED, "")) {
      tunedAgain = day.renew(n);
    }
    // what writing every commit at once (WRITE_DELAY=0, shipped for a while) costs against H2's
    // half-second write delay (shipped)
    Window noWriteDelay = null;
    if (!inMemory()) {
      try (RenewalDay day = RenewalDay.onH2(dir, "tuned-no-write-delay", TUNED,
          ";WRITE_DELAY=0")) {
        noWriteDelay = day.renew(n);
      }
    }
    Window floor = RenewalDay.plainJdbcFloor(dir, n);
    Window pgReal;
    Window pgControl;
    String pgSettings;
    boolean pgServerCounted;
    try (RenewalDay day = RenewalDay.onPostgres(EmbeddedPostgresDatabase.newDatabase(), TUNED)) {
      pgSettings = day.jdbc().queryForObject("select 'PostgreSQL ' || current_setting("
          + "'server_version') || ', fsync ' || current_setting('fsync') || ', synchronous_commit '"
          + " || current_setting('synchronous_commit')", String.class);
      pgServerCounted = day.countsDatabaseServer();
      pgReal = day.renew(n);
      pgControl = day.control(n);
    }

    ColdStart starts = new ColdStart(dir);
    Path bareJar = starts.bareJar(serviceJar);
    Path archive = dir.resolve("service.jsa").toAbsolutePath();
    Path extracted = starts.trainCds(serviceJar, archive, List.of());
    List<Double> service = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    List<Double> cds = new ArrayList<>();
    List<Double> extractedOnly = new ArrayList<>();
    for (int i = 0; i < coldStarts; i++) {
      service.add(starts.seconds("service", List.of(), serviceJar, List.of()));
      bare.add(starts.seconds("bare", List.of(), bareJar, STARTER_DEFAULTS));
      cds.add(starts.seconds("service-cds", List.of("-XX:SharedArchiveFile=" + archive),
          extracted, List.of()));
      extractedOnly.add(starts.seconds("service-extracted", List.of(), extracted, List.of()));
    }

    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "subscriptions", n, "purchases", purchases,
        "coldStarts", coldStarts));

    Section h2 = new Section("Renewal day on H2");
    System.out.printf(Locale.ROOT, "%n1. Renewal day on H2 (%s, %d due subscriptions, real "
        + "renew.bpmn, embedded payment provider; CPU: this JVM's process CPU time)%n",
        inMemory() ? "in memory" : "file", n);
    renewalLines(h2, real, control);
    System.out.printf(Locale.ROOT, "   plain JDBC floor:        %7.1f s %9.1f renewals/s    "
        + "CPU %6.2f ms per renewal%n", floor.seconds(), floor.perSecond(), floor.cpuMsEach());
    System.out.printf(Locale.ROOT, "   starter defaults:        %7.1f s %9.1f renewals/s    "
        + "CPU %6.2f ms per renewal%n", defaults.seconds(), defaults.perSecond(),
        defaults.cpuMsEach());
    System.out.printf(Locale.ROOT, "   shipped settings again, after the others: %7.1f s %9.1f "
        + "renewals/s    CPU %6.2f ms per renewal%n", tunedAgain.seconds(),
        tunedAgain.perSecond(), tunedAgain.cpuMsEach());
    window(h2, "floor", floor);
    window(h2, "starterDefaults", defaults);
    window(h2, "shippedAgain", tunedAgain);
    if (noWriteDelay != null) {
      System.out.printf(Locale.ROOT, "   every commit written at once instead (WRITE_DELAY=0; "
          + "the file grows by every commit): %.1f s %.1f renewals/s, CPU %.2f ms per renewal "
          + "(%.1fx the time)%n",
          noWriteDelay.seconds(),
          noWriteDelay.perSecond(), noWriteDelay.cpuMsEach(),
          noWriteDelay.seconds() / real.seconds());
      window(h2, "noWriteDelay", noWriteDelay);
    }

    Section pg = new Section("Renewal day on PostgreSQL");
    pg.figure("server", pgSettings);
    System.out.printf(Locale.ROOT, "%n2. The same renewal day on PostgreSQL (%s, embedded "
        + "server; CPU: this JVM's plus the server's %s)%n", pgSettings,
        pgServerCounted ? "processes'" : "(NOT counted: server process not found)");
    renewalLines(pg, pgReal, pgControl);
    System.out.printf(Locale.ROOT, "   of which the PostgreSQL server: %.2f ms per renewal, "
        + "%.2f ms per control instance%n", pgReal.databaseCpuMsEach(),
        pgControl.databaseCpuMsEach());

    Section http = new Section("Purchases through the HTTP API");
    System.out.printf(Locale.ROOT, "%n3. Purchases through the HTTP API (%d, %d clients, API "
        + "keys, H2 file; CPU: this JVM's, clients included)%n", orders.count(), orders.clients());
    System.out.printf(Locale.ROOT, "   %8.1f orders/s  %s%n", orders.perSecond(),
        http.target("ordersPerSecond", "≥ " + (int) ORDERS_PER_SECOND + "/s",
            orders.perSecond() >= ORDERS_PER_SECOND));
    System.out.printf(Locale.ROOT, "   p50 %6.1f ms   p99 %6.1f ms  %s%n", orders.p50(),
        orders.p99(), http.target("p99Ms", "< " + (int) P99_MS + " ms", orders.p99() < P99_MS));
    System.out.printf(Locale.ROOT, "   CPU %6.2f ms per purchase%n", orders.cpuMsEach());
    System.out.printf(Locale.ROOT, "   charged by the job executor instead (run-now off): %.1f "
        + "orders/s, p50 %.1f ms, p99 %.1f ms, CPU %.2f ms per purchase%n",
        ordersByExecutor.perSecond(), ordersByExecutor.p50(), ordersByExecutor.p99(),
        ordersByExecutor.cpuMsEach());
    System.out.printf(Locale.ROOT, "   charged in the request again, after that: %.1f orders/s, "
        + "p50 %.1f ms, p99 %.1f ms, CPU %.2f ms per purchase%n", ordersAgain.perSecond(),
        ordersAgain.p50(), ordersAgain.p99(), ordersAgain.cpuMsEach());
    http.figure("purchases", orders.count()).figure("clients", orders.clients())
        .figure("ordersPerSecond", orders.perSecond()).figure("p50Ms", orders.p50())
        .figure("p99Ms", orders.p99()).figure("cpuMsPerPurchase", orders.cpuMsEach())
        .figure("jobExecutorOrdersPerSecond", ordersByExecutor.perSecond())
        .figure("jobExecutorP99Ms", ordersByExecutor.p99())
        .figure("jobExecutorCpuMsPerPurchase", ordersByExecutor.cpuMsEach())
        .figure("againOrdersPerSecond", ordersAgain.perSecond())
        .figure("againP99Ms", ordersAgain.p99())
        .figure("againCpuMsPerPurchase", ordersAgain.cpuMsEach());

    Section bytes = new Section("Footprint");
    System.out.printf(Locale.ROOT, "%n4. Footprint after the renewal day on H2 (%d active "
        + "subscriptions; a compacted copy of the file, indexes included)%n", n);
    if (footprint == null) {
      System.out.println("   database bytes: measured with H2 in a file only");
      bytes.target("runtimeBytesPerSubscription", "≤ 2 KB", false);
    } else {
      double runtime = footprint.runtimeBytes() / (double) n;
      double ended = footprint.endedInstancesHistoryBytes() / (double) n;
      System.out.printf(Locale.ROOT, "   runtime database:  %8.0f bytes per active subscription"
          + "  %s%n", runtime, bytes.target("runtimeBytesPerSubscription", "≤ 2 KB",
          runtime <= RUNTIME_BYTES));
      System.out.printf(Locale.ROOT, "   history:           %8.0f bytes per ended term (of the "
          + "terms that ended that day, as seeded: from the term-end timer on)%n", ended);
      System.out.printf(Locale.ROOT, "   all history:       %8.0f bytes per subscription "
          + "(the ended terms' and the new terms' so far)%n",
          footprint.historyBytes() / (double) n);
      bytes.figure("runtimeBytesPerSubscription", runtime)
          .figure("historyBytesPerEndedTerm", ended)
          .figure("allHistoryBytesPerSubscription", footprint.historyBytes() / (double) n);
    }
    System.out.printf(Locale.ROOT, "   heap after GC:     %8.1f MB%n", heapMb);
    bytes.figure("heapMbAfterGc", heapMb);

    Section start = new Section("Cold start of the packaged jar");
    double serviceSeconds = median(service);
    double bareSeconds = median(bare);
    System.out.printf(Locale.ROOT, "%n5. Cold start to the first HTTP 200 (java -jar, a JVM "
        + "and a fresh H2 file each, median of %d)%n", coldStarts);
    System.out.printf(Locale.ROOT, "   this service's jar:            %6.2f s  %s%n",
        serviceSeconds, start.target("serviceSeconds", "not slower than the bare app",
            serviceSeconds <= bareSeconds));
    System.out.printf(Locale.ROOT, "   bare Camunda starter jar:      %6.2f s%n", bareSeconds);
    System.out.printf(Locale.ROOT, "   this service, CDS archive:     %6.2f s  (extracted jar, "
        + "Spring Boot's training run)%n", median(cds));
    System.out.printf(Locale.ROOT, "   this service, extracted only:  %6.2f s%n",
        median(extractedOnly));
    start.figure("serviceSeconds", serviceSeconds).figure("bareSeconds", bareSeconds)
        .figure("serviceWithCdsSeconds", median(cds))
        .figure("serviceExtractedSeconds", median(extractedOnly))
        .figure("runs", Map.of("service", service, "bare", bare, "serviceWithCds", cds,
            "serviceExtracted", extractedOnly));

    results.put("renewalDayH2", h2.json());
    results.put("renewalDayPostgres", pg.json());
    results.put("purchases", http.json());
    results.put("footprint", bytes.json());
    results.put("coldStart", start.json());
    Path json = dir.resolve("results.json");
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), results);
    System.out.printf(Locale.ROOT, "%nWritten to %s%n", json);
  }

  /** The real model beside the control, with the two renewal targets. */
  /** Purchases through the API in a fresh database, charged in the request or not. */
  private static Purchases purchases(Path dir, String name, boolean runNow, int count)
      throws Exception {
    List<String> settings = new ArrayList<>(TUNED);
    settings.add("--actionpack.jobs.run-now.enabled=" + runNow);
    try (RenewalDay day = RenewalDay.onH2(dir, name, settings, "")) {
      day.startJobs();
      return Purchases.run(day.app(), count);
    }
  }

  private static void renewalLines(Section section, Window real, Window control) {
    System.out.printf(Locale.ROOT, "   real model:              %7.1f s %9.1f renewals/s    "
        + "CPU %6.2f ms per renewal   %s%n", real.seconds(), real.perSecond(), real.cpuMsEach(),
        section.target("renewalsPerSecond", "≥ " + (int) RENEWALS_PER_SECOND + "/s",
            real.perSecond() >= RENEWALS_PER_SECOND));
    System.out.printf(Locale.ROOT, "   control (timer, 1 update): %5.1f s %9.1f instances/s   "
        + "CPU %6.2f ms per instance%n", control.seconds(), control.perSecond(),
        control.cpuMsEach());
    double ratio = real.cpuMsEach() / control.cpuMsEach();
    System.out.printf(Locale.ROOT, "   CPU real/control: %.2fx   %s%n", ratio,
        section.target("cpuOverControl", "≤ " + CPU_OVER_CONTROL + "x",
            ratio <= CPU_OVER_CONTROL));
    window(section, "real", real);
    window(section, "control", control);
    section.figure("cpuOverControl", ratio);
  }

  private static void window(Section section, String name, Window window) {
    section.figure(name, Map.of("count", window.count(),
        "seconds", round(window.seconds()), "perSecond", round(window.perSecond()),
        "cpuMsEach", round(window.cpuMsEach()),
        "databaseServerCpuMsEach", Double.isNaN(window.databaseCpuMs()) ? "n/a"
            : round(window.databaseCpuMsEach())));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
  }

  static boolean inMemory() {
    return "mem".equals(System.getProperty("benchmark.database"));
  }

  /**
   * H2 in a file (the default), or in memory with -Dbenchmark.database=mem: what disk writes
   * cost.
   */
  static String h2Url(Path db) {
    return (inMemory()
        ? "jdbc:h2:mem:" + db.getFileName() + ";DB_CLOSE_DELAY=-1"
        : "jdbc:h2:file:" + db.toAbsolutePath()) + ";QUERY_CACHE_SIZE=256";
  }

  static void deleteDatabase(Path db) throws Exception {
    Files.deleteIfExists(Path.of(db + ".mv.db"));
    Files.deleteIfExists(Path.of(db + ".trace.db"));
  }
}
