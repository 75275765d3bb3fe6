package dev.actionpack.notification;

/** The partner-facing events that send a message (R19); each names its templates. */
public enum NotificationKind {
  ORDER_CONFIRMED,
  PAYMENT_DECLINED,
  /** The receipt of a renewal, automatic or manual (R9, R13). */
  RENEWED,
  /** Reminder before the term end while auto-renewal is on: what will be charged, when (R11). */
  REMINDER_RENEWS,
  /** Reminder before the term end while auto-renewal is off: how to renew (R11). */
  REMINDER_EXPIRES,
  /** The anniversary charge was declined: past due, retried later (R12). */
  RENEWAL_DECLINED,
  AUTO_RENEWAL_TURNED_OFF,
  EXPIRED,
  /** A service request was received (R15). */
  REQUEST_RECEIVED,
  /** Support cancelled the subscription now, with the refund if any (R16). */
  CANCELLED_NOW,
  /** Support turned auto-renewal off: the subscription ends at its term end (R16). */
  CANCELLED_AT_TERM_END,
  /** A service request was closed, with its resolution (R16). */
  REQUEST_CLOSED,
  /** The card that pays the subscription was replaced (R25). */
  PAYMENT_METHOD_REPLACED
}
