package dev.actionpack.support;

import java.time.Duration;

/**
 * A service request passed its service level unhandled (R18), published in the escalation's
 * transaction; {@code stepKey} is the same on every retry of the escalation's job.
 */
public record RequestEscalated(String requestNumber, String subscriptionNumber, Duration sla,
    String stepKey) {}
