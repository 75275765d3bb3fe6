package dev.actionpack.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Failures that are the server's state, not the request's: every database connection in use,
 * or the database unreachable. The client gets 503 with {@code Retry-After}, never a 500.
 */
public final class Unavailable {

  static final Duration RETRY_WHEN_OVERLOADED = Duration.ofSeconds(5);
  static final Duration RETRY_WHEN_DATABASE_DOWN = Duration.ofSeconds(30);

  private Unavailable() {}

  /** The 503 this failure is, when it is one. */
  public static Optional<ApiProblem> problemFor(Throwable failure) {
    for (Throwable cause = failure; cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException pool) {
        // the pool's wait ran out; with a failed connection attempt behind it, the database
        return Optional.of(pool.getCause() == null || pool.getCause() == pool ? overloaded()
            : databaseDown());
      }
      if (isConnectionFailure(cause)) {
        return Optional.of(databaseDown());
      }
    }
    return Optional.empty();
  }

  public static ApiProblem overloaded() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Too busy",
        "The service is handling more requests than it can at the moment. Nothing was done; "
            + "try again after the time in Retry-After.")
        .retryAfter(RETRY_WHEN_OVERLOADED);
  }

  public static ApiProblem databaseDown() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
        "The service cannot reach its database at the moment. Nothing was done; try again "
            + "after the time in Retry-After.")
        .retryAfter(RETRY_WHEN_DATABASE_DOWN);
  }

  private static boolean isConnectionFailure(Throwable cause) {
    if (cause instanceof SQLNonTransientConnectionException
        || cause instanceof SQLRecoverableException || cause instanceof ConnectException) {
      return true;
    }
    // SQL state class 08: connection exception; 57P0x: the server is shutting down or starting
    return cause instanceof SQLException sql && sql.getSQLState() != null
        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
  }
}
