package dev.actionpack.payment;

import dev.actionpack.partner.PartnerPrincipal;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payment-methods")
class PaymentMethodController {

  private final PaymentMethodService paymentMethods;

  PaymentMethodController(PaymentMethodService paymentMethods) {
    this.paymentMethods = paymentMethods;
  }

  @GetMapping
  List<PaymentMethodView> list(@AuthenticationPrincipal PartnerPrincipal partner) {
    return paymentMethods.list(partner.partnerId()).stream().map(PaymentMethodView::of).toList();
  }

  @PostMapping
  ResponseEntity<PaymentMethodView> add(@AuthenticationPrincipal PartnerPrincipal partner,
      @Valid @RequestBody NewCard card) {
    PaymentMethod method = paymentMethods.add(partner.partnerId(), card, "card");
    return ResponseEntity.created(URI.create("/api/payment-methods/" + method.getId()))
        .body(PaymentMethodView.of(method));
  }
}
