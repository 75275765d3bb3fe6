package dev.actionpack.process;

import static dev.actionpack.process.ProcessVariables.AMOUNT;
import static dev.actionpack.process.ProcessVariables.AUTO_RENEWAL;
import static dev.actionpack.process.ProcessVariables.AZURE_CREDIT_DUE_AT;
import static dev.actionpack.process.ProcessVariables.MANUAL_RENEWAL;
import static dev.actionpack.process.ProcessVariables.ORDER_ID;
import static dev.actionpack.process.ProcessVariables.ORDER_NUMBER;
import static dev.actionpack.process.ProcessVariables.PARTNER;
import static dev.actionpack.process.ProcessVariables.SUBSCRIPTION_ID;
import static dev.actionpack.process.ProcessVariables.TERM_ENDS_AT;
import static dev.actionpack.process.ProcessVariables.TERM_NUMBER;

import java.time.Duration;
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
  private final JobsRunNow jobsRunNow;

  SubscriptionProcesses(RuntimeService runtimeService, JobsRunNow jobsRunNow) {
    this.runtimeService = runtimeService;
    this.jobsRunNow = jobsRunNow;
  }

  /**
   * Starts {@code subscribe} for a placed order; runs in the caller's transaction. Its charge job
   * runs on this node right after the commit, so the partner's request has its answer at once.
   */
  public String startSubscribe(PlacedOrder order) {
    VariableMap variables = Variables.createVariables();
    ORDER_ID.putIn(variables, order.orderId().toString());
    ORDER_NUMBER.putIn(variables, order.orderNumber());
    PARTNER.putIn(variables, order.partnerName());
    AMOUNT.putIn(variables, order.amount());
    MANUAL_RENEWAL.putIn(variables, order.manualRenewal());
    String instanceId = runtimeService
        .startProcessInstanceByKey(SubscribeProcess.KEY, order.subscriptionNumber(), variables)
        .getId();
    jobsRunNow.afterCommit(instanceId);
    return instanceId;
  }

  /** Starts the {@code renew} instance of one term; runs in the caller's transaction. */
  public String startTerm(TermStarted term) {
    VariableMap variables = Variables.createVariables();
    SUBSCRIPTION_ID.putIn(variables, term.subscriptionId().toString());
    PARTNER.putIn(variables, term.partnerName());
    TERM_NUMBER.putIn(variables, term.termNumber());
    TERM_ENDS_AT.putIn(variables, Date.from(term.termEndsAt()));
    AUTO_RENEWAL.putIn(variables, term.autoRenewal());
    AMOUNT.putIn(variables, term.price());
    AZURE_CREDIT_DUE_AT.putIn(variables, Date.from(term.azureCreditDueAt()));
    if (term.receiptOrderId() != null) {
      ORDER_ID.putIn(variables, term.receiptOrderId().toString());
    }
    return runtimeService
        .startProcessInstanceByKey(RenewProcess.KEY, term.subscriptionNumber(), variables)
        .getId();
  }

  /** Starts {@code cancel-via-support} for an opened service request (R15). */
  public String startCancelViaSupport(RequestOpened request) {
    VariableMap variables = Variables.createVariables();
    PARTNER.putIn(variables, request.partnerName());
    CancelViaSupportProcess.SUBSCRIPTION_NUMBER.putIn(variables, request.subscriptionNumber());
    CancelViaSupportProcess.TERM_END.putIn(variables, request.termEnd());
    AUTO_RENEWAL.putIn(variables, request.autoRenewal());
    CancelViaSupportProcess.PROBLEM_TYPE.putIn(variables, request.problemType());
    CancelViaSupportProcess.REQUEST_TEXT.putIn(variables, request.text());
    CancelViaSupportProcess.CONTACT_NAME.putIn(variables, request.contactName());
    CancelViaSupportProcess.CONTACT_EMAIL.putIn(variables, request.contactEmail());
    CancelViaSupportProcess.CONTACT_PHONE.putIn(variables, request.contactPhone());
    CancelViaSupportProcess.CONTACT_LANGUAGE.putIn(variables, request.contactLanguage());
    CancelViaSupportProcess.SLA_DURATION.putIn(variables, request.sla().toString());
    return runtimeService.startProcessInstanceByKey(CancelViaSupportProcess.KEY,
        request.requestNumber(), variables).getId();
  }

  /**
   * Tells the term's {@code renew} instance that auto-renewal is off (R10), in the caller's
   * transaction. False when no instance can take it now, for example because the term end is
   * being processed at this very moment.
   */
  public boolean autoRenewalTurnedOff(String subscriptionNumber) {
    return correlate(RenewProcess.MESSAGE_AUTO_RENEWAL_TURNED_OFF, subscriptionNumber,
        AUTO_RENEWAL.putIn(Variables.createVariables(), false));
  }

  /**
   * Tells the {@code renew} instance that a manual renewal was charged (R13): it starts the
   * next term's instance and ends. False when no instance is waiting for it (the subscription
   * was closed meanwhile); the caller then starts the term itself.
   */
  public boolean renewedManually(String subscriptionNumber) {
    return correlate(RenewProcess.MESSAGE_RENEWED_MANUALLY, subscriptionNumber,
        AUTO_RENEWAL.putIn(Variables.createVariables(), true));
  }

  /** Tells the {@code renew} instance that support cancelled the subscription now (R16). */
  public boolean cancelledNow(String subscriptionNumber) {
    return correlate(RenewProcess.MESSAGE_CANCELLED_NOW, subscriptionNumber,
        AUTO_RENEWAL.putIn(Variables.createVariables(), false));
  }

  /**
   * Correlates by business key when an instance is waiting for the message. It asks first
   * rather than catching the engine's mismatch: a failed engine command inside the caller's
   * transaction marks that transaction rollback-only.
   */
  private boolean correlate(String message, String subscriptionNumber, VariableMap variables) {
    boolean waiting = runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(subscriptionNumber)
        .messageEventSubscriptionName(message)
        .count() > 0;
    if (waiting) {
      runtimeService.createMessageCorrelation(message)
          .processInstanceBusinessKey(subscriptionNumber)
          .setVariables(variables)
          .correlateWithResult();
    }
    return waiting;
  }

  public record RequestOpened(String requestNumber, String partnerName,
      String subscriptionNumber, String termEnd, boolean autoRenewal,
      String problemType, String text, String contactName, String contactEmail,
      String contactPhone, String contactLanguage, Duration sla) {}

  public record PlacedOrder(
      UUID orderId, String orderNumber, String subscriptionNumber, String partnerName,
      String amount, boolean manualRenewal) {}

  public record TermStarted(
      UUID subscriptionId, String subscriptionNumber, String partnerName, int termNumber,
      Instant termEndsAt, boolean autoRenewal, String price, Instant azureCreditDueAt,
      UUID receiptOrderId) {}
}
