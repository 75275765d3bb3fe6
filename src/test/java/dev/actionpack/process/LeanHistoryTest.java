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

/** The lean-full history keeps a subscription's life and leaves out details and job creations. */
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
  @DisplayName("R20 a purchase leaves its instances, activities, variables and job runs in the history, no details, no job creations")
  void shouldKeepTheLifeWithoutDetails() {
    assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("lean-full");
    assertThat(historyLevelInDatabase()).isEqualTo("13");

    Response purchase = purchase(newMember(), purchaseWithCard("4242424242424242"), null);
    assertThat(purchase.status()).isEqualTo(201);

    HistoricProcessInstance subscribe = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("subscribe")
        .processInstanceBusinessKey(purchase.body().get("subscriptionNumber").asText())
        .singleResult();
    assertThat(history.createHistoricActivityInstanceQuery()
        .processInstanceId(subscribe.getId()).activityId("Task_ChargePayment").count()).isOne();
    assertThat(history.createHistoricVariableInstanceQuery()
        .processInstanceId(subscribe.getId()).count()).isPositive();
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
  @DisplayName("R20 a database that ran with full history is switched to lean-full at start-up")
  void shouldSwitchADatabaseFromFullHistory() {
    jdbc.update("update act_ge_property set value_ = '3' where name_ = 'historyLevel'");

    leanHistory.postInit(
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());

    assertThat(historyLevelInDatabase()).isEqualTo("13");
  }

  private String historyLevelInDatabase() {
    return jdbc.queryForObject(
        "select value_ from act_ge_property where name_ = 'historyLevel'", String.class);
  }
}
