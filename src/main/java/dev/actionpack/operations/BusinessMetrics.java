package dev.actionpack.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business figures at {@code /actuator/prometheus}. A counter moves only when the step
 * that it counts commits: a job that is retried is not counted twice. The features count
 * through it and register their own gauges; it knows none of them (a kind is any enum).
 */
@Component
public class BusinessMetrics {

  private final MeterRegistry registry;

  BusinessMetrics(MeterRegistry registry, RuntimeService runtime) {
    this.registry = registry;
    Gauge.builder("actionpack.incidents", runtime,
            service -> service.createIncidentQuery().count())
        .description("Open incidents of the engine (technical failures after retries)")
        .register(registry);
  }

  public void orderConfirmed(Enum<?> kind) {
    afterCommit("actionpack.orders", "outcome", "confirmed", "kind", kind.name());
  }

  public void orderDeclined(Enum<?> kind) {
    afterCommit("actionpack.orders", "outcome", "declined", "kind", kind.name());
  }

  /** A charge the provider answered, approved or declined, counted when its step commits. */
  public void charged(Enum<?> kind, String provider, boolean approved) {
    afterCommit("actionpack.charges", "outcome", approved ? "approved" : "declined", "kind",
        kind.name(), "provider", provider);
  }

  /**
   * A charge the provider did not answer (timeout, 5xx, a lost connection): counted at once,
   * since its step rolls back and is retried.
   */
  public void chargeFailed(Enum<?> kind, String provider) {
    registry.counter("actionpack.charges", "outcome", "error", "kind", kind.name(), "provider",
        provider).increment();
  }

  public void renewed(Enum<?> kind) {
    afterCommit("actionpack.renewals", "kind", kind.name());
  }

  public void reminderSent(String variant) {
    afterCommit("actionpack.reminders.sent", "variant", variant);
  }

  public void notificationQueued(String kind) {
    afterCommit("actionpack.notifications.sent", "kind", kind);
  }

  /** A mail handed to the mail server. */
  public void mailSent() {
    registry.counter("actionpack.mail.sent").increment();
  }

  /** A mail the mail server did not take; {@code givenUp} after the last of its retries. */
  public void mailFailed(boolean givenUp) {
    registry.counter("actionpack.mail.failed", "final", Boolean.toString(givenUp)).increment();
  }

  private void afterCommit(String name, String... tags) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          registry.counter(name, tags).increment();
        }
      });
    } else {
      registry.counter(name, tags).increment();
    }
  }
}
