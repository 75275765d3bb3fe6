package dev.actionpack.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new service request as the partner fills it in (R15). */
public record OpenServiceRequest(
    @NotBlank(message = "is required: choose one of GET /api/service-requests/problem-types")
    @KnownProblemType String problemType,
    @NotBlank(message = "is required: the subscription the request is about")
    @Size(max = 40, message = "is longer than 40 characters") String subscriptionNumber,
    @NotBlank(message = "is required: describe what you need")
    @Size(max = 4000, message = "is longer than 4000 characters") String description,
    @NotNull(message = "is required: who support should contact") @Valid Contact contact) {}
