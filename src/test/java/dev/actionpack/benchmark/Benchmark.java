package dev.actionpack.benchmark;

import dev.actionpack.ActionPackApplication;
import dev.actionpack.partner.PartnerApiKeys;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.process.ProcessVariables;
import dev.actionpack.process.RenewProcess;
import dev.benchmark.bare.BareCamundaApplication;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Measures the service on this machine and prints the figures (not a test: nothing here can
 * pass or fail). Run: {@code ./mvnw -Pbenchmark -Dbenchmark.subscriptions=2000 test-compile
 * exec:exec} (defaults: 100 000 subscriptions, 2 000 purchases; {@code -Dbenchmark.database=mem}
 * puts H2 in memory).
 */
public final class Benchmark {

  private static final Instant TERM_END = Instant.parse("2030-06-01T12:00:00Z");
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
    int subscriptions = Integer.getInteger("benchmark.subscriptions", 100_000);
    int purchases = Integer.getInteger("benchmark.purchases", 2_000);
    Path dir = Files.createDirectories(Path.of("target", "benchmark"));
    System.out.printf(Locale.ROOT, "Benchmark on %d cores, %d subscriptions, %d purchases%n",
        Runtime.getRuntime().availableProcessors(), subscriptions, purchases);

    // tuned: the service as shipped (every job due-dated, acquisition by an index on the due
    // date, short ids from blocks, lean-full history) with one job thread per core plus one;
    // defaults: the starter's job executor, acquisition query, UUID ids and full history
    // a small renewal day first, not counted: the JIT warms up on it, so the first measured
    // variant is not the slowest for that reason alone
    renewalDay(dir, "warm-up", Math.max(500, subscriptions / 5), List.of(), 0);
    Result tuned = renewalDay(dir, "tuned", subscriptions, List.of(
        "--camunda.bpm.job-execution.core-pool-size=3",
        "--camunda.bpm.job-execution.max-pool-size=3",
        "--camunda.bpm.job-execution.queue-capacity=9",
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=9",
        "--camunda.bpm.job-execution.wait-time-in-millis=100",
        "--camunda.bpm.job-execution.max-wait=1000"), purchases);
    Result defaults = renewalDay(dir, "starter-defaults", subscriptions, STARTER_DEFAULTS, 0);
    // what writing every commit at once would cost (WRITE_DELAY=0), the alternative to
    // H2Durability's writing before each HTTP answer (a renewal day has no answers to wait for)
    Result everyCommit = inMemory() ? null : renewalDay(dir, "tuned-every-commit", subscriptions,
        List.of("--camunda.bpm.job-execution.core-pool-size=3",
            "--camunda.bpm.job-execution.max-pool-size=3",
            "--camunda.bpm.job-execution.queue-capacity=9",
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=9",
            "--camunda.bpm.job-execution.wait-time-in-millis=100",
            "--camunda.bpm.job-execution.max-wait=1000"), 0, ";WRITE_DELAY=0");
    double floor = plainJdbcFloor(dir, subscriptions);

    System.out.printf(Locale.ROOT, "%n1. Renewal day (%d due subscriptions, real renew.bpmn, "
        + "embedded payment provider, H2 file)%n", subscriptions);
    System.out.printf(Locale.ROOT, "   tuned:            %8.1f s  %8.1f renewals/s%n",
        tuned.seconds, subscriptions / tuned.seconds);
    System.out.printf(Locale.ROOT, "   starter defaults: %8.1f s  %8.1f renewals/s%n",
        defaults.seconds, subscriptions / defaults.seconds);
    if (everyCommit != null) {
      System.out.printf(Locale.ROOT, "   tuned, every commit written at once (WRITE_DELAY=0): "
          + "%8.1f s  %8.1f renewals/s (%.1fx the time)%n", everyCommit.seconds,
          subscriptions / everyCommit.seconds, everyCommit.seconds / tuned.seconds);
    }
    System.out.printf(Locale.ROOT, "   plain JDBC floor: %8.1f s  %8.1f renewals/s%n",
        subscriptions / floor, floor);
    System.out.printf(Locale.ROOT, "   tuned/default: %.2fx   floor/tuned: %.2fx%n",
        defaults.seconds / tuned.seconds, floor / (subscriptions / tuned.seconds));
    System.out.printf(Locale.ROOT, "%n2. Purchases through the HTTP API (%d, %d threads)%n",
        purchases, tuned.purchaseThreads);
    System.out.printf(Locale.ROOT, "   %8.1f orders/s   p50 %6.1f ms   p99 %6.1f ms%n",
        tuned.ordersPerSecond, tuned.p50, tuned.p99);
    System.out.printf(Locale.ROOT, "%n3. Footprint with %d active subscriptions%n",
        subscriptions);
    if (inMemory()) {
      System.out.println("   database bytes:   measured with H2 in a file only");
    } else {
      System.out.printf(Locale.ROOT, "   runtime database: %8.0f bytes per subscription "
          + "(compacted, indexes included)%n", tuned.runtimeBytes / (double) subscriptions);
      System.out.printf(Locale.ROOT, "   history:          %8.0f bytes per subscription%n",
          tuned.historyBytes / (double) subscriptions);
    }
    System.out.printf(Locale.ROOT, "   heap after GC:    %8.1f MB%n", tuned.heapMb);
    System.out.printf(Locale.ROOT, "%n4. Cold start to the first HTTP 200 (separate JVMs)%n");
    System.out.printf(Locale.ROOT, "   this service:             %6.2f s%n",
        coldStart(dir, ActionPackApplication.class.getName(), "product", List.of()));
    System.out.printf(Locale.ROOT, "   bare Camunda webapp app:  %6.2f s%n",
        coldStart(dir, BareCamundaApplication.class.getName(), "bare", STARTER_DEFAULTS));
  }

  /**
   * Seeds n subscriptions whose term ends at TERM_END, moves the clock past it, times the
   * renewals.
   */
  private static Result renewalDay(Path dir, String name, int n, List<String> tuning,
      int purchases) throws Exception {
    return renewalDay(dir, name, n, tuning, purchases, "");
  }

  /** {@code urlSettings}: H2 settings added to the database URL. */
  private static Result renewalDay(Path dir, String name, int n, List<String> tuning,
      int purchases, String urlSettings) throws Exception {
    Path db = dir.resolve(name);
    deleteDatabase(db);
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=test",
        "--spring.datasource.url=" + h2Url(db) + urlSettings,
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN", "--camunda.bpm.process-engine-name=" + name.replace("-", "")));
    args.addAll(tuning);
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ActionPackApplication.class)
        .run(args.toArray(String[]::new));
    Result result = new Result();
    try {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      ClockUtil.setCurrentTime(Date.from(TERM_END.minus(Duration.ofDays(365))));
      seed(jdbc, engine, n);
      ClockUtil.setCurrentTime(Date.from(TERM_END.plus(Duration.ofMinutes(1))));
      var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getJobExecutor();
      long start = System.nanoTime();
      jobExecutor.start();
      while (jdbc.queryForObject("select count(*) from subscription where term_number = 2",
          Integer.class) < n || dueJobs(jdbc) > 0) {
        Thread.sleep(20);
      }
      result.seconds = (System.nanoTime() - start) / 1e9;
      if (!inMemory()) {
        long[] bytes = compactedBytes(jdbc, dir.resolve(name + "-footprint"));
        result.runtimeBytes = bytes[0];
        result.historyBytes = bytes[1] - bytes[0];
      }
      System.gc();
      result.heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
      if (purchases > 0) {
        purchases(app, purchases, result);
      }
      jobExecutor.shutdown();
    } finally {
      ClockUtil.reset();
      app.close();
    }
    return result;
  }

  private static void seed(JdbcTemplate jdbc, ProcessEngine engine, int n) {
    UUID offerless = UUID.randomUUID();
    Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
    Timestamp end = Timestamp.from(TERM_END);
    Timestamp anchor = Timestamp.from(TERM_END.minus(Duration.ofDays(365)));
    List<Object[]> partners = new ArrayList<>();
    List<Object[]> cards = new ArrayList<>();
    List<Object[]> methods = new ArrayList<>();
    List<Object[]> subscriptions = new ArrayList<>();
    List<String[]> terms = new ArrayList<>();
    List<Object[]> grants = new ArrayList<>();
    Timestamp lastCredit = Timestamp.from(TERM_END.atZone(java.time.ZoneOffset.UTC).minusMonths(1)
        .toInstant());
    for (int i = 0; i < n; i++) {
      UUID partner = UUID.randomUUID();
      UUID method = UUID.randomUUID();
      UUID subscription = UUID.randomUUID();
      String token = "tok_bench_" + i + "_" + offerless.toString().substring(0, 8);
      String number = "AP-B" + i;
      partners.add(new Object[] {partner, "Partner " + i, true, "en-US", "p" + i + "@x.example",
          now});
      cards.add(new Object[] {token, "APPROVE", now});
      methods.add(new Object[] {method, partner, token, "VISA", "4242", 12, 2040, now});
      subscriptions.add(new Object[] {subscription, number, partner, partner, "ACTION_PACK",
          "ACTIVE", anchor, 1, 1, anchor, end, true, method, now, 0});
      terms.add(new String[] {subscription.toString(), number});
      grants.add(new Object[] {UUID.randomUUID(), subscription, lastCredit, lastCredit});
    }
    jdbc.batchUpdate("insert into partner (id, name, network_member, locale, email, created_at) "
        + "values (?, ?, ?, ?, ?, ?)", partners);
    jdbc.batchUpdate("insert into embedded_provider_card (token, behaviour, created_at) "
        + "values (?, ?, ?)", cards);
    jdbc.batchUpdate("insert into payment_method (id, partner_id, provider_token, brand, "
        + "last_four, expiry_month, expiry_year, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        methods);
    jdbc.batchUpdate("insert into subscription (id, number, partner_id, live_partner_id, "
        + "offer_code, status, anchor, anchor_term_number, term_number, term_start, term_end, "
        + "auto_renewal, payment_method_id, created_at, version) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", subscriptions);
    jdbc.batchUpdate("insert into benefit_grant (id, subscription_id, code, description, "
        + "quantity, due_at, granted_at) values (?, ?, 'AZURE_CREDIT', 'Azure credit', 100, ?, ?)",
        grants);
    // the state of the day before the term end: reminders sent, the term's last credit granted,
    // only the term-end timer and the message events left
    for (String[] term : terms) {
      engine.getRuntimeService().createProcessInstanceByKey(RenewProcess.KEY)
          .businessKey(term[1])
          .startBeforeActivity("TimerEvent_TermEnds")
          .setVariables(Map.of(
          ProcessVariables.SUBSCRIPTION_ID.name(), term[0],
          ProcessVariables.PARTNER.name(), "Partner",
          ProcessVariables.AMOUNT.name(), "475.00 USD",
          ProcessVariables.TERM_NUMBER.name(), 1,
          ProcessVariables.TERM_ENDS_AT.name(), Date.from(TERM_END),
          ProcessVariables.AUTO_RENEWAL.name(), true,
          ProcessVariables.AZURE_CREDIT_DUE_AT.name(), Date.from(TERM_END)))
          .execute();
    }
  }

  /** The same domain writes as a renewal, in a plain JDBC loop: what a cron job would reach. */
  private static double plainJdbcFloor(Path dir, int n) throws Exception {
    Path db = dir.resolve("jdbc-floor");
    deleteDatabase(db);
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ActionPackApplication.class)
        .run("--spring.profiles.active=test", "--server.port=0",
            "--spring.datasource.url=" + h2Url(db),
            "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
            "--camunda.bpm.process-engine-name=jdbcfloor");
    try {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      ClockUtil.setCurrentTime(Date.from(TERM_END.minus(Duration.ofDays(365))));
      seed(jdbc, engine, n);
      List<Map<String, Object>> due = jdbc.queryForList(
          "select id, number, partner_id, payment_method_id from subscription");
      Timestamp now = Timestamp.from(TERM_END.plus(Duration.ofMinutes(1)));
      long start = System.nanoTime();
      int i = 0;
      for (Map<String, Object> s : due) {
        UUID order = UUID.randomUUID();
        String key = "renewal-" + s.get("ID") + "-term-2";
        jdbc.update("insert into embedded_provider_charge (idempotency_key, charge_id, card_token,"
            + " amount, currency, approved, created_at) values (?, ?, ?, 475.00, 'USD', true, ?)",
            key, "ch_" + order, "tok", now);
        jdbc.update("insert into purchase_order (id, number, partner_id, offer_code, amount, "
            + "currency, payment_method_id, subscription_number, charge_key, status, kind, "
            + "created_at, completed_at) values (?, ?, ?, 'ACTION_PACK', 475.00, 'USD', ?, ?, ?, "
            + "'CONFIRMED', 'AUTO_RENEWAL', ?, ?)", order, "ORD-F" + i++, s.get("PARTNER_ID"),
            s.get("PAYMENT_METHOD_ID"), s.get("NUMBER"), key, now, now);
        jdbc.update("insert into payment_charge (id, order_id, idempotency_key, "
            + "provider_charge_id, amount, currency, approved, created_at) values (?, ?, ?, ?, "
            + "475.00, 'USD', true, ?)", UUID.randomUUID(), order, key, "ch_" + order, now);
        jdbc.update("update subscription set term_number = 2, term_start = term_end, "
            + "term_end = dateadd('YEAR', 1, term_end), version = version + 1 where id = ?",
            s.get("ID"));
      }
      return n / ((System.nanoTime() - start) / 1e9);
    } finally {
      ClockUtil.reset();
      app.close();
    }
  }

  private static void purchases(ConfigurableApplicationContext app, int count, Result result)
      throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    String hash = app.getBean(PasswordEncoder.class).encode("secret");
    PartnerApiKeys apiKeys = app.getBean(PartnerApiKeys.class);
    List<String> keys = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int i = 0; i < count; i++) {
      UUID partner = UUID.randomUUID();
      String user = "bench" + i;
      jdbc.update("insert into partner (id, name, network_member, locale, email, created_at) "
          + "values (?, ?, true, 'en-US', ?, ?)", partner, user, user + "@x.example", now);
      jdbc.update("insert into partner_user (username, password_hash, partner_id) values (?, ?, ?)",
          user, hash, partner);
      // programs call the API with a key: a password would cost a BCrypt per request
      keys.add(apiKeys.issue(new PartnerPrincipal(user, hash, partner), "benchmark").token());
    }
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    HttpClient http = HttpClient.newHttpClient();
    result.purchaseThreads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(result.purchaseThreads);
    List<Future<Long>> calls = new ArrayList<>();
    long start = System.nanoTime();
    for (String key : keys) {
      calls.add(pool.submit(() -> {
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/purchases"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"offerCode\":\"ACTION_PACK\","
                + "\"termsAccepted\":true,\"termsVersion\":\"MPN-IUR-2017-07\",\"card\":{"
                + "\"number\":\"4242424242424242\",\"expiryMonth\":12,\"expiryYear\":2040,"
                + "\"cvc\":\"123\"},\"reviewedPrice\":{\"amount\":475.00,\"currency\":\"USD\"}}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
          throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return System.nanoTime() - t;
      }));
    }
    List<Long> latencies = new ArrayList<>();
    for (Future<Long> call : calls) {
      latencies.add(call.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Collections.sort(latencies);
    result.ordersPerSecond = count / seconds;
    result.p50 = latencies.get(latencies.size() / 2) / 1e6;
    result.p99 = latencies.get((int) Math.min(latencies.size() - 1, latencies.size() * 0.99)) / 1e6;
  }

  /** Jobs the job executor could run now: a renewal day is over when none is left. */
  private static int dueJobs(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 "
        + "and (duedate_ is null or duedate_ <= ?)", Integer.class,
        Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
  }

  /**
   * The database's bytes on disk, compacted: without and with the history tables. H2's per-table
   * DISK_SPACE_USED counts only pages already written and misses whole tables at this size, so a
   * consistent online backup is compacted once as it is and once with the history emptied.
   */
  private static long[] compactedBytes(JdbcTemplate jdbc, Path copy) throws Exception {
    Path zip = Path.of(copy + ".zip");
    Files.deleteIfExists(zip);
    deleteDatabase(copy);
    jdbc.execute("BACKUP TO '" + zip.toAbsolutePath() + "'");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      in.getNextEntry();
      Files.copy(in, Path.of(copy + ".mv.db"));
    }
    String url = "jdbc:h2:file:" + copy.toAbsolutePath();
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      connection.createStatement().execute("SHUTDOWN COMPACT");
    }
    long all = Files.size(Path.of(copy + ".mv.db"));
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement()) {
      List<String> history = new ArrayList<>();
      try (ResultSet tables = statement.executeQuery("select table_name from "
          + "information_schema.tables where table_schema = 'PUBLIC' "
          + "and table_name like 'ACT\\_HI\\_%'")) {
        while (tables.next()) {
          history.add(tables.getString(1));
        }
      }
      for (String table : history) {
        statement.execute("truncate table \"" + table + "\"");
      }
      statement.execute("SHUTDOWN COMPACT");
    }
    long runtime = Files.size(Path.of(copy + ".mv.db"));
    deleteDatabase(copy);
    Files.deleteIfExists(zip);
    return new long[] {runtime, all};
  }

  private static double coldStart(Path dir, String mainClass, String name, List<String> settings)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path db = dir.resolve("coldstart-" + name);
    deleteDatabase(db);
    long start = System.nanoTime();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass,
        "--server.port=" + port, "--spring.profiles.active=test",
        "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath()));
    command.addAll(settings);
    Process process = new ProcessBuilder(command)
        .directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("coldstart-" + name + ".log").toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      while (process.isAlive()) {
        try {
          if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                  + "/camunda/app/welcome/default/")).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - start) / 1e9;
          }
        } catch (java.io.IOException notYet) {
          Thread.sleep(20);
        }
      }
      throw new IllegalStateException(name + " exited; see " + dir.resolve("coldstart-" + name
          + ".log"));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static boolean inMemory() {
    return "mem".equals(System.getProperty("benchmark.database"));
  }

  /**
   * H2 in a file (the default), or in memory with -Dbenchmark.database=mem: what disk writes
   * cost.
   */
  private static String h2Url(Path db) {
    return (inMemory()
        ? "jdbc:h2:mem:" + db.getFileName() + ";DB_CLOSE_DELAY=-1"
        : "jdbc:h2:file:" + db.toAbsolutePath()) + ";QUERY_CACHE_SIZE=256";
  }

  private static void deleteDatabase(Path db) throws Exception {
    Files.deleteIfExists(Path.of(db + ".mv.db"));
    Files.deleteIfExists(Path.of(db + ".trace.db"));
  }

  private static final class Result {
    double seconds;
    long runtimeBytes;
    long historyBytes;
    double heapMb;
    int purchaseThreads;
    double ordersPerSecond;
    double p50;
    double p99;
  }
}
