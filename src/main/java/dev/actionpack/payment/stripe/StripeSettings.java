package dev.actionpack.payment.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service talks to Stripe, from the environment ({@code ACTIONPACK_PAYMENT_STRIPE_*}).
 *
 * @param apiKey the secret or restricted key ({@code sk_...}, {@code rk_...})
 * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_...})
 * @param apiBase where Stripe's API is; only tests point it elsewhere
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer: past it, the outcome is unknown
 * @param attempts how many times a call is made before the caller's job retries it later; each
 *     repeat of a charge first looks for the charge the earlier attempt may have made
 * @param retryPause the pause before the second attempt, doubled before each later one
 * @param callBudget no further attempt starts once this much time has gone: the whole call
 *     stays well inside the engine's job lock time (30 s)
 * @param webhookTolerance how old a signed webhook may be (a replay older than this is refused)
 */
@ConfigurationProperties("actionpack.payment.stripe")
public record StripeSettings(String apiKey, String webhookSecret,
    @DefaultValue("https://api.stripe.com") String apiBase,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("3") int attempts,
    @DefaultValue("500ms") Duration retryPause,
    @DefaultValue("15s") Duration callBudget,
    @DefaultValue("5m") Duration webhookTolerance) {}
