package dev.actionpack.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, UUID> {

  @Query("select o from PurchaseOrder o where o.partnerId = :partnerId "
      + "and o.requestKey = :requestKey")
  Optional<PurchaseOrder> findByPartnerIdAndRequestKey(UUID partnerId, String requestKey);

  @Query("select o from PurchaseOrder o where o.number = :number and "
      + "o.partnerId = :partnerId")
  Optional<PurchaseOrder> findByNumberAndPartnerId(String number, UUID partnerId);

  @Query("select o from PurchaseOrder o where o.partnerId = :partnerId "
      + "and o.offerCode = :offerCode and o.status = :status order by "
      + "o.createdAt")
  List<PurchaseOrder> findByPartnerIdAndOfferCodeAndStatus(UUID partnerId,
      String offerCode, OrderStatus status);

  @Query("select o from PurchaseOrder o where o.subscriptionNumber = "
      + ":subscriptionNumber and o.status = :status order by "
      + "o.createdAt")
  List<PurchaseOrder> findBySubscriptionNumberAndStatus(String subscriptionNumber,
      OrderStatus status);

  @Query("select o from PurchaseOrder o where o.chargeKey = :chargeKey")
  Optional<PurchaseOrder> findByChargeKey(String chargeKey);

  @Query("select o from PurchaseOrder o where o.subscriptionNumber = "
      + ":subscriptionNumber and o.kind = :kind and o.status = :status")
  List<PurchaseOrder> findBySubscriptionNumberAndKindAndStatus(String subscriptionNumber,
      OrderKind kind, OrderStatus status);

  @Query("select o from PurchaseOrder o where o.partnerId = :partnerId "
      + "order by o.createdAt desc")
  List<PurchaseOrder> findByPartnerIdOrderByCreatedAtDesc(UUID partnerId);
}
