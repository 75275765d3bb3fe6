package dev.actionpack.offer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One benefit an offer grants while a subscription is active (R8). */
@Embeddable
public record Benefit(
    @Column(name = "code", nullable = false) String code,
    @Column(name = "description", nullable = false) String description,
    @Column(name = "quantity") Integer quantity,
    @Column(name = "period") String period) {}
