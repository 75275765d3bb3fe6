package dev.actionpack.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.process.RenewProcess;
import dev.actionpack.support.LifecycleTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Turning auto-renewal off, manual renewal, dunning, expiry and benefits, through the API. */
public class RenewalApiTest extends LifecycleTest {

  @Autowired
  private HistoryService historyService;
  @Autowired
  private ProcessEngine engine;

  @Test
  @DisplayName("R10 R19 auto-renewal turned off: shown on the subscription, in Cockpit, and confirmed")
  void shouldTurnOffAutoRenewal() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    clockAt("2027-03-10T10:05:00Z");

    Response off = turnAutoRenewal(partner, number, false);
    jobs().runDue();

    assertThat(off.status()).isEqualTo(200);
    assertThat(off.body().get("autoRenewal").asBoolean()).isFalse();
    assertThat(subscription(partner, number).get("autoRenewal").asBoolean()).isFalse();
    assertThat(inboxKinds(partner)).containsExactly("ORDER_CONFIRMED", "AUTO_RENEWAL_TURNED_OFF");
    assertThat(historyService.createHistoricActivityInstanceQuery()
        .activityId(RenewProcess.BOUNDARY_EVENT_AUTO_RENEWAL_TURNED_OFF).count()).isPositive();
    assertThat(runtimeService.getVariable(currentTermId(number), "autoRenewal")).isEqualTo(false);
    assertThat(turnAutoRenewal(partner, number, false).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("R10 asking to turn auto-renewal on is refused: a manual renewal turns it on")
  void shouldRefuseTurningAutoRenewalOn() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    assertThat(turnAutoRenewal(partner, number, true).status()).isEqualTo(200);
    turnAutoRenewal(partner, number, false);

    Response on = turnAutoRenewal(partner, number, true);

    assertThat(on.status()).isEqualTo(409);
    assertThat(on.contentType()).isEqualTo("application/problem+json");
    assertThat(on.body().get("type").asText()).isEqualTo("/problems/auto-renewal-turn-on-refused");
    assertThat(on.body().get("detail").asText()).contains("manual renewal turns auto-renewal on");
    assertThat(subscription(partner, number).get("autoRenewal").asBoolean()).isFalse();
    Response invalid = exchange(partner, org.springframework.http.HttpMethod.PUT,
        "/api/subscriptions/" + number + "/auto-renewal", java.util.Map.of(), java.util.Map.of());
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body().get("errors").get(0).get("field").asText()).isEqualTo("enabled");
  }

  @Test
  @DisplayName("R13 manual renewal before expiry: charged now, term extended to the next anniversary, auto-renewal on")
  void shouldRenewManuallyBeforeExpiryKeepingAnniversary() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    turnAutoRenewal(partner, number, false);
    jobs().advanceTo(Instant.parse("2028-02-01T00:00:00Z"));

    JsonNode order = renewManually(partner, number, "5555555555554444").body();

    assertThat(order.get("kind").asText()).isEqualTo("MANUAL_RENEWAL");
    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
    JsonNode renewed = subscription(partner, number);
    assertThat(renewed.get("termNumber").asInt()).isEqualTo(2);
    assertThat(renewed.get("termEnd").asText()).isEqualTo("2029-03-10T10:00:00Z");
    assertThat(renewed.get("anniversaryAnchor").asText()).isEqualTo("2027-03-10T10:00:00Z");
    assertThat(renewed.get("autoRenewal").asBoolean()).isTrue();
    assertThat(renewed.get("paymentMethod").get("lastFour").asText()).isEqualTo("4444");
    assertThat(runningTerms(number)).isOne();
    assertThat(runtimeService.getVariable(currentTermId(number), "termNumber")).isEqualTo(2);
    assertThat(inboxKinds(partner)).endsWith("RENEWED");

    // the old anniversary passes without a charge; the next one charges the new card
    jobs().advanceTo(Instant.parse("2028-03-11T00:00:00Z"));
    assertThat(approvedCharges(number)).isEqualTo(2);
    jobs().advanceTo(Instant.parse("2029-03-10T10:00:00Z"));
    assertThat(approvedCharges(number)).isEqualTo(3);
    assertThat(subscription(partner, number).get("termEnd").asText())
        .isEqualTo("2030-03-10T10:00:00Z");
  }

  @Test
  @DisplayName("R13 R14 R8 after a lapse: expired and benefits revoked; a renewal in the grace window restarts the anniversary")
  void shouldRenewAfterLapseRestartingAnniversary() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    turnAutoRenewal(partner, number, false);
    jobs().advanceTo(Instant.parse("2028-03-20T10:00:00Z"));

    JsonNode expired = subscription(partner, number);
    assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
    assertThat(activeBenefits(partner, number)).isEmpty();
    assertThat(inboxKinds(partner)).contains("REMINDER_EXPIRES", "EXPIRED");

    JsonNode order = renewManually(partner, number, "4242424242424242").body();

    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
    JsonNode renewed = subscription(partner, number);
    assertThat(renewed.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(renewed.get("anniversaryAnchor").asText()).isEqualTo("2028-03-20T10:00:00Z");
    assertThat(renewed.get("termEnd").asText()).isEqualTo("2029-03-20T10:00:00Z");
    assertThat(renewed.get("autoRenewal").asBoolean()).isTrue();
    assertThat(activeBenefits(partner, number)).hasSize(7);
    assertThat(runningTerms(number)).isOne();
  }

  @Test
  @DisplayName("R13 manual renewal is refused with auto-renewal on, after the grace window, and for someone else's subscription")
  void shouldRefuseManualRenewalWhenNotAllowed() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();

    Response whileAutoRenewing = post(partner, "/api/subscriptions/" + number + "/renewals",
        purchaseWithCard("4242424242424242"));
    Response someoneElses = post(newMember(), "/api/subscriptions/" + number + "/renewals",
        purchaseWithCard("4242424242424242"));
    turnAutoRenewal(partner, number, false);
    jobs().advanceTo(Instant.parse("2028-04-10T10:00:01Z"));
    Response afterGrace = post(partner, "/api/subscriptions/" + number + "/renewals",
        purchaseWithCard("4242424242424242"));

    assertThat(whileAutoRenewing.status()).isEqualTo(409);
    assertThat(whileAutoRenewing.body().get("type").asText()).isEqualTo("/problems/renewal-not-allowed");
    assertThat(whileAutoRenewing.body().get("detail").asText()).contains("auto-renewal is on");
    assertThat(someoneElses.status()).isEqualTo(404);
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("CLOSED");
    assertThat(afterGrace.status()).isEqualTo(409);
    assertThat(afterGrace.body().get("detail").asText()).contains("subscribe anew");
    assertThat(runningTerms(number)).isZero();
    // closed for good: the partner may subscribe anew
    assertThat(purchase(partner, purchaseWithCard("4242424242424242"), null).status())
        .isEqualTo(202);
  }

  @Test
  @DisplayName("R12 R10 a declined renewal: past due, told, retried 1, 3 and 7 days later, then expired, with auto-renewal shown off once nothing renews it")
  void shouldDunDeclinedRenewalThenExpire() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newPartner(true, "zh-CN");
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    cardRunsOutOfFunds(number);

    jobs().advanceTo(Instant.parse("2028-03-10T10:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");
    assertThat(inboxKinds(partner)).endsWith("RENEWAL_DECLINED");
    JsonNode told = get(partner, "/api/notifications").body().get(0);
    assertThat(told.get("body").asText()).contains("2028年3月11日（UTC）", "US$475.00", "卡内余额不足");

    jobs().advanceTo(Instant.parse("2028-03-18T10:00:00Z"));

    List<String> attempts = new ArrayList<>();
    get(partner, "/api/orders").body().forEach(o -> attempts.add(0,
        o.get("kind").asText() + " " + o.get("status").asText() + " " + o.get("createdAt").asText()));
    assertThat(attempts).containsExactly(
        "PURCHASE CONFIRMED 2027-03-10T10:00:00Z",
        "AUTO_RENEWAL DECLINED 2028-03-10T10:00:00Z",
        "AUTO_RENEWAL DECLINED 2028-03-11T10:00:00Z",
        "AUTO_RENEWAL DECLINED 2028-03-13T10:00:00Z",
        "AUTO_RENEWAL DECLINED 2028-03-17T10:00:00Z");
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("EXPIRED");
    assertThat(inboxKinds(partner)).endsWith("EXPIRED");
    assertThat(subscription(partner, number).get("autoRenewal").asBoolean())
        .as("auto-renewal of an expired subscription").isFalse();

    jobs().advanceTo(Instant.parse("2028-04-18T10:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("CLOSED");
    assertThat(subscription(partner, number).get("autoRenewal").asBoolean())
        .as("auto-renewal of a closed subscription").isFalse();
  }

  @Test
  @DisplayName("R12 R13 a manual renewal while past due ends the retries and keeps the anniversary")
  void shouldEndDunningWhenRenewedManually() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    cardRunsOutOfFunds(number);
    jobs().advanceTo(Instant.parse("2028-03-12T00:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");

    JsonNode order = renewManually(partner, number, "5555555555554444").body();
    jobs().advanceTo(Instant.parse("2028-04-30T00:00:00Z"));

    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
    JsonNode renewed = subscription(partner, number);
    assertThat(renewed.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(renewed.get("termEnd").asText()).isEqualTo("2029-03-10T10:00:00Z");
    assertThat(get(partner, "/api/orders").body()).hasSize(4); // purchase, 2 declined, manual
    assertThat(runningTerms(number)).isOne();
  }

  @Test
  @DisplayName("R7 R12 R13 a retry falling due while a manual renewal is being charged waits, and is never charged")
  void shouldNotChargeRetryWhileManualRenewalIsPending() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    cardRunsOutOfFunds(number);
    jobs().advanceTo(Instant.parse("2028-03-10T10:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");

    // the partner renews manually; before its charge runs, the first retry falls due
    clockAt("2028-03-11T09:59:00Z");
    Response placed = post(partner, "/api/subscriptions/" + number + "/renewals",
        purchaseWithCard("5555555555554444"));
    assertThat(placed.status()).isEqualTo(202);
    clockAt("2028-03-11T10:00:00Z");
    String term = currentTermId(number);
    Job retryDue = managementService.createJobQuery().processInstanceId(term)
        .activityId(RenewProcess.TIMER_EVENT_RETRY_DUE).singleResult();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> managementService.executeJob(retryDue.getId()))
        .hasMessageContaining("manual renewal");
    jobs().runDue();

    assertThat(get(partner, placed.location()).body().get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(approvedCharges(number)).isEqualTo(2);
    List<String> kinds = new ArrayList<>();
    get(partner, "/api/orders").body().forEach(o -> kinds.add(0,
        o.get("kind").asText() + " " + o.get("status").asText()));
    // the retry's order was placed in the job that waited, and rolled back with it
    assertThat(kinds).containsExactly("PURCHASE CONFIRMED", "AUTO_RENEWAL DECLINED",
        "MANUAL_RENEWAL CONFIRMED");
    assertThat(managementService.createJobQuery().processInstanceId(term).count()).isZero();
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  @DisplayName("R11 reminders 30 and 7 days before the end: the charge announced while on, how to renew while off")
  void shouldRemindWithTheRightVariant() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();

    jobs().advanceTo(Instant.parse("2028-02-09T10:00:00Z"));
    JsonNode renews = get(partner, "/api/notifications").body().get(0);
    clockAt("2028-02-09T10:05:00Z");
    turnAutoRenewal(partner, number, false);
    jobs().advanceTo(Instant.parse("2028-03-03T10:00:00Z"));
    JsonNode expires = get(partner, "/api/notifications").body().get(0);

    assertThat(renews.get("kind").asText()).isEqualTo("REMINDER_RENEWS");
    assertThat(renews.get("body").asText()).contains("March 10, 2028 (UTC)", "$475.00",
        "VISA **** 4242");
    assertThat(expires.get("kind").asText()).isEqualTo("REMINDER_EXPIRES");
    assertThat(expires.get("body").asText()).contains("March 10, 2028 (UTC)", "renew");
    assertThat(inboxKinds(partner)).containsExactly("ORDER_CONFIRMED", "REMINDER_RENEWS",
        "AUTO_RENEWAL_TURNED_OFF", "REMINDER_EXPIRES");
  }

  @Test
  @DisplayName("R8 term benefits on activation (one row for all of them), one Azure credit per month, revoked at expiry")
  void shouldGrantAndRevokeBenefits() {
    clockAt("2027-01-31T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();

    JsonNode atStart = benefits(partner, number);
    // the seven term benefits are one row; the month's credit another
    assertThat(jdbc.queryForObject("select count(*) from benefit_grant g join subscription s "
        + "on s.id = g.subscription_id where s.number = ?", Integer.class, number)).isEqualTo(2);
    jobs().advanceTo(Instant.parse("2028-01-31T09:00:00Z"));
    JsonNode afterElevenMonths = benefits(partner, number);
    jobs().advanceTo(Instant.parse("2028-01-31T10:00:00Z"));
    JsonNode afterRenewal = benefits(partner, number);

    assertThat(atStart.get("benefits")).hasSize(7);
    assertThat(atStart.get("azureCredits").get("months").asInt()).isOne();
    assertThat(afterElevenMonths.get("azureCredits").get("months").asInt()).isEqualTo(12);
    assertThat(afterElevenMonths.get("azureCredits").get("total").get("amount").asInt())
        .isEqualTo(1200);
    assertThat(afterElevenMonths.get("azureCredits").get("grants").get(1).get("dueAt").asText())
        .isEqualTo("2027-02-28T10:00:00Z");
    assertThat(afterRenewal.get("azureCredits").get("months").asInt()).isEqualTo(13);

    turnAutoRenewal(partner, number, false);
    jobs().advanceTo(Instant.parse("2029-02-01T00:00:00Z"));
    assertThat(benefits(partner, number).get("azureCredits").get("months").asInt()).isEqualTo(24);
    assertThat(activeBenefits(partner, number)).isEmpty();
  }

  @Test
  @DisplayName("R10 R7 turned off just after the anniversary charge: the renewed term will not renew, one charge")
  void shouldTurnOffTheRenewedTermWhenTheRenewalIsDone() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    jobs().advanceTo(Instant.parse("2028-03-10T09:59:59Z"));
    clockAt("2028-03-10T10:00:00Z");
    managementService.executeJob(termEndJob(number).getId());

    Response off = turnAutoRenewal(partner, number, false);
    jobs().advanceTo(Instant.parse("2029-03-11T10:00:00Z"));

    assertThat(off.status()).isEqualTo(200);
    assertThat(renewalCharges(number, 2)).isOne();
    assertThat(renewalCharges(number, 3)).isZero();
    JsonNode expired = subscription(partner, number);
    assertThat(expired.get("termNumber").asInt()).isEqualTo(2);
    assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
  }

  @Test
  @DisplayName("R10 R7 turn-off racing the renewal timer on two threads: never a 500, never a second charge")
  void shouldStayConsistentWhenTurnOffRacesRenewalTimer() throws Exception {
    for (int round = 0; round < 4; round++) {
      clockAt("2027-03-10T10:00:00Z");
      PartnerLogin partner = newMember();
      String number = subscribe(partner, "4242424242424242").get("number").asText();
      jobs().advanceTo(Instant.parse("2028-03-10T09:59:59Z"));
      clockAt("2028-03-10T10:00:00Z");

      Response off = raceTermEnd(number, () -> turnAutoRenewal(partner, number, false));

      JsonNode after = subscription(partner, number);
      // off first: nothing charged, expired; renewal first: the renewed term is off;
      // both at once: the partner is told the renewal is under way and nothing is turned off
      assertThat(off.status()).as("round %d", round).isIn(200, 409);
      if (off.status() == 200 && renewalCharges(number, 2) == 0) {
        assertThat(after.get("status").asText()).isEqualTo("EXPIRED");
      } else if (off.status() == 200) {
        assertThat(renewalCharges(number, 2)).isOne();
        assertThat(after.get("termNumber").asInt()).isEqualTo(2);
        assertThat(after.get("autoRenewal").asBoolean()).isFalse();
      } else {
        assertThat(renewalCharges(number, 2)).isOne();
        assertThat(after.get("termNumber").asInt()).isEqualTo(2);
        assertThat(after.get("autoRenewal").asBoolean()).isTrue();
      }
      assertThat(runningTerms(number)).isOne();
    }
  }

  @Test
  @DisplayName("R9 R23 the README's way to watch a renewal: the admin moves a term's end into the past through engine-rest and runs its timer: renewed once, term 2")
  void shouldRenewWhenTheAdminBringsTheTermEndForward() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    PartnerLogin admin = new PartnerLogin("admin", "test-only-admin-secret-7f3e", null);
    String term = currentTermId(number);
    String job = termEndJob(number).getId();

    // this context's engine by name: the tests run several engines in one JVM, and the
    // default one of engine-rest is whichever registered under "default"
    String engineRest = "/engine-rest/engine/" + engine.getName();
    Response moved = exchange(admin, HttpMethod.PUT, engineRest + "/process-instance/" + term
        + "/variables/termEndsAt", Map.of("value", "2020-01-01T00:00:00.000+0000",
        "type", "Date"), Map.of());
    Response ran = exchange(admin, HttpMethod.POST, engineRest + "/job/" + job + "/execute",
        null, Map.of());

    assertThat(moved.status()).isEqualTo(204);
    assertThat(ran.status()).isEqualTo(204);
    JsonNode renewed = subscription(partner, number);
    assertThat(renewed.get("termNumber").asInt()).isEqualTo(2);
    assertThat(renewed.get("termEnd").asText()).isEqualTo("2029-03-10T10:00:00Z");
    assertThat(renewalCharges(number, 2)).isOne();
    assertThat(runningTerms(number)).isOne();
  }


  private JsonNode benefits(PartnerLogin partner, String number) {
    return get(partner, "/api/subscriptions/" + number + "/benefits").body();
  }

  private List<String> activeBenefits(PartnerLogin partner, String number) {
    List<String> active = new ArrayList<>();
    benefits(partner, number).get("benefits").forEach(b -> {
      if (b.get("active").asBoolean()) {
        active.add(b.get("code").asText());
      }
    });
    return active;
  }
}
