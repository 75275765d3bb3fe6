package dev.actionpack.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import dev.actionpack.payment.PaymentProviderException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One policy for every call to Stripe: what is tried again (no answer, a reset connection, a
 * 5xx, a 409 or a 429), how often and for how long. The client's own retries are off, so this is
 * the only policy.
 */
final class StripeCalls {

  private static final Logger log = LoggerFactory.getLogger(StripeCalls.class);

  private final StripeSettings settings;

  StripeCalls(StripeSettings settings) {
    this.settings = settings;
  }

  static StripeClient client(StripeSettings settings) {
    if (settings.apiKey() == null || !settings.apiKey().matches("(sk|rk)_[A-Za-z0-9_]+")) {
      throw new IllegalStateException("actionpack.payment.provider=stripe needs a Stripe secret "
          + "or restricted key (sk_... or rk_...) in ACTIONPACK_PAYMENT_STRIPE_API_KEY");
    }
    if (settings.webhookSecret() == null || !settings.webhookSecret().startsWith("whsec_")) {
      throw new IllegalStateException("actionpack.payment.provider=stripe needs the webhook "
          + "endpoint's signing secret (whsec_...) in ACTIONPACK_PAYMENT_STRIPE_WEBHOOK_SECRET");
    }
    return StripeClient.builder()
        .setApiKey(settings.apiKey())
        .setApiBase(settings.apiBase())
        .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
        .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
        .setMaxNetworkRetries(0)
        .setHttpClient(new StripeHttp(settings.connectTimeout()))
        .build();
  }

  /** A call to Stripe; it may be made more than once, so it must be idempotent. */
  interface Call<T> {
    T run() throws StripeException;
  }

  /**
   * Runs the call, again after a fault that may heal; past the attempts or the time budget the
   * fault is a {@link PaymentProviderException}, as is an error no retry mends (a bad key).
   */
  <T> T run(String what, Call<T> call) {
    long started = System.nanoTime();
    Duration pause = settings.retryPause();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (StripeException e) {
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        if (!mayHeal(e) || attempt >= settings.attempts()
            || spent.plus(pause).compareTo(settings.callBudget()) >= 0) {
          log.warn("Stripe: {} failed after {} attempt(s) in {} ms: {}", what, attempt,
              spent.toMillis(), describe(e));
          throw new PaymentProviderException("Stripe: " + what + ": " + describe(e));
        }
        log.info("Stripe: {} attempt {} failed ({}); trying again in {} ms", what, attempt,
            describe(e), pause.toMillis());
        sleep(pause);
        pause = pause.multipliedBy(2);
      }
    }
  }

  private static boolean mayHeal(StripeException e) {
    Integer status = e.getStatusCode();
    return e instanceof ApiConnectionException || e instanceof RateLimitException
        || status != null && (status >= 500 || status == 409 || status == 429);
  }

  private static String describe(StripeException e) {
    return e.getClass().getSimpleName()
        + (e.getStatusCode() == null ? "" : " " + e.getStatusCode())
        + (e.getCode() == null ? "" : " " + e.getCode())
        + (e.getRequestId() == null ? "" : " (request " + e.getRequestId() + ")");
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new PaymentProviderException("interrupted while waiting to call Stripe again");
    }
  }
}
