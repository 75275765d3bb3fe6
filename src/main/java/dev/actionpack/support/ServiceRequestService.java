package dev.actionpack.support;

import dev.actionpack.order.Cancellations.Cancellation;
import dev.actionpack.order.Cancellations;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.persistence.NumberSequences;
import dev.actionpack.process.SubscriptionProcesses.RequestOpened;
import dev.actionpack.process.SubscriptionProcesses;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import dev.actionpack.domain.Refusal;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service requests to Partner Center Support and the cancellations they lead to (R15–R18). */
@Service
public class ServiceRequestService {

  private static final Logger log = LoggerFactory.getLogger(ServiceRequestService.class);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE
      .withZone(ZoneOffset.UTC);

  private final ServiceRequestRepository requests;
  private final ServiceRequestEventRepository events;
  private final SubscriptionRepository subscriptions;
  private final Cancellations cancellations;
  private final PartnerRepository partners;
  private final NumberSequences numbers;
  private final SubscriptionProcesses processes;
  private final SupportPolicy policy;

  ServiceRequestService(ServiceRequestRepository requests, ServiceRequestEventRepository events,
      SubscriptionRepository subscriptions, Cancellations cancellations,
      PartnerRepository partners, NumberSequences numbers, SubscriptionProcesses processes,
      SupportPolicy policy) {
    this.requests = requests;
    this.events = events;
    this.subscriptions = subscriptions;
    this.cancellations = cancellations;
    this.partners = partners;
    this.numbers = numbers;
    this.processes = processes;
    this.policy = policy;
  }

  /**
   * Opens a request about one of the partner's own subscriptions, and its
   * {@code cancel-via-support} instance, in one transaction (R15).
   */
  @Transactional
  public ServiceRequest open(UUID partnerId, OpenServiceRequest input) {
    ProblemType type = ProblemType.of(input.problemType()).orElseThrow(() ->
        Refusal.invalidField("problemType", "is not a problem type of the catalog; "
            + "see GET /api/service-requests/problem-types"));
    Subscription subscription = subscriptions
        .findByNumberAndPartnerId(input.subscriptionNumber(), partnerId)
        .orElseThrow(() -> Refusal.invalidField("subscriptionNumber",
            "is not the number of a subscription of this partner"));
    ServiceRequest request = requests.save(new ServiceRequest(numbers.nextServiceRequestNumber(),
        partnerId, type, subscription.getNumber(), input.description(), input.contact()));
    events.save(new ServiceRequestEvent(request.getId(), ServiceRequestEvent.Kind.RECEIVED,
        "Request received", null));
    Contact contact = input.contact();
    processes.startCancelViaSupport(new RequestOpened(request.getNumber(),
        partners.findById(partnerId).orElseThrow().getName(), subscription.getNumber(),
        DATE.format(subscription.getTermEnd()), subscription.isAutoRenewal(), type.label(),
        input.description(), contact.name(), contact.email(), contact.phone(),
        contact.preferredLanguage(), policy.sla()));
    log.info("Service request {} opened by partner {} about subscription {}",
        request.getNumber(), partnerId, subscription.getNumber());
    return request;
  }

  @Transactional(readOnly = true)
  public List<ServiceRequest> list(UUID partnerId, Optional<ServiceRequestStatus> status) {
    return status.map(value -> requests.findByPartnerIdAndStatusOrderByCreatedAtDesc(partnerId,
            value))
        .orElseGet(() -> requests.findByPartnerIdOrderByCreatedAtDesc(partnerId));
  }

  @Transactional(readOnly = true)
  public ServiceRequest show(UUID partnerId, String number) {
    return requests.findByNumberAndPartnerId(number, partnerId)
        .orElseThrow(() -> Refusal.notFound("Service request"));
  }

  @Transactional(readOnly = true)
  public List<ServiceRequestEvent> history(UUID requestId) {
    return events.findByServiceRequestIdOrderByAtAsc(requestId);
  }

  /**
   * The request a {@code cancel-via-support} instance was started for: its business key. What a
   * step of the process acts on comes from here, never from a variable that a task completion
   * could have written (R23).
   */
  private ServiceRequest byNumber(String requestNumber) {
    return requests.findByNumber(requestNumber).orElseThrow(() -> new IllegalStateException(
        "no service request " + requestNumber));
  }

  /** An agent claimed the task (IN_PROGRESS), or gave it back (OPEN) (R17). */
  @Transactional
  public void agentAssigned(String requestNumber, String agent) {
    ServiceRequest request = byNumber(requestNumber);
    UUID requestId = request.getId();
    ServiceRequestStatus next = agent == null ? ServiceRequestStatus.OPEN
        : ServiceRequestStatus.IN_PROGRESS;
    if (request.moveTo(next)) {
      events.save(agent == null
          ? new ServiceRequestEvent(requestId, ServiceRequestEvent.Kind.RETURNED_TO_QUEUE,
              "Returned to the support queue", null)
          : new ServiceRequestEvent(requestId, ServiceRequestEvent.Kind.AGENT_WORKING,
              "A support agent is working on it", null));
    }
  }

  /** The agent waits on the partner; the task is waiting in Tasklist again (R17). */
  @Transactional
  public void attentionNeeded(String requestNumber, String note) {
    ServiceRequest request = byNumber(requestNumber);
    if (request.moveTo(ServiceRequestStatus.ATTENTION_NEEDED)) {
      events.save(new ServiceRequestEvent(request.getId(),
          ServiceRequestEvent.Kind.WAITING_ON_PARTNER,
          note == null || note.isBlank() ? "Support is waiting for your answer" : note, note));
    }
  }

  /** Cancels now (R16); false when the subscription was already cancelled or closed. */
  @Transactional
  public boolean cancelNow(String requestNumber, boolean refund) {
    ServiceRequest request = byNumber(requestNumber);
    Optional<Cancellation> done = cancellations.cancelNow(request.getSubscriptionNumber(),
        refund, request.getNumber());
    request.refunded(done.map(Cancellation::refunded).orElse(BigDecimal.ZERO));
    return done.isPresent();
  }

  /** Cancels at the term end (R16); false when there was nothing left to cancel. */
  @Transactional
  public boolean cancelAtTermEnd(String requestNumber) {
    ServiceRequest request = byNumber(requestNumber);
    return cancellations.cancelAtTermEnd(request.getSubscriptionNumber(),
        request.getNumber()).isPresent();
  }

  /** Closes the request with the agent's resolution; the partner is told (R16). */
  @Transactional
  public void close(String requestNumber, Outcome outcome, String refund, String note) {
    ServiceRequest request = byNumber(requestNumber);
    BigDecimal refunded = request.getRefundedAmount() == null ? BigDecimal.ZERO
        : request.getRefundedAmount();
    request.close(outcome, outcome == Outcome.CANCEL_NOW ? refund : "NONE", refunded, note);
    events.save(new ServiceRequestEvent(request.getId(), ServiceRequestEvent.Kind.CLOSED,
        "Closed: " + outcome + (note == null || note.isBlank() ? "" : ". " + note), note));
    log.info("Service request {} closed: {}", request.getNumber(), outcome);
  }

  /** Nobody handled the request within the service level (R18). */
  @Transactional
  public ServiceRequest escalated(String requestNumber) {
    ServiceRequest request = byNumber(requestNumber);
    request.escalated();
    log.warn("Service request {} escalated: unhandled for {}", request.getNumber(),
        policy.sla());
    return request;
  }
}
