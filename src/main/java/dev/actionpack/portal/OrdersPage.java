package dev.actionpack.portal;

import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.domain.Refusal;
import dev.actionpack.order.Receipts;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.payment.Refund;
import dev.actionpack.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Orders and receipts: every order of the partner, newest first, with its amount, kind and
 * status, the PDF receipt of each charged one and the credit note of each refund (the API's
 * documents). Another partner's order or refund is the not-found page.
 */
@Controller
@RequestMapping("/portal/orders")
class OrdersPage {

  private final Receipts receipts;
  private final MessageSource texts;

  OrdersPage(Receipts receipts, MessageSource texts) {
    this.receipts = receipts;
    this.texts = texts;
  }

  @GetMapping({"", "/"})
  String list(@AuthenticationPrincipal PartnerPrincipal partner, Locale locale, Model model) {
    model.addAttribute("orders", receipts.billed(partner.partnerId()).stream()
        .map(billed -> line(billed, locale)).toList());
    return "portal/orders";
  }

  /** A refund's credit note, in the partner's language. */
  @GetMapping("/{number}/refunds/{refundId}/receipt")
  String refundReceipt(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number, @PathVariable String refundId, Locale locale, Model model,
      HttpServletResponse response) throws IOException {
    byte[] pdf;
    try {
      pdf = receipts.refundReceipt(partner.partnerId(), number, refundId);
    } catch (Refusal refusal) {
      if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
        return PortalController.notFound(response);
      }
      response.setStatus(ApiProblem.statusCode(refusal.kind()));
      model.addAttribute("problem", PortalProblems.message(texts, refusal, locale));
      return list(partner, locale, model);
    }
    send(response, pdf, "refund-receipt-" + number + "-" + refundId + ".pdf");
    return null;
  }

  /** Answers the PDF as a download named {@code filename}. */
  static void send(HttpServletResponse response, byte[] pdf, String filename)
      throws IOException {
    response.setContentType("application/pdf");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    response.setContentLength(pdf.length);
    response.getOutputStream().write(pdf);
  }

  private static Line line(Receipts.Billed billed, Locale locale) {
    var order = billed.order();
    return new Line(order.getNumber(), order.getKind().name(), order.getStatus().name(),
        LocaleFormat.date(order.getCreatedAt(), locale),
        LocaleFormat.money(order.getAmount(), order.getCurrency(), locale),
        order.getSubscriptionNumber(), billed.charged(),
        billed.refunds().stream().map(refund -> refund(refund, locale)).toList());
  }

  private static RefundLine refund(Refund refund, Locale locale) {
    return new RefundLine(refund.getProviderRefundId(),
        LocaleFormat.date(refund.getCreatedAt(), locale),
        LocaleFormat.money(refund.getAmount(), refund.getCurrency(), locale));
  }

  record Line(String number, String kind, String status, String placedOn, String amount,
      String subscriptionNumber, boolean receipt, List<RefundLine> refunds) {}

  record RefundLine(String refundId, String refundedOn, String amount) {}
}
