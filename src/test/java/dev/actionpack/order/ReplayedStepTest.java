package dev.actionpack.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.actionpack.subscription.Subscription;
import dev.actionpack.support.LifecycleTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A step of a paid order run again for an order already confirmed: what a crash leaves when the
 * order's commit reached the file and the engine's state of the same step did not (seen once in
 * the kill -9 test on H2). The step must change nothing and let the process go on.
 */
class ReplayedStepTest extends LifecycleTest {

  @Autowired
  private OrderFulfilment fulfilment;

  @Test
  @DisplayName("R7 R4 a purchase's activation run again for its confirmed order: the same subscription, nothing changed")
  void shouldActivateOnceWhenTheStepRunsAgain() {
    clockAt("2027-03-10T10:00:00Z");
    String number = subscribe(newMember(), "4242424242424242").get("number").asText();
    UUID orderId = orderOf(number, "PURCHASE");

    Subscription again = fulfilment.activate(orderId);

    assertThat(again.getNumber()).isEqualTo(number);
    assertThat(jdbc.queryForObject("select count(*) from subscription where number = ?",
        Integer.class, number)).isOne();
    assertThat(jdbc.queryForObject("select status from purchase_order where id = ?",
        String.class, orderId)).isEqualTo("CONFIRMED");
  }

  @Test
  @DisplayName("R7 R9 a renewal run again for its confirmed order: the term is renewed once, not twice")
  void shouldRenewOnceWhenTheStepRunsAgain() {
    clockAt("2027-03-10T10:00:00Z");
    String number = subscribe(newMember(), "4242424242424242").get("number").asText();
    jobs().advanceTo(Instant.parse("2028-03-10T10:00:00Z"));
    UUID subscriptionId = jdbc.queryForObject("select id from subscription where number = ?",
        UUID.class, number);

    Subscription again = fulfilment.renewOnAnniversary(subscriptionId,
        orderOf(number, "AUTO_RENEWAL"));

    assertThat(again.getTermNumber()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select term_number from subscription where number = ?",
        Integer.class, number)).isEqualTo(2);
    assertThat(renewalCharges(number, 2)).isOne();
  }

  private UUID orderOf(String subscriptionNumber, String kind) {
    return jdbc.queryForObject("select id from purchase_order where subscription_number = ? "
        + "and kind = ?", UUID.class, subscriptionNumber, kind);
  }
}
