package dev.actionpack.notification;

import static dev.actionpack.process.CamundaGroups.SUPPORT_LEADS;

import dev.actionpack.support.RequestEscalated;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the support leads (group {@code support-leads}) that a request escalated (R18). */
@Component
public class SupportLeadAlerts {

  private static final Logger log = LoggerFactory.getLogger(SupportLeadAlerts.class);

  private final IdentityService identity;
  private final MailOutbox outbox;

  SupportLeadAlerts(IdentityService identity, MailOutbox outbox) {
    this.identity = identity;
    this.outbox = outbox;
  }

  /**
   * Queues a mail to every lead with an email address (when mail is configured), in the
   * escalation's transaction.
   */
  @EventListener
  public void escalated(RequestEscalated escalation) {
    List<User> leads = identity.createUserQuery().memberOfGroup(SUPPORT_LEADS).list();
    String subject = "Escalated: service request " + escalation.requestNumber()
        + " unhandled for " + escalation.sla();
    String body = "Service request " + escalation.requestNumber() + " (subscription "
        + escalation.subscriptionNumber() + ") has not been handled within its service level of "
        + escalation.sla() + ". Its task now has a high priority in the Tasklist filter "
        + "Cancellation requests.";
    List<String> told = leads.stream().map(User::getEmail).filter(email -> email != null
        && !email.isBlank()).toList();
    told.forEach(email -> outbox.queue(null, email, subject, body, "en-US",
        escalation.stepKey() + "/" + email));
    log.warn("{} (support leads: {})", subject, told.isEmpty() ? "none with an email" : told);
  }
}
