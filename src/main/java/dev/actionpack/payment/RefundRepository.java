package dev.actionpack.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RefundRepository extends JpaRepository<Refund, UUID> {

  @Query("select r from Refund r where r.idempotencyKey = "
      + ":idempotencyKey")
  Optional<Refund> findByIdempotencyKey(String idempotencyKey);

  @Query("select r from Refund r where r.providerRefundId = :providerRefundId "
      + "and r.orderId = :orderId")
  Optional<Refund> findByProviderRefundIdAndOrderId(String providerRefundId, UUID orderId);

  List<Refund> findByOrderIdOrderByCreatedAtAsc(UUID orderId);
}
