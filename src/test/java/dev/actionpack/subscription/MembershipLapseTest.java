package dev.actionpack.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.actionpack.support.LifecycleTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R24: a partner whose Network membership has lapsed cannot renew, automatically or manually,
 * and is told why; the subscription then expires as if the renewal had been declined.
 */
class MembershipLapseTest extends LifecycleTest {

  @Test
  @DisplayName("R24 a lapsed Network membership: the anniversary renewal is declined without a charge, the partner is told why, every retry too, then the subscription expires; a manual renewal is refused")
  void shouldNotRenewWhenTheMembershipHasLapsed() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    membership(partner, false);

    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));
    JsonNode renewal = get(partner, "/api/orders").body().get(0);
    JsonNode told = get(partner, "/api/notifications").body().get(0);
    Response manual = post(partner, "/api/subscriptions/" + number + "/renewals",
        purchaseWithCard("4242424242424242"));
    jobs().advanceTo(Instant.parse("2028-03-18T10:00:00Z"));

    assertThat(renewal.get("kind").asText()).isEqualTo("AUTO_RENEWAL");
    assertThat(renewal.get("status").asText()).isEqualTo("DECLINED");
    assertThat(renewal.get("decline").get("code").asText())
        .isEqualTo("network_membership_lapsed");
    assertThat(renewal.get("charged").asBoolean()).isFalse();
    assertThat(told.get("kind").asText()).isEqualTo("RENEWAL_DECLINED");
    assertThat(told.get("body").asText()).contains("Network membership");
    assertThat(manual.status()).isEqualTo(403);
    assertThat(manual.body().get("type").asText())
        .isEqualTo("/problems/network-membership-required");
    assertThat(manual.body().get("detail").asText()).contains("renew");
    assertThat(renewalCharges(number, 2)).as("nothing charged at the provider").isZero();
    List<String> codes = new ArrayList<>();
    get(partner, "/api/orders").body().forEach(order -> codes.add(order.get("kind").asText()
        + " " + order.path("decline").path("code").asText("-")));
    assertThat(codes).containsExactly("AUTO_RENEWAL network_membership_lapsed",
        "AUTO_RENEWAL network_membership_lapsed", "AUTO_RENEWAL network_membership_lapsed",
        "AUTO_RENEWAL network_membership_lapsed", "PURCHASE -");
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("EXPIRED");
    assertThat(inboxKinds(partner)).endsWith("EXPIRED");
  }

  @Test
  @DisplayName("R24 R12 a membership renewed while the renewal is past due: the next retry charges and the subscription is active again")
  void shouldRenewAtTheNextRetryOnceTheMembershipIsBack() {
    clockAt("2027-03-10T10:00:00Z");
    PartnerLogin partner = newMember();
    String number = subscribe(partner, "4242424242424242").get("number").asText();
    membership(partner, false);
    jobs().advanceTo(Instant.parse("2028-03-10T12:00:00Z"));
    assertThat(subscription(partner, number).get("status").asText()).isEqualTo("PAST_DUE");

    membership(partner, true);
    jobs().advanceTo(Instant.parse("2028-03-12T00:00:00Z"));

    JsonNode renewed = subscription(partner, number);
    assertThat(renewed.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(renewed.get("termNumber").asInt()).isEqualTo(2);
    assertThat(renewalCharges(number, 2)).isOne();
  }

  private void membership(PartnerLogin partner, boolean member) {
    jdbc.update("update partner set network_member = ? where id = ?", member,
        partner.partnerId());
  }
}
