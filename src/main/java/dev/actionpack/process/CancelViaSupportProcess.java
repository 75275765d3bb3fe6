package dev.actionpack.process;

import static dev.actionpack.process.ProcessVariable.booleanVariable;
import static dev.actionpack.process.ProcessVariable.stringVariable;

/**
 * Key, element ids and variables of {@code bpmn/cancel-via-support.bpmn}: one instance per
 * service request, business key = the request's number.
 */
public final class CancelViaSupportProcess {

  public static final String KEY = "cancel-via-support";
  public static final String RESOURCE = "bpmn/cancel-via-support.bpmn";
  public static final String FORM_RESOURCE = "bpmn/forms/cancellation-request.form";

  public static final String START_EVENT_REQUEST_OPENED = "StartEvent_RequestOpened";
  public static final String TASK_SEND_REQUEST_RECEIVED = "Task_SendRequestReceived";
  public static final String TASK_HANDLE_REQUEST = "Task_HandleCancellationRequest";
  public static final String BOUNDARY_EVENT_SLA_BREACHED = "BoundaryEvent_SlaBreached";
  public static final String TASK_ESCALATE_REQUEST = "Task_EscalateRequest";
  public static final String END_EVENT_ESCALATED = "EndEvent_Escalated";
  public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
  public static final String TASK_MARK_ATTENTION_NEEDED = "Task_MarkAttentionNeeded";
  public static final String TASK_CANCEL_NOW = "Task_CancelNow";
  public static final String TASK_CANCEL_AT_TERM_END = "Task_CancelAtTermEnd";
  public static final String GATEWAY_SUBSCRIPTION_CANCELLED = "Gateway_SubscriptionCancelled";
  public static final String TASK_SEND_CANCELLATION_CONFIRMED = "Task_SendCancellationConfirmed";
  public static final String TASK_CLOSE_REQUEST = "Task_CloseRequest";
  public static final String TASK_SEND_REQUEST_CLOSED = "Task_SendRequestClosed";
  public static final String END_EVENT_REQUEST_CLOSED = "EndEvent_RequestClosed";

  /** The group whose members work the requests in Tasklist (R16). */
  public static final String CANDIDATE_GROUP = "support-agents";

  public static final ProcessVariable<String> SUBSCRIPTION_NUMBER =
      stringVariable("subscriptionNumber");
  /** The term end as a date a person reads, for the agent's form. */
  public static final ProcessVariable<String> TERM_END = stringVariable("termEnd");
  public static final ProcessVariable<String> PROBLEM_TYPE = stringVariable("problemType");
  public static final ProcessVariable<String> REQUEST_TEXT = stringVariable("requestText");
  public static final ProcessVariable<String> CONTACT_NAME = stringVariable("contactName");
  public static final ProcessVariable<String> CONTACT_EMAIL = stringVariable("contactEmail");
  public static final ProcessVariable<String> CONTACT_PHONE = stringVariable("contactPhone");
  public static final ProcessVariable<String> CONTACT_LANGUAGE = stringVariable("contactLanguage");
  /** ISO duration after which an unhandled request escalates (R18). */
  public static final ProcessVariable<String> SLA_DURATION = stringVariable("slaDuration");
  /** Form output: CANCEL_NOW, CANCEL_AT_TERM_END, KEEP or WAITING_ON_PARTNER. */
  public static final ProcessVariable<String> OUTCOME = stringVariable("outcome");
  /** Form output: NONE or PRORATED (cancel now only). */
  public static final ProcessVariable<String> REFUND = stringVariable("refund");
  public static final ProcessVariable<String> RESOLUTION_NOTE = stringVariable("resolutionNote");
  public static final ProcessVariable<Boolean> CONTACT_MADE = booleanVariable("contactMade");
  /** Whether applying the outcome cancelled the subscription (false when it already was). */
  public static final ProcessVariable<Boolean> SUBSCRIPTION_CANCELLED =
      booleanVariable("subscriptionCancelled");

  public static final String WAITING_ON_PARTNER = "WAITING_ON_PARTNER";

  private CancelViaSupportProcess() {}
}
