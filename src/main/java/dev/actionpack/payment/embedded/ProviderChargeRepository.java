package dev.actionpack.payment.embedded;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProviderChargeRepository extends JpaRepository<ProviderCharge, String> {

  @Query("select c from ProviderCharge c where c.chargeId = :chargeId")
  Optional<ProviderCharge> findByChargeId(String chargeId);
}
