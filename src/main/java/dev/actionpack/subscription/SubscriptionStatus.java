package dev.actionpack.subscription;

public enum SubscriptionStatus {
  ACTIVE, PAST_DUE, EXPIRED, CANCELLED, CLOSED;

  /** Live subscriptions count for R2: at most one per partner. */
  public boolean isLive() {
    return this == ACTIVE || this == PAST_DUE || this == EXPIRED;
  }

  /** Within a paid term or its dunning: renewing keeps the anniversary (R13). */
  public boolean isCurrent() {
    return this == ACTIVE || this == PAST_DUE;
  }
}
