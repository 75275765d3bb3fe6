package dev.actionpack.support;

/** What the partner sees of a service request (R17). */
public enum ServiceRequestStatus {
  /** Received, no agent has taken it yet. */
  OPEN,
  /** An agent claimed it. */
  IN_PROGRESS,
  /** The agent waits on the partner. */
  ATTENTION_NEEDED,
  /** Resolved, with the resolution. */
  CLOSED
}
