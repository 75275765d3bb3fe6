package dev.actionpack.subscription;

import java.util.UUID;

/**
 * The card that pays a subscription's renewals was replaced (R25); published in the
 * replacement's transaction, so whoever tells the partner does it in the same commit.
 */
public record PaymentMethodReplaced(UUID subscriptionId, String subscriptionNumber,
    UUID previousPaymentMethodId, UUID paymentMethodId) {}
