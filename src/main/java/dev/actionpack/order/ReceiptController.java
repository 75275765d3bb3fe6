package dev.actionpack.order;

import dev.actionpack.partner.PartnerPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A charged order's receipt and its refunds' credit notes, as PDF downloads. */
@RestController
@RequestMapping("/api/orders/{number}")
class ReceiptController {

  private final Receipts receipts;

  ReceiptController(Receipts receipts) {
    this.receipts = receipts;
  }

  @GetMapping("/receipt")
  ResponseEntity<byte[]> receipt(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number) {
    return pdf(receipts.receipt(partner.partnerId(), number), "receipt-" + number + ".pdf");
  }

  @GetMapping("/refunds/{refundId}/receipt")
  ResponseEntity<byte[]> refundReceipt(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number, @PathVariable String refundId) {
    return pdf(receipts.refundReceipt(partner.partnerId(), number, refundId),
        "refund-receipt-" + number + "-" + refundId + ".pdf");
  }

  private static ResponseEntity<byte[]> pdf(byte[] document, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(document);
  }
}
