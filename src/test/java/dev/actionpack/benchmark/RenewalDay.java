package dev.actionpack.benchmark;

import dev.actionpack.ActionPackApplication;
import dev.actionpack.process.ProcessVariables;
import dev.actionpack.process.RenewProcess;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One application context on one database, where renewal days are timed: the real model's (N
 * subscriptions whose term ends at TERM_END) and the control's (N instances of a one-update
 * model due at the same moment). Each window starts with the job executor and ends when the work
 * is done and no job is due; its CPU is the process CPU time across it (the benchmark JVM runs
 * nothing else meanwhile) plus, on PostgreSQL, the server's.
 */
final class RenewalDay implements AutoCloseable {

  static final Instant TERM_END = Instant.parse("2030-06-01T12:00:00Z");
  /** After the renewal day and before the next term's first timer (a month later). */
  private static final Instant CONTROL_DUE = TERM_END.plus(Duration.ofDays(1));
  private static final Pattern PORT = Pattern.compile("//[^/:]+:(\\d+)/");

  private final ConfigurableApplicationContext app;
  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final JobExecutor jobExecutor;
  private final Optional<ProcessHandle> databaseServer;

  private RenewalDay(List<String> args, Optional<ProcessHandle> databaseServer) {
    this.app = new SpringApplicationBuilder(ActionPackApplication.class)
        .run(args.toArray(String[]::new));
    this.jdbc = app.getBean(JdbcTemplate.class);
    this.engine = app.getBean(ProcessEngine.class);
    this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
    this.databaseServer = databaseServer;
  }

  /** The service on an H2 file (or in memory); {@code urlSettings} are added to its URL. */
  static RenewalDay onH2(Path dir, String name, List<String> settings, String urlSettings)
      throws Exception {
    Path db = dir.resolve(name);
    Benchmark.deleteDatabase(db);
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test",
        "--spring.datasource.url=" + Benchmark.h2Url(db) + urlSettings));
    args.addAll(common(name));
    args.addAll(settings);
    return new RenewalDay(args, Optional.empty());
  }

  /** The service on its postgres profile, on a database of an external PostgreSQL server. */
  static RenewalDay onPostgres(String url, List<String> settings) {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test,postgres",
        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
        "--spring.datasource.password="));
    args.addAll(common("postgres"));
    args.addAll(settings);
    Matcher port = PORT.matcher(url);
    return new RenewalDay(args, port.find()
        ? Cpu.postmaster(Integer.parseInt(port.group(1))) : Optional.empty());
  }

  private static List<String> common(String name) {
    return List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN", "--camunda.bpm.process-engine-name=" + name.replace("-", ""));
  }

  ConfigurableApplicationContext app() {
    return app;
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  /** True when the database server's CPU is counted (always false on H2: it is this JVM). */
  boolean countsDatabaseServer() {
    return databaseServer.isPresent();
  }

  /**
   * Seeds n subscriptions the day before their term end, moves the clock past it and times the
   * renewals (two jobs each: the term-end timer, which charges and starts the next term, and the
   * receipt).
   */
  Window renew(int n) throws Exception {
    seedDue(n);
    return renewSeeded(n);
  }

  /** The n subscriptions of {@link #renew}, seeded, with the clock still before their term end. */
  void seedDue(int n) {
    ClockUtil.setCurrentTime(Date.from(TERM_END.minus(Duration.ofDays(365))));
    seed(jdbc, engine, n);
  }

  /** The renewal day of n subscriptions already seeded by {@link #seedDue}. */
  Window renewSeeded(int n) throws Exception {
    ClockUtil.setCurrentTime(Date.from(TERM_END.plus(Duration.ofMinutes(1))));
    return timed(n, () -> jdbc.queryForObject(
        "select count(*) from subscription where term_number = 2", Integer.class) >= n);
  }

  /**
   * The control: n instances of start, a timer on a date variable, one JDBC update (of a row of
   * a table the benchmark creates) and the end, all due at one moment. Its model is deployed
   * here, not with the service.
   */
  Window control(int n) throws Exception {
    jdbc.execute("create table " + UpdateRowDelegate.TABLE
        + " (id int primary key, touched int not null)");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {i});
    }
    jdbc.batchUpdate("insert into " + UpdateRowDelegate.TABLE + " (id, touched) values (?, 0)",
        rows);
    app.getBeanFactory().registerSingleton(UpdateRowDelegate.BEAN, new UpdateRowDelegate(jdbc));
    engine.getRepositoryService().createDeployment().name(UpdateRowDelegate.KEY)
        .addClasspathResource(UpdateRowDelegate.RESOURCE).deploy();
    for (int i = 0; i < n; i++) {
      engine.getRuntimeService().startProcessInstanceByKey(UpdateRowDelegate.KEY,
          Variables.createVariables()
              .putValue(UpdateRowDelegate.ROW.name(), i)
              .putValue(UpdateRowDelegate.DUE_AT.name(), Date.from(CONTROL_DUE)));
    }
    ClockUtil.setCurrentTime(Date.from(CONTROL_DUE.plus(Duration.ofMinutes(1))));
    return timed(n, () -> jdbc.queryForObject("select count(*) from "
        + UpdateRowDelegate.TABLE + " where touched > 0", Integer.class) >= n);
  }

  /** The job executor on, for what follows the timed windows (purchases charge in a job). */
  void startJobs() {
    jobExecutor.start();
  }

  private Window timed(int n, BooleanSupplier done) throws InterruptedException {
    double serverStart = databaseServer.map(Cpu::serverMs).orElse(Double.NaN);
    long cpuStart = Cpu.jvmNanos();
    long start = System.nanoTime();
    jobExecutor.start();
    while (!done.getAsBoolean() || dueJobs() > 0) {
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (Cpu.jvmNanos() - cpuStart) / 1e6;
    double serverMs = databaseServer.map(Cpu::serverMs).orElse(Double.NaN) - serverStart;
    jobExecutor.shutdown();
    return new Window(n, seconds, cpuMs, serverMs);
  }

  /** Jobs the job executor could run now: a day is over when none is left. */
  private int dueJobs() {
    return jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 "
        + "and (duedate_ is null or duedate_ <= ?)", Integer.class,
        Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
  }

  @Override
  public void close() {
    if (jobExecutor.isActive()) {
      jobExecutor.shutdown();
    }
    ClockUtil.reset();
    app.close();
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
    Timestamp lastCredit = Timestamp.from(TERM_END.atZone(ZoneOffset.UTC).minusMonths(1)
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
    // the state of the day before the term end: both reminders sent, the term's last credit
    // granted, the term's one timer waiting for the term end, and the message events
    for (String[] term : terms) {
      engine.getRuntimeService().createProcessInstanceByKey(RenewProcess.KEY)
          .businessKey(term[1])
          .startBeforeActivity(RenewProcess.TIMER_EVENT_NEXT_DUE)
          .setVariables(Map.of(
          ProcessVariables.SUBSCRIPTION_ID.name(), term[0],
          ProcessVariables.PARTNER.name(), "Partner",
          ProcessVariables.AMOUNT.name(), "475.00 USD",
          ProcessVariables.TERM_NUMBER.name(), 1,
          ProcessVariables.TERM_ENDS_AT.name(), Date.from(TERM_END),
          ProcessVariables.AUTO_RENEWAL.name(), true,
          ProcessVariables.AZURE_CREDIT_DUE_AT.name(), Date.from(TERM_END),
          ProcessVariables.REMINDERS_SENT.name(), 2))
          .execute();
    }
  }

  /**
   * The same domain writes as a renewal, in a plain JDBC loop: what a cron job would reach. Its
   * own context and H2 file, seeded the same way; timed and CPU-counted like the others.
   */
  static Window plainJdbcFloor(Path dir, int n) throws Exception {
    try (RenewalDay day = onH2(dir, "jdbc-floor", List.of(), "")) {
      JdbcTemplate jdbc = day.jdbc;
      ClockUtil.setCurrentTime(Date.from(TERM_END.minus(Duration.ofDays(365))));
      seed(jdbc, day.engine, n);
      List<Map<String, Object>> due = jdbc.queryForList(
          "select id, number, partner_id, payment_method_id from subscription");
      Timestamp now = Timestamp.from(TERM_END.plus(Duration.ofMinutes(1)));
      long cpuStart = Cpu.jvmNanos();
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
      return new Window(n, (System.nanoTime() - start) / 1e9, (Cpu.jvmNanos() - cpuStart) / 1e6,
          Double.NaN);
    }
  }
}
