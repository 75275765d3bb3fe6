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
    if (deliverPlain(to, notification.getSubject(), notification.getBody(),
        notification.getLocale(), notification.getDedupeKey() != null
            ? notification.getDedupeKey() : notification.getId().toString())) {
      notification.emailed(to);
    }
  }

  /**
   * Mails a text message; false when no mail server is configured. The same {@code key} (the
   * send step) always gives the same Message-ID: if a job mails and then fails to commit, its
   * retry mails a message that mail clients recognise as the same one.
   */
  boolean deliverPlain(String to, String subject, String body, String locale, String key) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return false;
    }
    try {
      MimeMessage message = new MessageWithStableId(sender.createMimeMessage().getSession(),
          "<" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
              + "@actionpack.example>");
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(body);
      message.setHeader("Content-Language", locale);
      sender.send(message);
      return true;
    } catch (MessagingException e) {
      throw new MailSendException("could not build the message", e);
    }
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
