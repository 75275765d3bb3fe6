package dev.actionpack.order;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets a purchase request wait for its charge, which runs as an engine job. A job on this node
 * wakes the waiting request right after its commit; a job on another cluster node is seen by
 * re-reading the order, so the wait never depends on where the job ran.
 */
@Component
public class OrderOutcomes {

  private static final Duration RECHECK = Duration.ofMillis(250);

  private final Map<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
  private final PurchaseOrderRepository orders;
  private final TransactionTemplate readOnly;

  OrderOutcomes(PurchaseOrderRepository orders, TransactionTemplate transactionTemplate) {
    this.orders = orders;
    this.readOnly = transactionTemplate;
  }

  /** Called where an order leaves PENDING: wakes its waiting request once that commits. */
  public void completed(UUID orderId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          wake(orderId);
        }
      });
    } else {
      wake(orderId);
    }
  }

  private void wake(UUID orderId) {
    CompletableFuture<Void> future = waiting.get(orderId);
    if (future != null) {
      future.complete(null);
    }
  }

  /** The order once it is no longer pending, or as it stands when {@code timeout} has passed. */
  PurchaseOrder await(UUID orderId, Duration timeout) {
    CompletableFuture<Void> signal = waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        PurchaseOrder order = readOnly.execute(status -> orders.findById(orderId).orElseThrow());
        long remaining = deadline - System.nanoTime();
        if (order.getStatus() != OrderStatus.PENDING || remaining <= 0) {
          return order;
        }
        try {
          signal.get(Math.min(remaining, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException recheck) {
          // fall through: read the order again
        } catch (ExecutionException impossible) {
          throw new IllegalStateException(impossible);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return readOnly.execute(status -> orders.findById(orderId).orElseThrow());
    } finally {
      waiting.remove(orderId);
    }
  }
}
