package dev.actionpack.notification;

/** The partner-facing events that send a message (R19); names the templates. */
public enum NotificationKind {
  ORDER_CONFIRMED,
  PAYMENT_DECLINED
}
