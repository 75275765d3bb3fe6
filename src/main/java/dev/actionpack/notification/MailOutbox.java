package dev.actionpack.notification;

import dev.actionpack.operations.BusinessMetrics;
import dev.actionpack.process.ClusterNode;
import dev.actionpack.process.EngineClock;
import dev.actionpack.process.JobRetries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mail waiting to go out. {@link #queue} writes a row in the caller's transaction (the event's,
 * so a mail exists exactly when its event committed); {@link #deliverDue} sends the rows that
 * are due, outside any transaction and holding no connection while it talks to the mail server.
 * A failure is tried again on {@link JobRetries#SCHEDULE}; after the last try the row is
 * {@code FAILED} and counted. Several nodes drain one outbox: a node claims a row for
 * {@link #CLAIM} before it sends it, so each row goes out from one node; a node that dies
 * mid-send leaves the claim to expire and the mail is sent again, with the same Message-ID.
 */
@Component
public class MailOutbox {

  static final Duration CLAIM = Duration.ofSeconds(60);
  private static final int BATCH = 50;
  private static final List<Duration> RETRIES = Arrays.stream(JobRetries.SCHEDULE.split(","))
      .map(Duration::parse).toList();
  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  private final JdbcClient jdbc;
  private final MailDelivery mail;
  private final BusinessMetrics metrics;
  private final String node;
  private final boolean polling;

  MailOutbox(JdbcClient jdbc, MailDelivery mail, BusinessMetrics metrics, ClusterNode node,
      MeterRegistry registry,
      @Value("${actionpack.mail.outbox.polling:true}") boolean polling) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.metrics = metrics;
    this.node = node.name();
    this.polling = polling;
    Gauge.builder("actionpack.mail.outbox.pending", jdbc, client -> client.sql(
            "select count(*) from mail_outbox where status = 'PENDING'")
            .query(Integer.class).single())
        .description("Mails waiting to be sent (retried while the mail server is down)")
        .register(registry);
  }

  /** Whether mail is sent at all: only with a mail server configured. */
  public boolean enabled() {
    return mail.configured();
  }

  /**
   * Queues a mail in the caller's transaction. {@code key} names the step that queues it: a
   * retried step finds its row and queues nothing twice.
   */
  void queue(UUID notificationId, String to, String subject, String body, String locale,
      String key) {
    if (!enabled() || to == null || to.isBlank()) {
      return;
    }
    if (jdbc.sql("select count(*) from mail_outbox where message_key = ?").param(key)
        .query(Integer.class).single() > 0) {
      return;
    }
    jdbc.sql("insert into mail_outbox (id, notification_id, recipient, subject, body, locale, "
            + "message_key, status, attempts, next_attempt_at, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
        .params(UUID.randomUUID(), notificationId, to, subject, body, locale, key, now(),
            now())
        .update();
  }

  @Scheduled(fixedDelayString = "${actionpack.mail.outbox.poll-interval:2s}",
      initialDelayString = "${actionpack.mail.outbox.poll-interval:2s}")
  void poll() {
    if (polling && enabled()) {
      deliverDue();
    }
  }

  /** Sends every mail that is due and not claimed by another node; how many went out. */
  public int deliverDue() {
    int sent = 0;
    List<Pending> due = jdbc.sql("select id, notification_id, recipient, subject, body, locale, "
            + "message_key, attempts from mail_outbox where status = 'PENDING' and "
            + "next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) "
            + "order by next_attempt_at limit " + BATCH)
        .params(now(), now()).query(Pending.class).list();
    for (Pending mail : due) {
      if (claim(mail) && send(mail)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean claim(Pending mail) {
    return jdbc.sql("update mail_outbox set claimed_until = ?, claimed_by = ? where id = ? and "
            + "status = 'PENDING' and (claimed_until is null or claimed_until < ?)")
        .params(at(EngineClock.now().plus(CLAIM)), node, mail.id(), now()).update() == 1;
  }

  private boolean send(Pending pending) {
    try {
      mail.deliverPlain(pending.recipient(), pending.subject(), pending.body(),
          pending.locale(), pending.messageKey());
    } catch (RuntimeException failed) {
      int attempts = pending.attempts() + 1;
      boolean givenUp = attempts > RETRIES.size();
      jdbc.sql("update mail_outbox set attempts = ?, status = ?, next_attempt_at = ?, "
              + "claimed_until = null, claimed_by = null, last_error = ? where id = ?")
          .params(attempts, givenUp ? "FAILED" : "PENDING", at(givenUp ? EngineClock.now()
              : EngineClock.now().plus(RETRIES.get(attempts - 1))), describe(failed),
              pending.id())
          .update();
      metrics.mailFailed(givenUp);
      if (givenUp) {
        log.error("Mail {} to {} given up after {} attempts: {}", pending.id(),
            pending.recipient(), attempts, describe(failed));
      } else {
        log.warn("Mail {} to {} not sent (attempt {}), tried again at {}: {}", pending.id(),
            pending.recipient(), attempts, EngineClock.now().plus(RETRIES.get(attempts - 1)),
            describe(failed));
      }
      return false;
    }
    jdbc.sql("update mail_outbox set status = 'SENT', attempts = ?, sent_at = ?, "
            + "claimed_until = null, claimed_by = null, last_error = null where id = ?")
        .params(pending.attempts() + 1, now(), pending.id()).update();
    if (pending.notificationId() != null) {
      jdbc.sql("update notification set email_to = ?, emailed_at = ? where id = ?")
          .params(pending.recipient(), now(), pending.notificationId()).update();
    }
    metrics.mailSent();
    return true;
  }

  private static String describe(RuntimeException failure) {
    String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  private static OffsetDateTime now() {
    return at(EngineClock.now());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  record Pending(UUID id, UUID notificationId, String recipient, String subject, String body,
      String locale, String messageKey, int attempts) {}
}
