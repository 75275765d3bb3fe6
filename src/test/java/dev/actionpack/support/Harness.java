package dev.actionpack.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only, in a service started by a test ({@link StandaloneApp}) with the profile
 * {@code harness}: the engine clock runs {@code harness.clock-offset-days} ahead from the start
 * (so subscriptions bought in an earlier run fall due), and {@code /harness/*} tells the test
 * what the database holds, read in the service's own JVM.
 */
@RestController
@Profile("harness")
class Harness {

  private final JdbcTemplate jdbc;

  Harness(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every order with its charges at the provider, and what is left to do: jobs due now, jobs
   * that failed, incidents.
   */
  @GetMapping("/harness/state")
  Map<String, Object> state() {
    List<Map<String, Object>> orders = jdbc.queryForList("select o.number, o.kind, o.status, "
        + "o.subscription_number, (select count(*) from embedded_provider_charge c where "
        + "c.idempotency_key = o.charge_key and c.approved) approved_charges, (select count(*) "
        + "from payment_charge p where p.idempotency_key = o.charge_key) recorded_charges "
        + "from purchase_order o order by o.number");
    List<Map<String, Object>> subscriptions = jdbc.queryForList("select s.number, s.status, "
        + "s.term_number, (select count(*) from purchase_order o where o.subscription_number = "
        + "s.number and o.status = 'CONFIRMED') confirmed_orders, (select count(*) from "
        + "purchase_order o join embedded_provider_charge c on c.idempotency_key = o.charge_key "
        + "where o.subscription_number = s.number and c.approved) approved_charges "
        + "from subscription s order by s.number");
    return Map.of(
        "orders", orders,
        "subscriptions", subscriptions,
        "dueJobs", jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and "
            + "(duedate_ is null or duedate_ <= ?)", Integer.class, ClockUtil.getCurrentTime()),
        "failedJobs", jdbc.queryForObject("select count(*) from act_ru_job where "
            + "exception_msg_ is not null", Integer.class),
        "incidents", jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class),
        "now", ClockUtil.getCurrentTime().toInstant().toString());
  }

  /** Moves the engine clock {@code days} further ahead of real time. */
  @PostMapping("/harness/clock")
  Map<String, Object> advance(@RequestParam int days) {
    HarnessClock.offsetDays += days;
    ClockUtil.offset(Duration.ofDays(HarnessClock.offsetDays).toMillis());
    return Map.of("now", ClockUtil.getCurrentTime().toInstant().toString(),
        "offsetDays", HarnessClock.offsetDays);
  }

  /** Sets the engine clock's offset before the engine starts, so due timers fire at once. */
  @Component
  @Profile("harness")
  static class HarnessClock extends AbstractProcessEnginePlugin {

    static volatile long offsetDays;

    HarnessClock(@Value("${harness.clock-offset-days:0}") long offsetDays) {
      HarnessClock.offsetDays = offsetDays;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      if (offsetDays != 0) {
        ClockUtil.offset(Duration.ofDays(offsetDays).toMillis());
      }
    }
  }
}
