package dev.actionpack.process;

/**
 * Key, element ids and messages of {@code bpmn/renew.bpmn}: one instance per subscription term,
 * business key = the subscription's number. A renewed term starts the next term's instance and
 * ends (continue-as-new), so history stays bounded and each term runs on the latest model.
 */
public final class RenewProcess {

  public static final String KEY = "renew";
  public static final String RESOURCE = "bpmn/renew.bpmn";

  public static final String START_EVENT_TERM_STARTED = "StartEvent_TermStarted";
  public static final String SUB_PROCESS_CURRENT_TERM = "SubProcess_CurrentTerm";
  /** The current term's one wait state: the next month, reminder or term end. */
  public static final String TIMER_EVENT_NEXT_DUE = "TimerEvent_NextDue";
  public static final String GATEWAY_WHAT_IS_DUE = "Gateway_WhatIsDue";
  public static final String TASK_SEND_REMINDER = "Task_SendReminder";
  public static final String TASK_GRANT_AZURE_CREDIT = "Task_GrantAzureCredit";
  public static final String GATEWAY_RECEIPT_DUE = "Gateway_ReceiptDue";
  public static final String END_EVENT_TERM_ENDED = "EndEvent_TermEnded";
  public static final String BOUNDARY_EVENT_AUTO_RENEWAL_TURNED_OFF =
      "BoundaryEvent_AutoRenewalTurnedOff";
  public static final String TASK_SEND_AUTO_RENEWAL_OFF = "Task_SendAutoRenewalOff";
  public static final String BOUNDARY_EVENT_RENEWED_MANUALLY = "BoundaryEvent_RenewedManually";
  public static final String GATEWAY_AUTO_RENEWAL_ON = "Gateway_AutoRenewalOn";
  public static final String TASK_PLACE_RENEWAL_ORDER = "Task_PlaceRenewalOrder";
  public static final String TASK_CHARGE_RENEWAL = "Task_ChargeRenewal";
  public static final String BOUNDARY_EVENT_RENEWAL_DECLINED = "BoundaryEvent_RenewalDeclined";
  public static final String TASK_DECLINE_RENEWAL_ORDER = "Task_DeclineRenewalOrder";
  public static final String TASK_MARK_PAST_DUE = "Task_MarkPastDue";
  public static final String TASK_SEND_RENEWAL_DECLINED = "Task_SendRenewalDeclined";
  public static final String SUB_PROCESS_DUNNING = "SubProcess_Dunning";
  public static final String TASK_SCHEDULE_RETRY = "Task_ScheduleRetry";
  public static final String TIMER_EVENT_RETRY_DUE = "TimerEvent_RetryDue";
  public static final String TASK_PLACE_RETRY_ORDER = "Task_PlaceRetryOrder";
  public static final String TASK_CHARGE_RETRY = "Task_ChargeRetry";
  public static final String TASK_DECLINE_RETRY_ORDER = "Task_DeclineRetryOrder";
  public static final String END_EVENT_RETRY_SUCCEEDED = "EndEvent_RetrySucceeded";
  public static final String END_EVENT_RETRIES_EXHAUSTED = "EndEvent_RetriesExhausted";
  public static final String BOUNDARY_EVENT_RETRIES_EXHAUSTED = "BoundaryEvent_RetriesExhausted";
  public static final String BOUNDARY_EVENT_RENEWED_DURING_DUNNING =
      "BoundaryEvent_RenewedDuringDunning";
  public static final String TASK_RENEW_TERM = "Task_RenewTerm";
  public static final String TASK_START_NEXT_TERM = "Task_StartNextTerm";
  public static final String TASK_SEND_RENEWAL_RECEIPT = "Task_SendRenewalReceipt";
  public static final String END_EVENT_TERM_RENEWED = "EndEvent_TermRenewed";
  public static final String TASK_EXPIRE_SUBSCRIPTION = "Task_ExpireSubscription";
  public static final String TASK_SEND_EXPIRED = "Task_SendExpired";
  public static final String GATEWAY_GRACE_WINDOW = "Gateway_GraceWindow";
  public static final String TIMER_EVENT_GRACE_WINDOW_ENDS = "TimerEvent_GraceWindowEnds";
  public static final String MESSAGE_EVENT_RENEWED_AFTER_LAPSE = "MessageEvent_RenewedAfterLapse";
  public static final String TASK_CLOSE_SUBSCRIPTION = "Task_CloseSubscription";
  public static final String END_EVENT_SUBSCRIPTION_CLOSED = "EndEvent_SubscriptionClosed";
  public static final String BOUNDARY_EVENT_CANCELLED_NOW = "BoundaryEvent_CancelledNow";
  public static final String BOUNDARY_EVENT_CANCELLED_DURING_DUNNING =
      "BoundaryEvent_CancelledDuringDunning";
  public static final String MESSAGE_EVENT_CANCELLED_AFTER_LAPSE =
      "MessageEvent_CancelledAfterLapse";
  public static final String END_EVENT_TERM_CANCELLED = "EndEvent_TermCancelled";
  public static final String TASK_START_RENEWED_TERM = "Task_StartRenewedTerm";
  public static final String END_EVENT_RENEWED_MANUALLY = "EndEvent_RenewedManually";

  /** Sent when the partner turns auto-renewal off (non-interrupting). */
  public static final String MESSAGE_AUTO_RENEWAL_TURNED_OFF = "Msg_AutoRenewalTurnedOff";
  /** Sent when a manual renewal was charged: the current term's instance starts the next. */
  public static final String MESSAGE_RENEWED_MANUALLY = "Msg_RenewedManually";
  /** Sent when support cancelled the subscription now: the term's instance ends (R16). */
  public static final String MESSAGE_CANCELLED_NOW = "Msg_CancelledNow";
  public static final String ERROR_RETRIES_EXHAUSTED = "Err_RetriesExhausted";

  private RenewProcess() {}
}
