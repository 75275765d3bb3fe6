package dev.actionpack.order;

import dev.actionpack.offer.OfferRepository;
import dev.actionpack.offer.OfferView;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.payment.DeclineCode;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.payment.PaymentMethodView;
import dev.actionpack.payment.PaymentProblems;
import dev.actionpack.web.ApiProblem;
import dev.actionpack.domain.Refusal;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Partner Center's "available offers", the purchase and manual renewal, and the orders. */
@RestController
@RequestMapping("/api")
class OrderController {

  private final PurchaseService purchases;
  private final PurchaseOrderRepository orders;
  private final PaymentMethodRepository paymentMethods;
  private final OfferRepository offers;

  OrderController(PurchaseService purchases, PurchaseOrderRepository orders,
      PaymentMethodRepository paymentMethods, OfferRepository offers) {
    this.purchases = purchases;
    this.orders = orders;
    this.paymentMethods = paymentMethods;
    this.offers = offers;
  }

  @GetMapping("/offers/available")
  @Transactional(readOnly = true)
  List<OfferView> available(@AuthenticationPrincipal PartnerPrincipal partner) {
    return offers.findByActiveTrueOrderByCode().stream()
        .map(offer -> OfferView.of(offer, purchases.refusal(partner.partnerId(), offer.getCode())
            .map(Throwable::getMessage).orElse(null)))
        .toList();
  }

  /**
   * Buys an offer. 201: confirmed and charged. 402: declined, with the reason. 202: the provider
   * has not answered yet; poll the order's URL.
   */
  @PostMapping("/purchases")
  ResponseEntity<?> purchase(@AuthenticationPrincipal PartnerPrincipal partner,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody PurchaseRequest request) {
    requireValidKey(idempotencyKey);
    return outcome(purchases.purchase(partner.partnerId(), request, idempotencyKey));
  }

  /**
   * Renews a subscription manually with the purchase steps (R13); answers like a purchase.
   * Allowed while active with auto-renewal off, past due, or in the grace window after expiry.
   */
  @PostMapping("/subscriptions/{number}/renewals")
  ResponseEntity<?> renew(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody PurchaseRequest request) {
    requireValidKey(idempotencyKey);
    return outcome(purchases.renew(partner.partnerId(), number, request, idempotencyKey));
  }

  private static void requireValidKey(String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw Refusal.invalidField("Idempotency-Key", "must be 1 to 200 characters");
    }
  }

  private ResponseEntity<?> outcome(PurchaseOrder order) {
    URI location = URI.create("/api/orders/" + order.getNumber());
    return switch (order.getStatus()) {
      case CONFIRMED -> ResponseEntity.created(location).body(view(order));
      case PENDING -> ResponseEntity.accepted().location(location).body(view(order));
      case CANCELLED -> ResponseEntity.ok().location(location).body(view(order));
      case DECLINED -> ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).location(location)
          .body(ApiProblem.of(PaymentProblems.declined(DeclineCode.fromCode(
                  order.getDeclineCode()))
              .with("orderNumber", order.getNumber())
              .with("order", location.toString()))
              .toProblemDetail());
    };
  }

  @GetMapping("/orders")
  @Transactional(readOnly = true)
  List<OrderView> list(@AuthenticationPrincipal PartnerPrincipal partner) {
    return orders.findByPartnerIdOrderByCreatedAtDesc(partner.partnerId()).stream()
        .map(this::view).toList();
  }

  @GetMapping("/orders/{number}")
  @Transactional(readOnly = true)
  OrderView show(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String number) {
    return orders.findByNumberAndPartnerId(number, partner.partnerId()).map(this::view)
        .orElseThrow(() -> Refusal.notFound("Order"));
  }

  private OrderView view(PurchaseOrder order) {
    return OrderView.of(order,
        paymentMethods.findById(order.getPaymentMethodId()).map(PaymentMethodView::of)
            .orElse(null));
  }
}
