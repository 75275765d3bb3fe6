package dev.actionpack.order;

public enum OrderKind {
  /** A new subscription, bought by the partner. */
  PURCHASE,
  /** A renewal the partner bought with the purchase steps (R13). */
  MANUAL_RENEWAL,
  /** A renewal charged on the anniversary, or one of its dunning retries (R9, R12). */
  AUTO_RENEWAL
}
