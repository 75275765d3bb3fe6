package dev.actionpack.subscription;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When reminders go out (R11), when a declined renewal is retried (R12), and how long an expired
 * subscription can still be renewed (R13).
 *
 * @param reminderOffsets how long before the term end each reminder is sent
 * @param retryOffsets how long after the term end each dunning retry charges again
 * @param graceWindow how long after expiry a manual renewal is still allowed
 */
@ConfigurationProperties("actionpack.renewal")
public record RenewalPolicy(
    @DefaultValue({"30d", "7d"}) List<Duration> reminderOffsets,
    @DefaultValue({"1d", "3d", "7d"}) List<Duration> retryOffsets,
    @DefaultValue("30d") Duration graceWindow) {

  public static RenewalPolicy defaults() {
    return new RenewalPolicy(List.of(Duration.ofDays(30), Duration.ofDays(7)),
        List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)),
        Duration.ofDays(30));
  }
}
