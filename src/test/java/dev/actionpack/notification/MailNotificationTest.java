package dev.actionpack.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.actionpack.process.CamundaGroups;
import dev.actionpack.support.LifecycleTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** R19 over a real SMTP conversation with GreenMail: every kind, in every language. */
class MailNotificationTest extends LifecycleTest {

  @Autowired
  private IdentityService identity;
  @Autowired
  private MailOutbox outbox;

  private static final int PORT = freePort();
  private static GreenMail mailServer = newServer();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> PORT);
  }

  @BeforeAll
  static void startMailServer() {
    mailServer.start();
  }

  @AfterAll
  static void stopMailServer() {
    mailServer.stop();
  }

  @BeforeEach
  void emptyMailbox() throws Exception {
    mailServer.purgeEmailFromAllMailboxes();
  }

  @Test
  @DisplayName("R19 every partner event is mailed in the partner's language: en-US, zh-CN, es-ES")
  void shouldMailEveryKindInEachLanguage() throws Exception {
    clockAt("2027-05-10T08:00:00Z");
    Map<String, PartnerLogin[]> partners = new HashMap<>();
    Map<String, String> greeting = Map.of("en-US", "Hello", "zh-CN", "您好", "es-ES", "Hola");
    for (String locale : greeting.keySet()) {
      PartnerLogin lapsing = newPartner(true, locale);
      PartnerLogin dunned = newPartner(true, locale);
      partners.put(locale, new PartnerLogin[] {lapsing, dunned});
      // PAYMENT_DECLINED, then ORDER_CONFIRMED for both
      purchase(dunned, purchaseWithCard("4000000000009995"), null);
      jobs().runDue();
      String dunnedNumber = subscribe(dunned, "4242424242424242").get("number").asText();
      cardRunsOutOfFunds(dunnedNumber);
      subscribe(lapsing, "4242424242424242");
    }
    // REMINDER_RENEWS 30 days before; then the lapsing partners turn auto-renewal off
    jobs().advanceTo(Instant.parse("2028-04-10T09:00:00Z"));
    for (PartnerLogin[] pair : partners.values()) {
      String number = get(pair[0], "/api/offers/purchased").body().get(0).get("number").asText();
      turnAutoRenewal(pair[0], number, false);
      // PAYMENT_METHOD_REPLACED
      replaceCard(pair[0], number, Map.of("card", card("378282246310005")));
    }
    // REMINDER_EXPIRES, then EXPIRED for the lapsing ones; RENEWAL_DECLINED for the dunned ones
    jobs().advanceTo(Instant.parse("2028-05-12T08:00:00Z"));
    for (PartnerLogin[] pair : partners.values()) {
      String number = get(pair[0], "/api/offers/purchased").body().get(0).get("number").asText();
      renewManually(pair[0], number, "5555555555554444"); // RENEWED
    }
    jobs().runDue();
    // REQUEST_RECEIVED, then CANCELLED_AT_TERM_END / CANCELLED_NOW and REQUEST_CLOSED
    for (var entry : partners.entrySet()) {
      String[] outcomes = {"CANCEL_AT_TERM_END", "CANCEL_NOW"};
      for (int i = 0; i < 2; i++) {
        PartnerLogin partner = entry.getValue()[i];
        String number = get(partner, "/api/offers/purchased").body().get(0).get("number").asText();
        String request = post(partner, "/api/service-requests", Map.of(
            "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION",
            "subscriptionNumber", number, "description", "Cancel please",
            "contact", Map.of("name", "Pat", "email", partner.username() + "@partners.example",
                "phone", "+1 425 555 0100", "preferredLanguage", entry.getKey())))
            .body().get("number").asText();
        jobs().runDue();
        taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(request)
            .singleResult().getId(), Map.of("outcome", outcomes[i]));
      }
    }
    jobs().runDue();
    deliverMail();

    List<String> allKinds = new ArrayList<>();
    for (var entry : partners.entrySet()) {
      String locale = entry.getKey();
      for (PartnerLogin partner : entry.getValue()) {
        JsonNode inbox = get(partner, "/api/notifications").body();
        List<MimeMessage> mails = mailsTo(partner.username() + "@partners.example");
        assertThat(mails).as("mails of %s", partner.username()).hasSize(inbox.size());
        for (JsonNode notification : inbox) {
          MimeMessage mail = mails.stream()
              .filter(m -> subject(m).equals(notification.get("subject").asText()))
              .filter(m -> text(m).equals(notification.get("body").asText().trim()))
              .findFirst().orElseThrow(() -> new AssertionError("no mail for " + notification));
          assertThat(mail.getHeader("Content-Language", null)).isEqualTo(locale);
          assertThat(((String) mail.getContent()).replace("\r\n", "\n").trim()).isEqualTo(
              notification.get("body").asText().trim());
          assertThat((String) mail.getContent()).contains(greeting.get(locale));
          assertThat(notification.get("locale").asText()).isEqualTo(locale);
          allKinds.add(locale + " " + notification.get("kind").asText());
        }
      }
    }
    for (String locale : greeting.keySet()) {
      for (NotificationKind kind : NotificationKind.values()) {
        assertThat(allKinds).as("kinds mailed").contains(locale + " " + kind.name());
      }
    }
  }

  @Test
  @DisplayName("R19 with the mail server down, the notice is in the inbox at once and nothing else waits; the mail is retried and sent once, when the server is back")
  void shouldKeepTheInboxAndTheLifecycleGoingWhileTheMailServerIsDown() throws Exception {
    clockAt("2027-06-01T08:00:00Z");
    PartnerLogin partner = newMember();
    mailServer.stop();
    try {
      subscribe(partner, "4242424242424242");

      assertThat(get(partner, "/api/offers/purchased").body().get(0).get("status").asText())
          .isEqualTo("ACTIVE");
      assertThat(inboxKinds(partner)).containsExactly("ORDER_CONFIRMED");
      assertThat(outbox.deliverDue()).as("mails sent with the server down").isZero();
      assertThat(managementService.createJobQuery().withException().list())
          .as("jobs that failed because of mail").isEmpty();
      assertThat(jdbc.queryForObject("select next_attempt_at from mail_outbox where "
          + "recipient = ?", java.sql.Timestamp.class, partner.username() + "@partners.example")
          .toInstant()).as("first retry of the mail").isEqualTo(now().plusSeconds(10));
    } finally {
      mailServer = newServer();
      mailServer.start();
    }

    jobs().advanceTo(now().plusSeconds(10));
    assertThat(outbox.deliverDue()).isOne();

    assertThat(mailsTo(partner.username() + "@partners.example")).hasSize(1);
    jobs().advanceTo(now().plusSeconds(3600));
    assertThat(outbox.deliverDue()).isZero();
    assertThat(mailsTo(partner.username() + "@partners.example")).hasSize(1);
  }

  @Test
  @DisplayName("R19 a mail the server keeps refusing is tried on the backoff schedule, then given up and counted, the inbox untouched")
  void shouldGiveUpAMailAfterItsLastRetry() throws Exception {
    clockAt("2027-06-15T08:00:00Z");
    PartnerLogin partner = newMember();
    mailServer.stop();
    try {
      subscribe(partner, "4242424242424242");
      String recipient = partner.username() + "@partners.example";
      for (int attempt = 1; attempt <= 8; attempt++) {
        assertThat(outbox.deliverDue()).isZero();
        jobs().advanceTo(jdbc.queryForObject("select next_attempt_at from mail_outbox where "
            + "recipient = ?", java.sql.Timestamp.class, recipient).toInstant());
      }
      assertThat(jdbc.queryForObject("select status from mail_outbox where recipient = ?",
          String.class, recipient)).isEqualTo("FAILED");
      assertThat(jdbc.queryForObject("select attempts from mail_outbox where recipient = ?",
          Integer.class, recipient)).isEqualTo(8);
      assertThat(inboxKinds(partner)).containsExactly("ORDER_CONFIRMED");
    } finally {
      mailServer = newServer();
      mailServer.start();
    }
    assertThat(outbox.deliverDue()).isZero();
  }

  @Test
  @DisplayName("R18 an escalated request is mailed to the support leads")
  void shouldMailSupportLeadsOnEscalation() throws Exception {
    if (identity.createUserQuery().userId("lead").count() == 0) {
      var lead = identity.newUser("lead");
      lead.setEmail("lead@support.example");
      lead.setPassword("lead-secret-password");
      identity.saveUser(lead);
      identity.createMembership("lead", CamundaGroups.SUPPORT_LEADS);
    }
    clockAt("2027-07-01T08:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    String request = post(partner, "/api/service-requests", Map.of(
        "problemType", "PARTNER_INVOICE_PAYMENT_RECONCILIATION", "subscriptionNumber", number,
        "description", "Cancel please", "contact", Map.of("name", "Pat",
            "email", "pat@partners.example", "phone", "+1 425 555 0100",
            "preferredLanguage", "en-US"))).body().get("number").asText();

    jobs().advanceTo(Instant.parse("2027-07-03T08:00:01Z"));
    deliverMail();

    List<MimeMessage> alerts = mailsTo("lead@support.example");
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).getSubject()).contains("Escalated", request);
  }

  /** Sends what the outbox holds, as its poller would (the tests' poller is off). */
  private void deliverMail() {
    while (outbox.deliverDue() > 0) {
      // a batch at a time
    }
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : mailServer.getReceivedMessages()) {
      if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
        mails.add(message);
      }
    }
    return mails;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(MimeMessage message) {
    try {
      return ((String) message.getContent()).replace("\r\n", "\n").trim();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail newServer() {
    return new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
