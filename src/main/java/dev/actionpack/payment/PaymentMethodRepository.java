package dev.actionpack.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentMethodRepository extends JpaRepository<PaymentMethod, UUID> {

  @Query("select m from PaymentMethod m where m.partnerId = :partnerId "
      + "order by m.createdAt")
  List<PaymentMethod> findByPartnerIdOrderByCreatedAt(UUID partnerId);

  @Query("select m from PaymentMethod m where m.id = :id and m.partnerId "
      + "= :partnerId")
  Optional<PaymentMethod> findByIdAndPartnerId(UUID id, UUID partnerId);

  List<PaymentMethod> findByProviderToken(String providerToken);
}
