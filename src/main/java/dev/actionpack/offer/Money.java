package dev.actionpack.offer;

import java.math.BigDecimal;

/** An amount in a currency, as the API shows prices. */
public record Money(BigDecimal amount, String currency) {}
