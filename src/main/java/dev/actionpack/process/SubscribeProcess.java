package dev.actionpack.process;

/**
 * Key and element ids of {@code bpmn/subscribe.bpmn}: one instance per order placed with the
 * purchase steps, a new subscription or a manual renewal.
 */
public final class SubscribeProcess {

  public static final String KEY = "subscribe";
  public static final String RESOURCE = "bpmn/subscribe.bpmn";

  public static final String START_EVENT_ORDER_PLACED = "StartEvent_OrderPlaced";
  public static final String TASK_CHARGE_PAYMENT = "Task_ChargePayment";
  public static final String BOUNDARY_EVENT_PAYMENT_DECLINED = "BoundaryEvent_PaymentDeclined";
  public static final String TASK_DECLINE_ORDER = "Task_DeclineOrder";
  public static final String TASK_SEND_PAYMENT_DECLINED = "Task_SendPaymentDeclined";
  public static final String END_EVENT_ORDER_DECLINED = "EndEvent_OrderDeclined";
  public static final String GATEWAY_MANUAL_RENEWAL = "Gateway_ManualRenewal";
  public static final String TASK_RENEW_SUBSCRIPTION = "Task_RenewSubscription";
  public static final String TASK_SEND_RENEWAL_RECEIPT = "Task_SendRenewalReceipt";
  public static final String END_EVENT_SUBSCRIPTION_RENEWED = "EndEvent_SubscriptionRenewed";
  public static final String TASK_ACTIVATE_SUBSCRIPTION = "Task_ActivateSubscription";
  public static final String TASK_START_RENEWAL = "Task_StartRenewal";
  public static final String TASK_SEND_ORDER_CONFIRMATION = "Task_SendOrderConfirmation";
  public static final String END_EVENT_ORDER_CONFIRMED = "EndEvent_OrderConfirmed";

  private SubscribeProcess() {}
}
