package dev.actionpack.operations;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database's health ({@code db}), answered within {@link #ANSWER_WITHIN} whatever the
 * database does: a probe with a timeout of a few seconds must hear DOWN from a node whose
 * database is gone, not wait for the connection pool's own timeout and restart a healthy node.
 * The check runs on a thread of its own; while one hangs, the next asks wait for that one
 * instead of starting another.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

  static final Duration ANSWER_WITHIN = Duration.ofMillis(1500);

  private final JdbcTemplate jdbc;
  private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "db-health");
    thread.setDaemon(true);
    return thread;
  });
  private Future<String> running;

  DatabaseHealth(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public Health health() {
    Future<String> check = check();
    try {
      return Health.up().withDetail("database",
          check.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)).build();
    } catch (TimeoutException noAnswer) {
      return Health.down().withDetail("error", "no answer within " + ANSWER_WITHIN.toMillis()
          + " ms").build();
    } catch (ExecutionException failed) {
      return Health.down().withDetail("error", failed.getCause().getClass().getSimpleName())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().build();
    }
  }

  private synchronized Future<String> check() {
    if (running == null || running.isDone()) {
      running = checker.submit(() -> jdbc.execute((ConnectionCallback<String>) connection -> {
        if (!connection.isValid((int) Math.max(1, ANSWER_WITHIN.toSeconds()))) {
          throw new IllegalStateException("the connection is not valid");
        }
        return connection.getMetaData().getDatabaseProductName();
      }));
    }
    return running;
  }

  @Override
  public void destroy() {
    checker.shutdownNow();
  }
}
