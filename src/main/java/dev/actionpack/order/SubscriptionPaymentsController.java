package dev.actionpack.order;

import dev.actionpack.domain.Refusal;
import dev.actionpack.offer.Money;
import dev.actionpack.partner.PartnerPrincipal;
import dev.actionpack.subscription.SubscriptionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every charge and refund of a subscription, oldest first, as the provider answered them: what
 * the partner's statements show, and what support looks at first.
 */
@RestController
class SubscriptionPaymentsController {

  private final SubscriptionRepository subscriptions;
  private final JdbcClient jdbc;

  SubscriptionPaymentsController(SubscriptionRepository subscriptions, JdbcClient jdbc) {
    this.subscriptions = subscriptions;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/subscriptions/{number}/payments")
  @Transactional(readOnly = true)
  PaymentsView payments(@AuthenticationPrincipal PartnerPrincipal partner,
      @PathVariable String number) {
    subscriptions.findByNumberAndPartnerId(number, partner.partnerId())
        .orElseThrow(() -> Refusal.notFound("Subscription"));
    List<ChargeView> charges = jdbc.sql("select o.number, o.kind, c.provider_charge_id, "
            + "c.amount, c.currency, c.approved, c.decline_code, c.created_at from payment_charge c "
            + "join purchase_order o on o.id = c.order_id where o.subscription_number = ? "
            + "and o.partner_id = ? order by c.created_at, o.number")
        .params(number, partner.partnerId()).query(SubscriptionPaymentsController::charge).list();
    List<RefundView> refunds = jdbc.sql("select o.number, r.provider_refund_id, r.amount, "
            + "r.currency, r.created_at from payment_refund r join purchase_order o "
            + "on o.id = r.order_id where o.subscription_number = ? and o.partner_id = ? "
            + "order by r.created_at, o.number")
        .params(number, partner.partnerId()).query(SubscriptionPaymentsController::refund).list();
    return new PaymentsView(number, charges, refunds);
  }

  private static ChargeView charge(ResultSet row, int index) throws SQLException {
    return new ChargeView(row.getString(1), OrderKind.valueOf(row.getString(2)),
        row.getString(3), new Money(row.getBigDecimal(4), row.getString(5)),
        row.getBoolean(6) ? "APPROVED" : "DECLINED", row.getString(7),
        row.getTimestamp(8).toInstant());
  }

  private static RefundView refund(ResultSet row, int index) throws SQLException {
    return new RefundView(row.getString(1), row.getString(2),
        new Money(row.getBigDecimal(3), row.getString(4)), row.getTimestamp(5).toInstant());
  }

  record ChargeView(String orderNumber, OrderKind orderKind, String providerChargeId,
      Money amount, String outcome, String declineCode, Instant at) {}

  record RefundView(String orderNumber, String providerRefundId, Money amount, Instant at) {}

  record PaymentsView(String subscriptionNumber, List<ChargeView> charges,
      List<RefundView> refunds) {}
}
