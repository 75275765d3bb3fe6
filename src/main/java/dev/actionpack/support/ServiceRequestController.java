package dev.actionpack.support;

import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.domain.Refusal;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner Center Support from the partner's side (R15, R17): report a problem, follow the
 * status of one's own requests.
 */
@RestController
@RequestMapping("/api/service-requests")
class ServiceRequestController {

  private final ServiceRequestService requests;

  ServiceRequestController(ServiceRequestService requests) {
    this.requests = requests;
  }

  @GetMapping("/problem-types")
  List<ProblemTypeView> problemTypes() {
    return Arrays.stream(ProblemType.values())
        .map(type -> new ProblemTypeView(type.name(), type.label())).toList();
  }

  @PostMapping
  ResponseEntity<ServiceRequestView> open(@AuthenticationPrincipal PartnerPrincipal partner,
      @Valid @RequestBody OpenServiceRequest request) {
    ServiceRequest opened = requests.open(partner.partnerId(), request);
    return ResponseEntity.created(URI.create("/api/service-requests/" + opened.getNumber()))
        .body(view(opened));
  }

  @GetMapping
  List<ServiceRequestView> list(@AuthenticationPrincipal PartnerPrincipal partner,
      @RequestParam(required = false) String status) {
    Optional<ServiceRequestStatus> filter = Optional.ofNullable(status).map(value ->
        Arrays.stream(ServiceRequestStatus.values()).filter(s -> s.name().equals(value))
            .findFirst().orElseThrow(() -> Refusal.invalidField("status",
                "must be one of " + Arrays.toString(ServiceRequestStatus.values()))));
    return requests.list(partner.partnerId(), filter).stream().map(this::view).toList();
  }

  @GetMapping("/{number}")
  ServiceRequestView show(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number) {
    return view(requests.show(partner.partnerId(), number));
  }

  private ServiceRequestView view(ServiceRequest request) {
    Resolution resolution = request.getStatus() != ServiceRequestStatus.CLOSED ? null
        : new Resolution(request.getOutcome(), request.getRefund(), request.getRefundedAmount(),
            request.getResolutionNote(), request.getClosedAt());
    return new ServiceRequestView(request.getNumber(), request.getStatus(),
        new ProblemTypeView(request.getProblemType().name(), request.getProblemType().label()),
        request.getSubscriptionNumber(), request.getDescription(), request.getContact(),
        request.getCreatedAt(), resolution,
        requests.history(request.getId()).stream()
            .map(event -> new HistoryEntry(event.getAt(), event.getStatus(), event.getNote()))
            .toList());
  }

  record ProblemTypeView(String code, String label) {}

  record HistoryEntry(Instant at, ServiceRequestStatus status, String note) {}

  record Resolution(Outcome outcome, String refund, BigDecimal refundedAmount, String note,
      Instant closedAt) {}

  record ServiceRequestView(String number, ServiceRequestStatus status,
      ProblemTypeView problemType, String subscriptionNumber, String description,
      Contact contact, Instant createdAt, Resolution resolution, List<HistoryEntry> history) {}
}
