package dev.actionpack.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import dev.actionpack.process.EngineClock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner's Stripe Customer, made the first time they give a card. Making it is keyed by the
 * partner, so two first cards at once, or a repeat after a lost answer, make one customer.
 * Used from request threads, never inside a transaction: each statement commits alone.
 */
@Component
@ConditionalOnProperty(name = "actionpack.payment.provider", havingValue = "stripe")
class StripeCustomers {

  private final JdbcClient jdbc;

  StripeCustomers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String of(UUID partnerId, StripeClient stripe, StripeCalls calls) {
    Optional<String> known = find(partnerId);
    if (known.isPresent()) {
      return known.get();
    }
    Customer customer = calls.run("create customer", () -> stripe.v1().customers().create(
        CustomerCreateParams.builder()
            .setDescription("Action Pack partner " + partnerId)
            .putMetadata("partner_id", partnerId.toString())
            .build(),
        RequestOptions.builder().setIdempotencyKey("customer-" + partnerId).build()));
    try {
      jdbc.sql("insert into stripe_customer (partner_id, customer_id, created_at) "
              + "values (?, ?, ?)")
          .params(partnerId, customer.getId(), EngineClock.now().atOffset(ZoneOffset.UTC))
          .update();
      return customer.getId();
    } catch (DuplicateKeyException concurrentFirstCard) {
      return find(partnerId).orElseThrow();
    }
  }

  private Optional<String> find(UUID partnerId) {
    return jdbc.sql("select customer_id from stripe_customer where partner_id = ?")
        .param(partnerId).query(String.class).optional();
  }
}
