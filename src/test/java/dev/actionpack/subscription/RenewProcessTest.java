package dev.actionpack.subscription;

import static dev.actionpack.process.RenewProcess.END_EVENT_TERM_ENDED;
import static dev.actionpack.process.RenewProcess.TIMER_EVENT_TERM_ENDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import dev.actionpack.process.ModelTestEngine;
import dev.actionpack.process.ProcessVariables;
import dev.actionpack.process.RenewProcess;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Deployment(resources = RenewProcess.RESOURCE)
class RenewProcessTest extends ModelTestEngine {

  @Test
  @DisplayName("R5 the term waits for its end, computed from the anchor, and not a moment less")
  void shouldWaitUntilTermEndComputedFromAnchor() {
    // Given a subscription anchored on 29 February 2028
    Instant anchor = Instant.parse("2028-02-29T09:30:00Z");
    ClockUtil.setCurrentTime(Date.from(anchor));
    Instant termEnd = TermCalendar.termEnd(anchor, 1);

    // When its first term starts
    ProcessInstance term = runtimeService().startProcessInstanceByKey(RenewProcess.KEY, "AP-500001",
        Map.of(ProcessVariables.SUBSCRIPTION_ID.name(), "c0a80121-7ac0-4e1b-9f3a-000000000001",
            ProcessVariables.TERM_NUMBER.name(), 1,
            ProcessVariables.TERM_ENDS_AT.name(), Date.from(termEnd),
            ProcessVariables.AUTO_RENEWAL.name(), true));

    // Then it waits at the term-end timer, due on 28 February 2029 at the anchor's time of day
    assertThat(term).isWaitingAt(TIMER_EVENT_TERM_ENDS);
    assertThat(job().getDuedate().toInstant()).isEqualTo(Instant.parse("2029-02-28T09:30:00Z"));

    // and a day before, nothing is due
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2029-02-27T09:30:00Z")));
    assertThat(managementService().createJobQuery().executable().count()).isZero();

    // When the clock reaches the term end
    ClockUtil.setCurrentTime(Date.from(termEnd));
    assertThat(managementService().createJobQuery().executable().count()).isOne();
    execute(job());

    // Then the term's instance ends
    assertThat(term).isEnded().hasPassed(END_EVENT_TERM_ENDED);
  }
}
