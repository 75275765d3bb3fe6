package dev.actionpack.support;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ServiceRequestRepository extends JpaRepository<ServiceRequest, UUID> {

  @Query("select r from ServiceRequest r where r.number = :number")
  Optional<ServiceRequest> findByNumber(String number);

  @Query("select r from ServiceRequest r where r.number = :number and "
      + "r.partnerId = :partnerId")
  Optional<ServiceRequest> findByNumberAndPartnerId(String number, UUID partnerId);

  @Query("select r from ServiceRequest r where r.partnerId = :partnerId "
      + "order by r.createdAt desc")
  List<ServiceRequest> findByPartnerIdOrderByCreatedAtDesc(UUID partnerId);

  @Query("select r from ServiceRequest r where r.partnerId = :partnerId "
      + "and r.status = :status order by r.createdAt desc")
  List<ServiceRequest> findByPartnerIdAndStatusOrderByCreatedAtDesc(UUID partnerId,
      ServiceRequestStatus status);

  @Query("select count(r) from ServiceRequest r where r.status <> "
      + ":status")
  long countByStatusNot(ServiceRequestStatus status);
}
