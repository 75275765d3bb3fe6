package dev.actionpack.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.process.JobDriver;
import dev.actionpack.process.RenewProcess;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests that follow subscriptions through time: the whole service, driven over
 * HTTP, with the job executor off and the engine clock moved by a {@link JobDriver}, so years
 * pass in milliseconds and every step happens in a known order. Purchases answer at once
 * (202) and the test runs the charge job.
 */
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "actionpack.purchase.outcome-wait=0s"})
public abstract class LifecycleTest extends ApiTest {

  @Autowired
  protected ManagementService managementService;
  @Autowired
  protected RuntimeService runtimeService;
  @Autowired
  protected JdbcTemplate jdbc;
  @Autowired
  protected TaskService taskService;

  /**
   * The partner asks Support to cancel; an agent cancels now with a prorated refund (through the
   * engine, as Tasklist would), and the refund runs.
   */
  protected void cancelNowWithProratedRefund(PartnerLogin partner, String subscription) {
    String request = post(partner, "/api/service-requests", Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION",
        "subscriptionNumber", subscription,
        "description", "Please cancel our Action Pack subscription.",
        "contact", Map.of("name", "Pat Partner", "email", "pat@partners.example",
            "phone", "+34 910 000 000", "preferredLanguage", "es-ES")))
        .body().get("number").asText();
    jobs().runDue();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(request)
        .singleResult();
    taskService.claim(task.getId(), "sam");
    taskService.complete(task.getId(), Map.of("outcome", "CANCEL_NOW", "refund", "PRORATED",
        "contactMade", true, "resolutionNote", "Cancelled as agreed."));
    jobs().runDue();
  }

  protected JobDriver jobs() {
    return new JobDriver(managementService);
  }

  protected static void clockAt(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  protected static Instant now() {
    return JobDriver.now();
  }

  /** Buys Action Pack now with the card and runs the charge: the subscription, as the API shows it. */
  protected JsonNode subscribe(PartnerLogin partner, String cardNumber) {
    return subscribe(partner, purchaseWithCard(cardNumber));
  }

  /** Places the purchase now and runs the charge: the subscription, as the API shows it. */
  protected JsonNode subscribe(PartnerLogin partner, Map<String, Object> purchase) {
    Response placed = purchase(partner, purchase, null);
    if (placed.status() != 202) {
      throw new IllegalStateException("purchase not placed: " + placed.body());
    }
    jobs().runDue();
    return subscription(partner, placed.body().get("subscriptionNumber") != null
        ? placed.body().get("subscriptionNumber").asText()
        : get(partner, placed.location()).body().get("subscriptionNumber").asText());
  }

  protected JsonNode subscription(PartnerLogin partner, String number) {
    return get(partner, "/api/subscriptions/" + number).body();
  }

  protected Response turnAutoRenewal(PartnerLogin partner, String number, boolean enabled) {
    return exchange(partner, HttpMethod.PUT, "/api/subscriptions/" + number + "/auto-renewal",
        Map.of("enabled", enabled), Map.of());
  }

  /** Renews manually with a new card; the order is placed, and its charge run. */
  protected Response renewManually(PartnerLogin partner, String number, String cardNumber) {
    Response placed = post(partner, "/api/subscriptions/" + number + "/renewals",
        purchaseWithCard(cardNumber));
    if (placed.status() == 202) {
      jobs().runDue();
      return get(partner, placed.location());
    }
    return placed;
  }

  /** Replaces the card that pays the subscription (R25); {@code body} names the card. */
  protected Response replaceCard(PartnerLogin partner, String number, Map<String, Object> body) {
    return exchange(partner, HttpMethod.PUT, "/api/subscriptions/" + number + "/payment-method",
        body, Map.of());
  }

  /** The card the subscription pays with starts declining every charge (its funds ran out). */
  protected void cardRunsOutOfFunds(String subscriptionNumber) {
    jdbc.update("update embedded_provider_card set behaviour = 'DECLINE_INSUFFICIENT_FUNDS' "
        + "where token = (select m.provider_token from payment_method m join subscription s "
        + "on s.payment_method_id = m.id where s.number = ?)", subscriptionNumber);
  }

  /** Approved charges of renewals of the subscription, at the provider. */
  protected long renewalCharges(String subscriptionNumber, int term) {
    return jdbc.queryForObject("select count(*) from embedded_provider_charge c "
        + "join purchase_order o on o.charge_key = c.idempotency_key "
        + "where o.subscription_number = ? and c.approved and o.charge_key like ?",
        Long.class, subscriptionNumber, "%-term-" + term + "%");
  }

  protected long approvedCharges(String subscriptionNumber) {
    return jdbc.queryForObject("select count(*) from embedded_provider_charge c "
        + "join purchase_order o on o.charge_key = c.idempotency_key "
        + "where o.subscription_number = ? and c.approved", Long.class, subscriptionNumber);
  }

  /** The timer of the subscription's current term (its next due date: here, the term end). */
  protected Job termEndJob(String number) {
    return managementService.createJobQuery().processInstanceId(currentTermId(number))
        .activityId(RenewProcess.TIMER_EVENT_NEXT_DUE).singleResult();
  }

  /**
   * Runs the subscription's term-end timer (due now) and a partner's {@code request} on two
   * threads at once, then whatever is due: a timer that lost an optimistic-locking race stays
   * and runs then. The request's answer.
   */
  protected Response raceTermEnd(String number, Callable<Response> request) throws Exception {
    String timer = termEndJob(number).getId();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<?> engine = pool.submit(() -> {
        start.await();
        try {
          managementService.executeJob(timer);
        } catch (RuntimeException lostTheRace) {
          // the job stays and runs again below
        }
        return null;
      });
      Future<Response> answer = pool.submit(() -> {
        start.await();
        return request.call();
      });
      start.countDown();
      engine.get();
      Response response = answer.get();
      jobs().runDue();
      return response;
    } finally {
      pool.shutdown();
    }
  }

  protected String currentTermId(String number) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(RenewProcess.KEY)
        .processInstanceBusinessKey(number).singleResult().getId();
  }

  protected long runningTerms(String subscriptionNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(RenewProcess.KEY)
        .processInstanceBusinessKey(subscriptionNumber).count();
  }

  protected java.util.List<String> inboxKinds(PartnerLogin partner) {
    java.util.List<String> kinds = new java.util.ArrayList<>();
    get(partner, "/api/notifications").body().forEach(n -> kinds.add(0, n.get("kind").asText()));
    return kinds;
  }
}
