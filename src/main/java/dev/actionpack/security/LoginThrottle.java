package dev.actionpack.security;

import dev.actionpack.process.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of passwords and API keys (R23). Failed sign-ins are counted per user and
 * per client address; past a few, the next try is refused (429 with {@code Retry-After}) for a
 * while that doubles with every further failure, up to {@link #MAX_LOCK}, and ends by itself. A
 * refused try costs nothing: no password hash is computed for it. A successful sign-in clears
 * the user's count. Counts are kept in memory, on each node: a cluster of n nodes lets n times
 * as many guesses through, which the doubling still keeps to a handful an hour.
 */
@Component
public class LoginThrottle {

  static final Duration MAX_LOCK = Duration.ofMinutes(15);
  /** A count that has seen no failure for this long starts again from zero. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);
  private static final int REMEMBERED = 100_000;

  private final int freePerUser;
  private final int freePerClient;
  private final Map<String, Failures> failures = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > REMEMBERED;
        }
      });

  LoginThrottle(@Value("${actionpack.login.free-failures-per-user:5}") int freePerUser,
      @Value("${actionpack.login.free-failures-per-client:20}") int freePerClient) {
    this.freePerUser = freePerUser;
    this.freePerClient = freePerClient;
  }

  /** How long a sign-in of {@code user} (may be null) from {@code client} must wait, if at all. */
  public Optional<Duration> wait(String user, String client) {
    Instant now = EngineClock.now();
    Duration longest = Duration.ZERO;
    for (String key : keys(user, client)) {
      Failures counted = failures.get(key);
      // a count from the future means the clock was set back: it no longer says anything
      if (counted != null && counted.lockedUntil.isAfter(now) && !counted.last.isAfter(now)) {
        Duration left = Duration.between(now, counted.lockedUntil);
        longest = left.compareTo(longest) > 0 ? left : longest;
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** A sign-in that failed: counted for the user (when known) and the client. */
  public void failed(String user, String client) {
    Instant now = EngineClock.now();
    if (user != null) {
      count("user:" + user, freePerUser, now);
    }
    count("client:" + client, freePerClient, now);
  }

  /** A sign-in that succeeded: the user's count starts again. */
  public void succeeded(String user) {
    if (user != null) {
      failures.remove("user:" + user);
    }
  }

  private void count(String key, int free, Instant now) {
    failures.compute(key, (k, before) -> {
      int count = before == null || before.last.plus(FORGET_AFTER).isBefore(now) ? 1
          : before.count + 1;
      Instant lockedUntil = count <= free ? Instant.EPOCH : now.plus(lock(count - free));
      return new Failures(count, now, lockedUntil);
    });
  }

  /** One second after the first failure beyond the free ones, doubling, at most MAX_LOCK. */
  static Duration lock(int beyondFree) {
    long seconds = beyondFree >= 20 ? MAX_LOCK.toSeconds() : 1L << (beyondFree - 1);
    return Duration.ofSeconds(Math.min(seconds, MAX_LOCK.toSeconds()));
  }

  private static String[] keys(String user, String client) {
    return user == null ? new String[] {"client:" + client}
        : new String[] {"user:" + user, "client:" + client};
  }

  private record Failures(int count, Instant last, Instant lockedUntil) {}
}
