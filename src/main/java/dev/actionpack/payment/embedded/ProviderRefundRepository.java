package dev.actionpack.payment.embedded;

import java.math.BigDecimal;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProviderRefundRepository extends JpaRepository<ProviderRefund, String> {

  @Query("select coalesce(sum(r.amount), 0) from ProviderRefund r where r.chargeId = :chargeId")
  BigDecimal refundedOf(String chargeId);
}
