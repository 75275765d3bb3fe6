package dev.actionpack.support;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceRequestRepository extends JpaRepository<ServiceRequest, UUID> {

  Optional<ServiceRequest> findByNumberAndPartnerId(String number, UUID partnerId);

  List<ServiceRequest> findByPartnerIdOrderByCreatedAtDesc(UUID partnerId);

  List<ServiceRequest> findByPartnerIdAndStatusOrderByCreatedAtDesc(UUID partnerId,
      ServiceRequestStatus status);

  long countByStatusNot(ServiceRequestStatus status);
}
