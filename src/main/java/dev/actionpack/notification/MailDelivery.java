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
 * Mails a message when a mail server is configured ({@code spring.mail.host}); without one,
 * the partner's inbox is the delivery. A failure is an exception: the outbox tries again.
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

  boolean configured() {
    return mailSender.getIfAvailable() != null;
  }

  /**
   * Mails a text message; false when no mail server is configured. The same {@code key} (the
   * step that queued it) always gives the same Message-ID: if a node mails and dies before it
   * records that, the mail sent again is one that mail clients recognise as the same.
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
