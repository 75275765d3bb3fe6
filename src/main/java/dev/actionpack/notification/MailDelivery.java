package dev.actionpack.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a notification when a mail server is configured ({@code spring.mail.host}); without
 * one, the partner's inbox is the delivery. A failure is an exception: the send job retries.
 */
@Component
class MailDelivery {

  private final ObjectProvider<JavaMailSender> mailSender;
  private final String from;

  MailDelivery(ObjectProvider<JavaMailSender> mailSender,
      @Value("${actionpack.mail.from:Action Pack <no-reply@actionpack.example>}") String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  void deliver(String to, Notification notification) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return;
    }
    try {
      MimeMessage message = new MessageWithStableId(sender.createMimeMessage().getSession(),
          messageId(notification));
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(notification.getSubject());
      helper.setText(notification.getBody());
      message.setHeader("Content-Language", notification.getLocale());
      sender.send(message);
      notification.emailed(to);
    } catch (MessagingException e) {
      throw new MailSendException("could not build the message", e);
    }
  }

  /**
   * The same send step always gives the same Message-ID: if a job mails and then fails to
   * commit, its retry mails a message that mail clients recognise as the same one.
   */
  private static String messageId(Notification notification) {
    String key = notification.getDedupeKey() != null ? notification.getDedupeKey()
        : notification.getId().toString();
    return "<" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
        + "@actionpack.example>";
  }

  /** JavaMail replaces Message-ID when it saves a message; this one keeps ours. */
  private static final class MessageWithStableId extends MimeMessage {

    private final String messageId;

    MessageWithStableId(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
