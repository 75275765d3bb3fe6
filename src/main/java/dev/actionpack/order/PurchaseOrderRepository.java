package dev.actionpack.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, UUID> {

  Optional<PurchaseOrder> findByPartnerIdAndRequestKey(UUID partnerId, String requestKey);

  Optional<PurchaseOrder> findByNumberAndPartnerId(String number, UUID partnerId);

  Optional<PurchaseOrder> findFirstByPartnerIdAndOfferCodeAndStatus(UUID partnerId,
      String offerCode, OrderStatus status);

  Optional<PurchaseOrder> findFirstBySubscriptionNumberAndStatus(String subscriptionNumber,
      OrderStatus status);

  Optional<PurchaseOrder> findByChargeKey(String chargeKey);

  List<PurchaseOrder> findBySubscriptionNumberAndKindAndStatus(String subscriptionNumber,
      OrderKind kind, OrderStatus status);

  List<PurchaseOrder> findByPartnerIdOrderByCreatedAtDesc(UUID partnerId);
}
