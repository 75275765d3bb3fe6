package dev.actionpack.order;

import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.domain.Refusal;
import dev.actionpack.offer.Offer;
import dev.actionpack.offer.OfferRepository;
import dev.actionpack.partner.Partner;
import dev.actionpack.partner.PartnerRepository;
import dev.actionpack.payment.Charge;
import dev.actionpack.payment.ChargeRepository;
import dev.actionpack.payment.PaymentMethod;
import dev.actionpack.payment.PaymentMethodRepository;
import dev.actionpack.payment.Refund;
import dev.actionpack.payment.RefundRepository;
import dev.actionpack.subscription.Subscription;
import dev.actionpack.subscription.SubscriptionRepository;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts of a partner's charged orders (purchase, automatic and manual renewal) and credit
 * notes of their refunds, as PDF documents in the partner's language: for the API and the
 * portal alike. Only an order whose charge the provider approved has a receipt.
 *
 * <p>No transaction is held while a document is rendered: each record is read on its own.
 */
@Service
public class Receipts {

  /** No tax is charged on Action Pack today; the receipts say so with a line of zero. */
  static final BigDecimal TAXES = BigDecimal.ZERO;

  private static final Pattern RENEWAL_TERM = Pattern.compile("-term-(\\d+)");

  private final PurchaseOrderRepository orders;
  private final ChargeRepository charges;
  private final RefundRepository refunds;
  private final PartnerRepository partners;
  private final PaymentMethodRepository paymentMethods;
  private final OfferRepository offers;
  private final SubscriptionRepository subscriptions;
  private final ReceiptDocument document;

  Receipts(PurchaseOrderRepository orders, ChargeRepository charges, RefundRepository refunds,
      PartnerRepository partners, PaymentMethodRepository paymentMethods, OfferRepository offers,
      SubscriptionRepository subscriptions, ReceiptDocument document) {
    this.orders = orders;
    this.charges = charges;
    this.refunds = refunds;
    this.partners = partners;
    this.paymentMethods = paymentMethods;
    this.offers = offers;
    this.subscriptions = subscriptions;
    this.document = document;
  }

  /**
   * The PDF receipt of the partner's order. Refuses not found (no such order of this partner)
   * and conflict (the order was not charged: declined, cancelled or still pending).
   */
  public byte[] receipt(UUID partnerId, String orderNumber) {
    PurchaseOrder order = order(partnerId, orderNumber);
    return document.render(receiptOf(order, approvedCharge(order), null));
  }

  /**
   * The PDF refund receipt (credit note) of a refund of the partner's order, the refund named
   * by the provider's refund id. Refuses not found for another partner's or an unknown order,
   * and for a refund that is not of that order.
   */
  public byte[] refundReceipt(UUID partnerId, String orderNumber, String refundId) {
    PurchaseOrder order = order(partnerId, orderNumber);
    Refund refund = refunds.findByProviderRefundIdAndOrderId(refundId, order.getId())
        .orElseThrow(() -> Refusal.notFound("Refund"));
    return document.render(receiptOf(order, approvedCharge(order), new Receipt.RefundLine(
        refund.getProviderRefundId(), refund.getAmount(), refund.getCreatedAt())));
  }

  /**
   * The partner's orders, newest first, each with whether it was charged (so has a receipt) and
   * its refunds (each with a credit note), oldest first.
   */
  @Transactional(readOnly = true)
  public List<Billed> billed(UUID partnerId) {
    return orders.findByPartnerIdOrderByCreatedAtDesc(partnerId).stream()
        .map(order -> new Billed(order, charges.findByIdempotencyKey(order.getChargeKey())
            .filter(Charge::isApproved).isPresent(),
            refunds.findByOrderIdOrderByCreatedAtAsc(order.getId())))
        .toList();
  }

  /** An order as its partner's billing lists it. */
  public record Billed(PurchaseOrder order, boolean charged, List<Refund> refunds) {}

  private PurchaseOrder order(UUID partnerId, String orderNumber) {
    return orders.findByNumberAndPartnerId(orderNumber, partnerId)
        .orElseThrow(() -> Refusal.notFound("Order"));
  }

  private Charge approvedCharge(PurchaseOrder order) {
    return charges.findByIdempotencyKey(order.getChargeKey()).filter(Charge::isApproved)
        .orElseThrow(() -> new Refusal(Refusal.Kind.CONFLICT, "no-receipt", "No receipt",
            "Order " + order.getNumber() + " was not charged (" + order.getStatus()
                + "), so there is no receipt for it.")
            .with("orderNumber", order.getNumber())
            .with("orderStatus", order.getStatus().name()));
  }

  private Receipt receiptOf(PurchaseOrder order, Charge charge, Receipt.RefundLine refund) {
    Partner partner = partners.findById(order.getPartnerId()).orElseThrow();
    PaymentMethod card = paymentMethods.findById(order.getPaymentMethodId()).orElseThrow();
    String offerName = offers.findById(order.getOfferCode()).map(Offer::getName)
        .orElse(order.getOfferCode());
    return new Receipt(order.getNumber(), order.getKind(), order.getSubscriptionNumber(),
        charge.getCreatedAt(), partner.getName(), partner.getEmail(),
        LocaleFormat.supported(partner.getLocale()), offerName, term(order),
        charge.getAmount(), TAXES, charge.getCurrency(), card.display(),
        charge.getProviderChargeId(), refund);
  }

  /**
   * The term the order paid for. Its number: 1 for a purchase, the one in an automatic
   * renewal's charge key, and for a manual renewal the current term if it is the subscription's
   * last confirmed order. Its dates come from the subscription's anchor, so they are known for
   * the terms since the last anchor (a manual renewal after a lapse starts a new one).
   */
  private Receipt.Term term(PurchaseOrder order) {
    Subscription subscription = subscriptions.findByNumber(order.getSubscriptionNumber())
        .orElse(null);
    if (subscription == null) {
      return null;
    }
    Integer number = switch (order.getKind()) {
      case PURCHASE -> 1;
      case AUTO_RENEWAL -> {
        Matcher matcher = RENEWAL_TERM.matcher(order.getChargeKey());
        yield matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
      }
      case MANUAL_RENEWAL -> isLastConfirmed(order) ? subscription.getTermNumber() : null;
    };
    if (number == null) {
      return null;
    }
    if (number < subscription.getAnchorTermNumber()) {
      return new Receipt.Term(number, null, null);
    }
    return new Receipt.Term(number, number == subscription.getAnchorTermNumber()
        ? subscription.getAnchor() : subscription.endOfTerm(number - 1),
        subscription.endOfTerm(number));
  }

  private boolean isLastConfirmed(PurchaseOrder order) {
    return order.getStatus() == OrderStatus.CONFIRMED && orders
        .findBySubscriptionNumberAndStatus(order.getSubscriptionNumber(), OrderStatus.CONFIRMED)
        .stream().max(Comparator.comparing(PurchaseOrder::getCompletedAt))
        .map(last -> last.getId().equals(order.getId())).orElse(false);
  }
}
