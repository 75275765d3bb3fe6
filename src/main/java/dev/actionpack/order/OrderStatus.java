package dev.actionpack.order;

public enum OrderStatus {
  /** Placed; the charge has not answered yet. */
  PENDING,
  /** Charged and the subscription is active. */
  CONFIRMED,
  /** The card was declined; nothing was confirmed. */
  DECLINED,
  /** Never charged: a renewal charge that a manual renewal made unnecessary. */
  CANCELLED
}
