package dev.actionpack.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A payment method the partner entered at the provider, named by the provider's id. */
public record ProviderCard(
    @NotBlank(message = "is required")
    @Pattern(regexp = "pm_[A-Za-z0-9_]{1,120}",
        message = "must be a Stripe payment method id (pm_...)")
    String paymentMethodToken) implements NewCard {}
