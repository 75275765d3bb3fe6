package dev.actionpack.subscription;

import dev.actionpack.payment.PaymentMethodView;
import java.time.Instant;

/** A purchased offer: the subscription and its current term. */
public record SubscriptionView(String number, String offerCode, String offerName,
    SubscriptionStatus status, int termNumber, Instant termStart, Instant termEnd,
    Instant anniversaryAnchor, boolean autoRenewal, Instant expiredAt,
    PaymentMethodView paymentMethod) {}
