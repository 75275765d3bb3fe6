package dev.actionpack.process;

import static dev.actionpack.process.ProcessVariables.AMOUNT;
import static dev.actionpack.process.ProcessVariables.AUTO_RENEWAL;
import static dev.actionpack.process.ProcessVariables.ORDER_ID;
import static dev.actionpack.process.ProcessVariables.ORDER_NUMBER;
import static dev.actionpack.process.ProcessVariables.PARTNER;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;
import static dev.actionpack.process.ProcessVariables.TERM_ENDS_AT;
import static dev.actionpack.process.ProcessVariables.TERM_NUMBER;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one place that starts the processes and talks to running instances. Business keys are
 * subscription numbers; callers never handle process keys, message names or variable names.
 */
@Component
public class SubscriptionProcesses {

  private final RuntimeService runtimeService;

  SubscriptionProcesses(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Starts {@code subscribe} for a placed order; runs in the caller's transaction. */
  public String startSubscribe(PlacedOrder order) {
    VariableMap variables = Variables.createVariables();
    variables.put(ORDER_ID.name(), order.orderId().toString());
    variables.put(ORDER_NUMBER.name(), order.orderNumber());
    variables.put(PARTNER.name(), order.partnerName());
    variables.put(AMOUNT.name(), order.amount());
    return runtimeService
        .startProcessInstanceByKey(SubscribeProcess.KEY, order.subscriptionNumber(), variables)
        .getId();
  }

  /** Starts the {@code renew} instance of one term; runs in the caller's transaction. */
  public String startTerm(TermStarted term) {
    VariableMap variables = Variables.createVariables();
    variables.put(SUBSCRIPTION_ID.name(), term.subscriptionId().toString());
    variables.put(PARTNER.name(), term.partnerName());
    variables.put(TERM_NUMBER.name(), term.termNumber());
    variables.put(TERM_ENDS_AT.name(), Date.from(term.termEndsAt()));
    variables.put(AUTO_RENEWAL.name(), term.autoRenewal());
    return runtimeService
        .startProcessInstanceByKey(RenewProcess.KEY, term.subscriptionNumber(), variables)
        .getId();
  }

  public record PlacedOrder(
      UUID orderId, String orderNumber, String subscriptionNumber, String partnerName,
      String amount) {}

  public record TermStarted(
      UUID subscriptionId, String subscriptionNumber, String partnerName, int termNumber,
      Instant termEndsAt, boolean autoRenewal) {}
}
