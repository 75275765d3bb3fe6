package dev.actionpack.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.support.ApiTest;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lean history keeps a subscription's life step by step and leaves out variables, details,
 * job creations, gateways and plain start events.
 */
class LeanHistoryTest extends ApiTest {

  @Autowired
  private ProcessEngine engine;
  @Autowired
  private HistoryService history;
  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private LeanHistory leanHistory;

  @Test
  @DisplayName("R20 a purchase leaves its instances, tasks, end events and job runs in the history; no variables, details, job creations, gateways or plain start events")
  void shouldKeepTheLifeWithoutDetails() {
    assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("lean");
    assertThat(historyLevelInDatabase()).isEqualTo("14");

    Response purchase = purchase(newMember(), purchaseWithCard("4242424242424242"), null);
    assertThat(purchase.status()).isEqualTo(201);

    HistoricProcessInstance subscribe = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("subscribe")
        .processInstanceBusinessKey(purchase.body().get("subscriptionNumber").asText())
        .singleResult();
    assertThat(history.createHistoricActivityInstanceQuery()
        .processInstanceId(subscribe.getId()).activityId(SubscribeProcess.TASK_CHARGE_PAYMENT)
        .count()).isOne();
    assertThat(history.createHistoricActivityInstanceQuery()
        .processInstanceId(subscribe.getId()).activityId(SubscribeProcess.END_EVENT_ORDER_CONFIRMED)
        .count()).isOne();
    assertThat(subscribe.getStartActivityId()).isEqualTo(SubscribeProcess.START_EVENT_ORDER_PLACED);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(subscribe.getId())
        .list()).extracting(activity -> activity.getActivityType())
        .isNotEmpty().doesNotContain("exclusiveGateway", "startEvent");
    assertThat(history.createHistoricVariableInstanceQuery()
        .processInstanceId(subscribe.getId()).count()).isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(subscribe.getId())
        .successLog().count()).isPositive();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(subscribe.getId())
        .creationLog().count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(subscribe.getId()).count())
        .isZero();
  }

  @Test
  @DisplayName("R20 a term's history carries its removal time from its start (start + 800 days), so ending it updates no history row and it stays removable")
  void shouldSetTheRemovalTimeAtTheStart() {
    Response purchase = purchase(newMember(), purchaseWithCard("4242424242424242"), null);
    assertThat(purchase.status()).isEqualTo(201);

    HistoricProcessInstance term = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(RenewProcess.KEY)
        .processInstanceBusinessKey(purchase.body().get("subscriptionNumber").asText())
        .singleResult();
    assertThat(term.getEndTime()).as("the term is running").isNull();
    assertThat(term.getRemovalTime()).isEqualTo(Date.from(term.getStartTime().toInstant()
        .plus(Duration.ofDays(800))));
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(term.getId())
        .list()).isNotEmpty().allSatisfy(activity ->
            assertThat(activity.getRemovalTime()).isEqualTo(term.getRemovalTime()));
  }

  @Test
  @DisplayName("R20 a database that ran with full or lean-full history is switched to lean at start-up")
  void shouldSwitchADatabaseFromFullHistory() {
    for (String earlier : new String[] {"3", "13"}) {
      jdbc.update("update act_ge_property set value_ = ? where name_ = 'historyLevel'", earlier);

      leanHistory.postInit(
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());

      assertThat(historyLevelInDatabase()).isEqualTo("14");
    }
  }

  private String historyLevelInDatabase() {
    return jdbc.queryForObject(
        "select value_ from act_ge_property where name_ = 'historyLevel'", String.class);
  }
}
