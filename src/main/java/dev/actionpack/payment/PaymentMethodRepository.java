package dev.actionpack.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentMethodRepository extends JpaRepository<PaymentMethod, UUID> {

  List<PaymentMethod> findByPartnerIdOrderByCreatedAt(UUID partnerId);

  Optional<PaymentMethod> findByIdAndPartnerId(UUID id, UUID partnerId);
}
