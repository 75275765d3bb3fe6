package dev.actionpack.support;

/** How an agent resolves a cancellation request (R16). */
public enum Outcome {
  /** Cancelled now: benefits end today, an optional prorated refund. */
  CANCEL_NOW,
  /** Auto-renewal off: the subscription expires at its term end. */
  CANCEL_AT_TERM_END,
  /** Not cancelled: the partner withdrew, or the question was answered. */
  KEEP
}
