package dev.actionpack.payment.embedded;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderChargeRepository extends JpaRepository<ProviderCharge, String> {

  Optional<ProviderCharge> findByChargeId(String chargeId);
}
