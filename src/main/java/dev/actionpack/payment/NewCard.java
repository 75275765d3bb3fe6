package dev.actionpack.payment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A card a partner gives: its details, which only the embedded provider takes, or the payment
 * method the partner entered at the provider (Stripe's {@code pm_…}), for which the service never
 * sees a number (R6). Told apart by their fields; a body with neither is read as card details,
 * so it is refused naming the card fields that are missing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION, defaultImpl = CardDetails.class)
@JsonSubTypes({@JsonSubTypes.Type(CardDetails.class), @JsonSubTypes.Type(ProviderCard.class)})
public sealed interface NewCard permits CardDetails, ProviderCard {}
