package dev.actionpack.process;

import static dev.actionpack.process.ProcessVariable.booleanVariable;
import static dev.actionpack.process.ProcessVariable.dateVariable;
import static dev.actionpack.process.ProcessVariable.integerVariable;
import static dev.actionpack.process.ProcessVariable.stringVariable;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Variables shared by the processes. They hold references and the few values a gateway, a timer
 * or Cockpit needs; the domain state itself lives in the application's tables.
 */
public final class ProcessVariables {

  /**
   * The order being charged: a purchase now, renewals later. A term's instance starts with it
   * only when it was renewed automatically: it then sends that order's receipt (R9).
   */
  public static final ProcessVariable<String> ORDER_ID = stringVariable("orderId");
  public static final ProcessVariable<String> ORDER_NUMBER = stringVariable("orderNumber");
  public static final ProcessVariable<String> SUBSCRIPTION_ID = stringVariable("subscriptionId");
  /** The partner's name, shown in Cockpit. */
  public static final ProcessVariable<String> PARTNER = stringVariable("partner");
  /** Amount and currency as a person reads it ("475.00 USD"), shown in Cockpit. */
  public static final ProcessVariable<String> AMOUNT = stringVariable("amount");
  public static final ProcessVariable<Integer> TERM_NUMBER = integerVariable("termNumber");
  /** End of the current term, computed in Java from the anniversary anchor (R5). */
  public static final ProcessVariable<Date> TERM_ENDS_AT = dateVariable("termEndsAt");
  public static final ProcessVariable<Boolean> AUTO_RENEWAL = booleanVariable("autoRenewal");
  /** True when a subscribe instance charges a manual renewal rather than a new subscription. */
  public static final ProcessVariable<Boolean> MANUAL_RENEWAL = booleanVariable("manualRenewal");
  public static final ProcessVariable<Date> AZURE_CREDIT_DUE_AT = dateVariable("azureCreditDueAt");
  /** How many of the term's reminders went out (R11); unset means none yet. */
  public static final ProcessVariable<Integer> REMINDERS_SENT = integerVariable("remindersSent");
  /** Unset for the anniversary charge, then 1, 2, 3 for the dunning retries (R12). */
  public static final ProcessVariable<Integer> DUNNING_ATTEMPT = integerVariable("dunningAttempt");
  public static final ProcessVariable<Boolean> RETRY_SCHEDULED = booleanVariable("retryScheduled");
  public static final ProcessVariable<Date> RETRY_DUE_AT = dateVariable("retryDueAt");
  public static final ProcessVariable<Date> GRACE_ENDS_AT = dateVariable("graceEndsAt");
  /** Local input of "Start next term": the renewal order the next term's receipt is about. */
  public static final ProcessVariable<String> RECEIPT_ORDER_ID = stringVariable("receiptOrderId");
  /** Set by the error boundary event from the BPMN error's message: why the card was declined. */
  public static final ProcessVariable<String> DECLINE_CODE = stringVariable("declineCode");
  /** Local input of a send task: which notification it sends. */
  public static final ProcessVariable<String> NOTIFICATION = stringVariable("notification");

  private ProcessVariables() {}

  /** The dunning attempt being charged: 0 (the variable is unset) for the anniversary charge. */
  public static int dunningAttempt(VariableScope scope) {
    return DUNNING_ATTEMPT.optionalFrom(scope).orElse(0);
  }
}
